// Finding what to send: a crawl of the pages and their forms, and a staff session to crawl the staff area with.
import { parse } from 'node-html-parser';
import { openApp } from '../../src/lib/server/app';
import { SESSION_COOKIE } from '../../src/lib/server/auth/auth.types';
import { createSession } from '../../src/lib/server/auth/session.service';
import { loadConfig } from '../../src/lib/server/config';
import { setUpAdmin } from '../../src/lib/server/testing/fixtures';

export interface TForm {
  page: string;
  action: string;
  fields: { name: string; value: string; type: string }[];
}

/**
 * A session of a new administrator (with TOTP) in the app's database, made as the login form makes one. The
 * staff crawl uses it; it does not post the logout form, nor the account form (a new password would be kept).
 */
export async function adminSession(databaseUrl: string): Promise<string> {
  const ctx = await openApp(loadConfig({ ...process.env, DATABASE_URL: databaseUrl }));
  try {
    const { admin } = await setUpAdmin(ctx);
    return (await createSession(ctx, admin.id)).token;
  } finally {
    await ctx.close();
  }
}

/**
 * Crawls from `start` (the public pages from / and /en by default): the addresses it found, and each distinct
 * form that posts, with its fields. With a session, it stays on the pages `within` accepts.
 */
export async function crawl(
  origin: string,
  maxPages = 600,
  start = ['/', '/en'],
  session?: string,
  within: (path: string) => boolean = () => true
): Promise<{ pages: string[]; forms: TForm[] }> {
  const queue = [...start];
  const seen = new Set(queue);
  const forms = new Map<string, TForm>();
  const headers = session ? { cookie: `${SESSION_COOKIE}=${session}` } : undefined;
  let visited = 0;
  while (queue.length && visited < maxPages) {
    const page = queue.shift() as string;
    visited++;
    const res = await fetch(new URL(page, origin), { redirect: 'manual', headers });
    if (!(res.headers.get('content-type') ?? '').includes('text/html')) continue;
    const html = parse(await res.text());
    for (const a of html.querySelectorAll('a[href]')) {
      const url = new URL(a.getAttribute('href') ?? '', new URL(page, origin));
      if (url.origin !== origin || /\.(csv|json|jsonstat|svg|png|pdf|txt)$/.test(url.pathname)) continue;
      if (url.pathname.startsWith('/_app') || url.pathname.startsWith('/api') || !within(url.pathname)) continue;
      const key = url.pathname + url.search;
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(key);
      }
    }
    for (const f of html.querySelectorAll('form')) {
      if ((f.getAttribute('method') ?? 'get').toLowerCase() !== 'post') continue;
      const action = new URL(f.getAttribute('action') ?? '', new URL(page, origin));
      const key = action.pathname + action.search;
      if (forms.has(key) || (session && /\/(logout|admin\/account)$/.test(action.pathname))) continue;
      const fields: TForm['fields'] = [];
      for (const el of f.querySelectorAll('input[name], select[name], textarea[name]')) {
        const name = el.getAttribute('name') ?? '';
        const type = (el.getAttribute('type') ?? '').toLowerCase();
        if ((type === 'radio' || type === 'checkbox') && fields.some((x) => x.name === name)) continue;
        const value =
          el.tagName === 'SELECT'
            ? (el
                .querySelectorAll('option')
                .find((o) => o.getAttribute('value'))
                ?.getAttribute('value') ?? '')
            : el.tagName === 'TEXTAREA'
              ? el.text
              : (el.getAttribute('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : ''));
        fields.push({
          name,
          value,
          type: el.tagName === 'SELECT' ? 'select' : el.tagName === 'TEXTAREA' ? 'textarea' : type || 'text'
        });
      }
      forms.set(key, { page, action: key, fields });
    }
  }
  return { pages: [...seen], forms: [...forms.values()] };
}
