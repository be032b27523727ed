import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import { helpFingerprints } from './help.content';
import { htmlLangAttributes } from './help.html';

type THandler = (event: never) => Promise<unknown>;
let actions: Record<string, THandler>;
let pageLoad: THandler;
let cardLoad: THandler;
let langGet: THandler;
let editor: TSessionUser;
let analyst: TSessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  actions = (await import('../../../routes/(staff)/admin/content/help/[lang]/+page.server')).actions as Record<
    string,
    THandler
  >;
  pageLoad = (await import('../../../routes/help/[lang]/+page.server')).load as THandler;
  cardLoad = (await import('../../../routes/help/[lang]/card/+page.server')).load as THandler;
  langGet = (await import('../../../routes/api/v1/help/[lang]/+server')).GET as THandler;
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  editor = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(async () => (await app()).close());

/** The studio's "checked by a native speaker" action (the one way to mark a translation checked). */
function review(fields: Record<string, string>, user: TSessionUser | null) {
  const lang = /^[a-z]{2,3}$/.test(fields.lang) ? fields.lang : 'pl';
  const { event } = fakeActionEvent(
    `/admin/content/help/${lang}?/checked`,
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
    { user }
  );
  return actions.checked({ ...event, params: { lang } } as never);
}

function getEvent(path: string, params: Record<string, string>) {
  const url = new URL(`http://localhost${path}`);
  return {
    url,
    params,
    request: new Request(url),
    locals: { requestId: 't', locale: path.startsWith('/en/') ? 'en' : 'nb', user: null, sessionId: null }
  } as never;
}

async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe("the studio's check action", () => {
  it('an editor marks a translation checked', async () => {
    expect(await review({ lang: 'vi', fingerprint: helpFingerprints.vi }, editor)).toEqual({ checked: 'vi' });
  });

  it('a bad form is a 400 with a message per field, an analyst a 403, a stale fingerprint a 409; nothing stored', async () => {
    const analystForbidden = await thrown(review({ lang: 'so', fingerprint: helpFingerprints.so }, analyst));
    expect(isHttpError(analystForbidden) && analystForbidden.status).toBe(403);
    const bad = await review({ lang: '???', fingerprint: 'nope' }, editor);
    expect(isActionFailure(bad) && bad.status).toBe(400);
    const errors = isActionFailure(bad) ? (bad.data as unknown as { errors: Record<string, string> }).errors : {};
    expect(Object.keys(errors).sort()).toEqual(['fingerprint', 'lang']);
    const stale = await review({ lang: 'so', fingerprint: helpFingerprints.th }, editor);
    expect(isActionFailure(stale) && stale.status).toBe(409);
    const rows = await (await app()).db.selectFrom('help_review').select('lang').execute();
    expect(rows.map((r) => r.lang)).toEqual(['vi']);
  });

  it('without a session the action sends the visitor to log in', async () => {
    expect(isRedirect(await thrown(review({ lang: 'so', fingerprint: helpFingerprints.so }, null)))).toBe(true);
  });
});

describe('public pages and API', () => {
  it('an unknown language on the page or the card goes to the language list, never an error', async () => {
    for (const load of [pageLoad, cardLoad]) {
      const e = await thrown(load(getEvent('/help/xx', { lang: 'xx' })));
      expect(isRedirect(e) && e.location).toBe('/help?unknown');
      expect(isHttpError(e)).toBe(false);
    }
    const en = await thrown(pageLoad(getEvent('/en/help/xx', { lang: 'xx' })));
    expect(isRedirect(en) && en.location).toBe('/en/help?unknown');
  });

  it('the card carries a QR code made here, to the language page', async () => {
    const data = (await cardLoad(getEvent('/help/ti/card', { lang: 'ti' }))) as { pageUrl: string; qrSvg: string };
    expect(data.pageUrl).toBe('http://localhost/help/ti');
    expect(data.qrSvg).toMatch(/^<svg aria-hidden="true"/);
  });

  it('the page shows a reviewed translation as checked, by whom', async () => {
    const data = (await pageLoad(getEvent('/help/vi', { lang: 'vi' }))) as {
      view: { page: { status: string }; statusLine: string };
    };
    expect(data.view.page.status).toBe('reviewed');
    expect(data.view.statusLine).toContain(editor.displayName);
  });

  it('the API answers an unknown language with 404 and the language list', async () => {
    const res = (await langGet(getEvent('/api/v1/help/xx', { lang: 'xx' }))) as Response;
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.code).toBe('not_found');
    expect(body.languages).toHaveLength(13);
  });

  it('writes lang and dir on <html> only for known help languages', () => {
    expect(htmlLangAttributes('/help/ar', 'nb')).toBe('lang="ar" dir="rtl"');
    expect(htmlLangAttributes('/en/help/th/card', 'en')).toBe('lang="th"');
    expect(htmlLangAttributes('/help/x"y', 'nb')).toBe('lang="nb"');
    expect(htmlLangAttributes('/check', 'en')).toBe('lang="en"');
  });
});
