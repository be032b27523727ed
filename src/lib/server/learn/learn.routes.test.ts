import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import { freshDatabaseUrl } from '../testing/test-app';

type THandler = (event: never) => Promise<Response>;
type TLoad = (event: never) => unknown;
const h: Record<string, THandler> = {};
let indexLoad: TLoad;
let pageLoad: TLoad;

function event(path: string, params: Record<string, string> = {}, locale: 'nb' | 'en' = 'nb') {
  const url = new URL(`http://localhost${path}`);
  return { url, request: new Request(url), locals: { locale, requestId: 't' }, params } as never;
}

async function httpErrorOf(run: () => unknown) {
  try {
    await run();
  } catch (e) {
    if (isHttpError(e)) return e;
    throw e;
  }
  throw new Error('expected an HTTP error');
}

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  h.pages = (await import('../../../routes/api/v1/learn/pages/+server')).GET as THandler;
  h.page = (await import('../../../routes/api/v1/learn/pages/[slug]/+server')).GET as THandler;
  h.search = (await import('../../../routes/api/v1/learn/search/+server')).GET as THandler;
  h.openapi = (await import('../../../routes/api/v1/openapi.json/+server')).GET as THandler;
  indexLoad = (await import('../../../routes/learn/+page.server')).load as TLoad;
  pageLoad = (await import('../../../routes/learn/[slug]/+page.server')).load as TLoad;
  await app();
});
afterAll(async () => (await app()).close());

describe('API', () => {
  it('lists the pages in the language asked for', async () => {
    const nb = await (await h.pages(event('/api/v1/learn/pages'))).json();
    expect(nb.data.map((p: { slug: string }) => p.slug)).toEqual([
      'what-is-trafficking',
      'sectors',
      'indicators',
      'norway-framework',
      'facts-and-figures',
      'what-you-can-do'
    ]);
    expect(nb.data[0]).toMatchObject({
      locale: 'nb',
      title: 'Hva er menneskehandel?',
      url: '/learn/what-is-trafficking'
    });
    const en = await (await h.pages(event('/api/v1/learn/pages?lang=en'))).json();
    expect(en.data[0]).toMatchObject({
      locale: 'en',
      title: 'What is human trafficking?',
      url: '/en/learn/what-is-trafficking'
    });
  });

  it('gives one page whole, with numbered sources, and a 404 in the caller’s language', async () => {
    const r = await h.page(event('/api/v1/learn/pages/indicators?lang=en', { slug: 'indicators' }));
    expect(r.status).toBe(200);
    const page = await r.json();
    expect(page.sources[0]).toMatchObject({
      number: 1,
      url: 'https://respect.international/indicators-of-forced-labour'
    });
    expect(page.headings).toHaveLength(12);
    expect(page.related).toEqual([
      { slug: 'what-is-trafficking', title: 'What is human trafficking?' },
      { slug: 'what-you-can-do', title: 'What can you do?' }
    ]);
    const missing = await h.page(event('/api/v1/learn/pages/nope?lang=en', { slug: 'nope' }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Page not found.', code: 'not_found' });
  });

  it('searches in one language and refuses a query without words with a field message', async () => {
    const r = await (await h.search(event('/api/v1/learn/search?q=sexkj%C3%B8psloven'))).json();
    expect(r.locale).toBe('nb');
    expect(r.data.length).toBeGreaterThan(0);
    expect(r.data[0].snippet.some((p: { mark?: boolean }) => p.mark)).toBe(true);
    const en = await (await h.search(event('/api/v1/learn/search?q=Sex+Purchase+Act&lang=en'))).json();
    expect(en.data.map((d: { slug: string }) => d.slug)).toContain('norway-framework');
    const bad = await h.search(event('/api/v1/learn/search?q=!&lang=en'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'validation',
      fields: { q: 'Write at least two letters or digits.' }
    });
    const none = await h.search(event('/api/v1/learn/search'));
    expect(none.status).toBe(400);
    const long = await h.search(event(`/api/v1/learn/search?q=${'a'.repeat(101)}`));
    expect((await long.json()).fields.q).toBe('Skriv høyst 100 tegn.');
  });

  it('documents the three operations in the OpenAPI document', async () => {
    const doc = await (await h.openapi(event('/api/v1/openapi.json'))).json();
    for (const p of ['/api/v1/learn/pages', '/api/v1/learn/pages/{slug}', '/api/v1/learn/search'])
      expect(doc.paths[p]?.get).toBeTruthy();
    const params = doc.paths['/api/v1/learn/search'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['q', 'lang']));
  });
});

describe('pages', () => {
  it('searches from the index page with a GET query, and repeats the form on bad input with a 400', async () => {
    expect(await indexLoad(event('/learn'))).toEqual({ q: null, results: null });
    const found = (await indexLoad(event('/en/learn?q=renholdsregisteret', {}, 'en'))) as {
      results: { url: string }[];
    };
    expect(found.results.map((r) => r.url)).toContain('/en/learn/norway-framework');
    const err = await httpErrorOf(() => indexLoad(event('/en/learn?q=x', {}, 'en')));
    expect(err.status).toBe(400);
    expect(err.body.message).toBe('Write at least two letters or digits.');
  });

  it('answers an unknown page with a 404 in the reader’s language', async () => {
    const err = await httpErrorOf(() => pageLoad(event('/learn/nope', { slug: 'nope' })));
    expect(err.status).toBe(404);
    expect(err.body.message).toBe('Fant ikke siden.');
    const ok = (await pageLoad(event('/learn/sectors', { slug: 'sectors' }))) as { learnPage: { title: string } };
    expect(ok.learnPage.title).toBe('Bransjer med risiko i Norge');
  });
});
