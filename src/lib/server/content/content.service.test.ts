import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { getLearnPage, listLearnPages, searchLearn } from '../learn/learn.service';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { parseLearnBody, type TLearnBody } from './content.learn';
import {
  changeState,
  ContentConflict,
  contentHistory,
  diffContentVersions,
  exportContent,
  getLearnEditor,
  importContent,
  listContent,
  restoreVersion,
  saveLearnDraft,
  seedContent,
  setContentSettings
} from './content.service';

let ctx: AppContext;
let admin: TSessionUser;
let editor: TSessionUser;
let second: TSessionUser;
let analyst: TSessionUser;
beforeAll(async () => {
  ctx = await openTestApp();
  admin = (await setUpAdmin(ctx)).admin;
  editor = await createStaffUser(ctx, admin, 'editor');
  second = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(async () => ctx.close());

async function editable(slug: string, locale: 'nb' | 'en', actor = editor) {
  const view = await getLearnEditor(ctx.db, actor, slug, locale);
  return { view, revision: view.open?.revision ?? 0, base: view.base, body: view.body };
}

const withText = (body: TLearnBody, change: Partial<TLearnBody>): TLearnBody => ({ ...body, ...change });

describe('seed', () => {
  it('loads every repository page as published version 1, once', async () => {
    const { items } = await listContent(ctx.db, editor);
    expect(items).toHaveLength(6);
    for (const i of items) {
      expect(i.nb.published).toBe(1);
      expect(i.en.published).toBe(1);
    }
    expect(await seedContent(ctx.db)).toBe(0);
  });
});

describe('the edit → review → publish flow', () => {
  it('publishes a second editor’s review at once, on the page, the API list and the search index', async () => {
    const { revision, base, body } = await editable('sectors', 'nb');
    const saved = await saveLearnDraft(ctx, editor, {
      slug: 'sectors',
      locale: 'nb',
      revision,
      base,
      body: withText(body, {
        title: 'Bransjer med risiko (oppdatert)',
        markdown: `${body.markdown}\n\nNytt avsnitt om sesongarbeid og blåbærplukking.<script>alert(1)</script>\n`
      })
    });
    expect(saved.number).toBe(2);
    expect(saved.removed).toEqual([{ kind: 'script', text: '<script>alert(1)</script>' }]);
    // Not visible before it is published.
    expect((await getLearnPage(ctx, 'sectors', 'nb')).page.title).toBe('Bransjer med risiko i Norge');

    await changeState(ctx, editor, { slug: 'sectors', locale: 'nb', number: 2, action: 'submit' });
    // Two-person review is on by default: the author may not publish.
    expect(
      await errorOf(changeState(ctx, editor, { slug: 'sectors', locale: 'nb', number: 2, action: 'publish' }))
    ).toMatchObject({ code: 'conflict', message: 'content.error.ownChange' });
    expect((await getLearnEditor(ctx.db, second, 'sectors', 'nb')).canPublish).toBe(true);
    await changeState(ctx, second, { slug: 'sectors', locale: 'nb', number: 2, action: 'publish' });

    const { page } = await getLearnPage(ctx, 'sectors', 'nb');
    expect(page.title).toBe('Bransjer med risiko (oppdatert)');
    expect(page.html).toContain('blåbærplukking');
    expect(page.html).not.toContain('script');
    expect(page.updated).toBe(new Date().toISOString().slice(0, 10));
    expect((await listLearnPages(ctx, 'nb')).find((p) => p.slug === 'sectors')?.title).toBe(
      'Bransjer med risiko (oppdatert)'
    );
    expect((await searchLearn(ctx.db, 'blåbærplukking', 'nb')).map((h) => h.slug)).toEqual(['sectors']);

    const actions = (
      await ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'content.%').execute()
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['content.draft', 'content.submit', 'content.publish']));

    const history = await contentHistory(ctx.db, editor, 'sectors', 'nb');
    expect(history.map((h) => [h.number, h.state])).toEqual([
      [2, 'published'],
      [1, 'archived']
    ]);
    const diff = await diffContentVersions(ctx.db, editor, 'sectors', 'nb', 1, 2);
    expect(diff.find((p) => p.kind === 'added')?.text).toContain('Bransjer med risiko (oppdatert)');
    expect(diff.find((p) => p.kind === 'removed')?.text).toContain('Bransjer med risiko i Norge');
  });

  it('restores an old version as a new draft, and archiving the published version takes the page off', async () => {
    const restored = await restoreVersion(ctx, editor, { slug: 'sectors', locale: 'nb', number: 1 });
    expect(restored.number).toBe(3);
    const view = await getLearnEditor(ctx.db, editor, 'sectors', 'nb');
    expect(view.open).toMatchObject({ number: 3, state: 'draft' });
    expect(view.body.title).toBe('Bransjer med risiko i Norge');
    expect(await errorOf(restoreVersion(ctx, editor, { slug: 'sectors', locale: 'nb', number: 1 }))).toMatchObject({
      message: 'content.error.openExists'
    });
    await changeState(ctx, editor, { slug: 'sectors', locale: 'nb', number: 3, action: 'archive' });
    expect((await getLearnEditor(ctx.db, editor, 'sectors', 'nb')).open).toBeNull();
  });
});

describe('the version check', () => {
  it('refuses a save based on an old revision, shows the stored version, and overwrites nothing', async () => {
    const a = await editable('indicators', 'en');
    const b = await editable('indicators', 'en', second);
    await saveLearnDraft(ctx, editor, {
      slug: 'indicators',
      locale: 'en',
      revision: a.revision,
      base: a.base,
      body: withText(a.body, { summary: 'Summary by the first editor.' })
    });
    const e = await errorOf(
      saveLearnDraft(ctx, second, {
        slug: 'indicators',
        locale: 'en',
        revision: b.revision,
        base: b.base,
        body: withText(b.body, { summary: 'Summary by the second editor.' })
      })
    );
    expect(e).toBeInstanceOf(ContentConflict);
    expect((e as ContentConflict).theirs.body.summary).toBe('Summary by the first editor.');
    const now = await editable('indicators', 'en');
    expect(now.body.summary).toBe('Summary by the first editor.');
    // A save from the current revision goes through, and a stale one after it is refused too.
    await saveLearnDraft(ctx, second, {
      slug: 'indicators',
      locale: 'en',
      revision: now.revision,
      base: now.base,
      body: withText(now.body, { summary: 'Merged.' })
    });
    expect(
      await errorOf(
        saveLearnDraft(ctx, editor, {
          slug: 'indicators',
          locale: 'en',
          revision: now.revision,
          base: now.base,
          body: now.body
        })
      )
    ).toBeInstanceOf(ContentConflict);
    expect((await editable('indicators', 'en')).body.summary).toBe('Merged.');
  });

  it('refuses a second first draft made from the same published version', async () => {
    const a = await editable('norway-framework', 'nb');
    await saveLearnDraft(ctx, editor, { slug: 'norway-framework', locale: 'nb', ...a });
    expect(await errorOf(saveLearnDraft(ctx, second, { slug: 'norway-framework', locale: 'nb', ...a }))).toBeInstanceOf(
      ContentConflict
    );
  });
});

describe('bad input and permissions', () => {
  it('rejects references to missing sources and unknown related pages, storing nothing', async () => {
    const a = await editable('what-you-can-do', 'en');
    const e = await errorOf(
      saveLearnDraft(ctx, editor, {
        slug: 'what-you-can-do',
        locale: 'en',
        ...a,
        body: withText(a.body, { markdown: 'A claim [^99].', related: ['no-such-page'] })
      })
    );
    expect(e).toMatchObject({
      code: 'validation',
      fields: { markdown: 'content.error.render', related: 'content.error.related' }
    });
    expect((await getLearnEditor(ctx.db, editor, 'what-you-can-do', 'en')).open).toBeNull();
  });

  it('gives analysts 403 and only administrators the settings', async () => {
    expect(await errorOf(listContent(ctx.db, analyst))).toMatchObject({ code: 'forbidden' });
    expect(await errorOf(getLearnEditor(ctx.db, analyst, 'sectors', 'nb'))).toMatchObject({ code: 'forbidden' });
    expect(
      await errorOf(setContentSettings(ctx.db, editor, { twoPersonReview: false, sourceAgeYears: 5 }))
    ).toMatchObject({ code: 'forbidden' });
  });

  it('lets an editor publish their own draft when two-person review is off', async () => {
    await setContentSettings(ctx.db, admin, { twoPersonReview: false, sourceAgeYears: 3 });
    const a = await editable('facts-and-figures', 'en');
    const { number } = await saveLearnDraft(ctx, editor, {
      slug: 'facts-and-figures',
      locale: 'en',
      ...a,
      body: withText(a.body, { title: 'Facts, figures and more' })
    });
    await changeState(ctx, editor, { slug: 'facts-and-figures', locale: 'en', number, action: 'publish' });
    expect((await getLearnPage(ctx, 'facts-and-figures', 'en')).page.title).toBe('Facts, figures and more');
    await setContentSettings(ctx.db, admin, { twoPersonReview: true, sourceAgeYears: 5 });
  });
});

describe('files', () => {
  it('export → import round-trips with no changes; an edited file is shown as a diff and loaded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forebygg-content-'));
    try {
      const { written } = await exportContent(ctx.db, dir);
      expect(written.filter((p) => p.endsWith('.md'))).toHaveLength(12); // and 3 quiz sets, 7 checklists, 13 help, 32 home
      const dry = await importContent(ctx, dir, { dryRun: true });
      expect(dry).toEqual({ changes: [], unchanged: 12 + 3 + 7 + 13 + 32 });

      const file = join(dir, 'en', 'what-is-trafficking.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Trafficking explained'));
      const preview = await importContent(ctx, dir, { dryRun: true });
      expect(preview.changes.map((c) => [c.path, c.change])).toEqual([['en/what-is-trafficking.md', 'changed']]);
      expect(preview.changes[0].diff.find((p) => p.kind === 'added')?.text).toContain('Trafficking explained');
      expect((await getLearnPage(ctx, 'what-is-trafficking', 'en')).page.title).not.toBe('Trafficking explained');

      await importContent(ctx, dir, { dryRun: false });
      expect((await getLearnPage(ctx, 'what-is-trafficking', 'en')).page.title).toBe('Trafficking explained');
      expect(await importContent(ctx, dir, { dryRun: true })).toEqual({ changes: [], unchanged: 12 + 3 + 7 + 13 + 32 });
      const row = await ctx.db
        .selectFrom('content_version as v')
        .innerJoin('content_item as i', 'i.id', 'v.item_id')
        .select('v.body')
        .where('i.key', '=', 'what-is-trafficking')
        .where('i.locale', '=', 'en')
        .where('v.state', '=', 'published')
        .executeTakeFirstOrThrow();
      expect(parseLearnBody(row.body).title).toBe('Trafficking explained');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
