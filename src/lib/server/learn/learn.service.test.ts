import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { openTestApp } from '../testing/test-app';
import { errorOf } from '../testing/fixtures';
import { LearnContent, learnContent, parseDocument } from './learn.content';
import { getLearnPage, searchLearn, syncLearnIndex } from './learn.service';

let ctx: AppContext;
beforeAll(async () => {
  ctx = await openTestApp();
});
afterAll(async () => ctx.close());

const marked = (snippet: { text: string; mark?: true }[]) => snippet.filter((p) => p.mark).map((p) => p.text);

describe('search', () => {
  it('finds pages in bokmål with the match highlighted, title matches first', async () => {
    const hits = await searchLearn(ctx.db, 'åpenhetsloven', 'nb');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.slug)).toContain('norway-framework');
    expect(hits.every((h) => h.url.startsWith('/learn/'))).toBe(true);
    const framework = hits.find((h) => h.slug === 'norway-framework')!;
    expect(marked(framework.snippet).join(' ').toLowerCase()).toContain('åpenhetsloven');

    const palermo = await searchLearn(ctx.db, 'Palermoprotokollen', 'nb');
    expect(palermo[0].slug).toBe('what-is-trafficking');
  });

  it('searches English pages in English, and finds words by their beginning', async () => {
    const hits = await searchLearn(ctx.db, 'transparency', 'en');
    expect(hits.map((h) => h.slug)).toContain('norway-framework');
    expect(hits.every((h) => h.url.startsWith('/en/learn/'))).toBe(true);
    // "åpenhetsloven" appears in the English text only in brackets; a bokmål-only word finds nothing.
    expect(await searchLearn(ctx.db, 'tvangsarbeid', 'en')).toEqual([]);
    const prefix = await searchLearn(ctx.db, 'indicat', 'en');
    expect(prefix.map((h) => h.slug)).toContain('indicators');
  });

  it('needs every word to match, and answers an unknown word with no results', async () => {
    const both = await searchLearn(ctx.db, 'renholdsregisteret HMS-kort', 'nb');
    expect(both.map((h) => h.slug)).toContain('norway-framework');
    expect(await searchLearn(ctx.db, 'renholdsregisteret zyxwv', 'nb')).toEqual([]);
  });

  it('treats query syntax as words, never as a query language', async () => {
    for (const q of ['NEAR(ab cd)', 'title:xy OR *', "'; drop table learn_page; --", 'ab & cd | !ef', 'xy:* <-> yz']) {
      expect(Array.isArray(await searchLearn(ctx.db, q, 'nb'))).toBe(true);
    }
    expect(await ctx.db.selectFrom('learn_page').select('slug').execute()).toHaveLength(12);
    expect(await errorOf(searchLearn(ctx.db, '%%', 'nb'))).toMatchObject({
      code: 'validation',
      fields: { q: 'learn.search.error.q' }
    });
  });
});

describe('the index', () => {
  it('is rebuilt only when the content changed, and covers every page in both languages', async () => {
    expect(await syncLearnIndex(ctx.db)).toEqual({ changed: false, pages: 12 });
    const rows = await ctx.db.selectFrom('learn_page').select(['slug', 'locale']).execute();
    expect(rows).toHaveLength(12);
  });

  it('indexes a page without a translation for both languages, from the text that exists', async () => {
    const extra = parseDocument(
      'content/nb/ekstra.md',
      'nb',
      'extra-page',
      '---\ntitle: Kvitteringsside\nsummary: Om kvitteringer.\nupdated: 2026-11-01\nsources:\n  - title: K\n---\nBetal aldri uten kvittering.\n',
      []
    );
    const content = new LearnContent([...learnContent().docs, extra]);
    expect(await syncLearnIndex(ctx.db, content)).toEqual({ changed: true, pages: 14 });
    const en = await searchLearn(ctx.db, 'kvittering', 'en');
    expect(en.map((h) => h.slug)).toEqual(['extra-page']);
    // Back to the shipped content: the extra page leaves the index.
    expect(await syncLearnIndex(ctx.db)).toEqual({ changed: true, pages: 12 });
    expect(await searchLearn(ctx.db, 'kvitteringsside', 'nb')).toEqual([]);
  });
});

describe('pages', () => {
  it('answers an unknown page with a 404 whose message is a key', async () => {
    expect(await errorOf(() => getLearnPage(ctx, 'no-such-page', 'en'))).toMatchObject({
      code: 'not_found',
      message: 'learn.error.notFound'
    });
  });
});
