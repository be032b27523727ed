import { translate, type Locale } from '../../i18n';
import { AppError } from '../errors';
import { log } from '../log';
import { SECURITY_HEADERS } from './headers';

/**
 * The safety net for input a database refuses where the other accepts it — PostgreSQL's "data exception"
 * class (SQLSTATE 22…: 22003 a number out of range, 22P02 not a number, 22021 a NUL byte or invalid UTF-8,
 * 22001 too long, 22007/22008 not a date or out of range…) and 54000 (a value too big for an index): the
 * request was wrong, not the server, so it answers 400 "invalid input" instead of 500. The schemas refuse
 * such input first, with a message per field; this only catches what they missed, and says so in the log
 * (the route and the SQLSTATE, never the request, the query or the database's message, which quotes the input).
 */
export function refusedInputCode(e: unknown, depth = 0): string | null {
  if (!e || typeof e !== 'object' || depth > 3) return null;
  const err = e as { code?: unknown; cause?: unknown };
  if (typeof err.code === 'string' && /^(22[0-9A-Z]{3}|54000)$/.test(err.code)) return err.code;
  return refusedInputCode(err.cause, depth + 1);
}

/** The message the log line carries; tests/fuzz/run.ts fails when the app writes it (a schema missed input). */
export const REFUSED_INPUT_LOG = 'database refused the input';

/** `e` as a 400 AppError when the database refused the input (logged as a warning), else null. */
export function refusedInputError(e: unknown, route: string | null | undefined): AppError | null {
  const sqlstate = refusedInputCode(e);
  if (!sqlstate) return null;
  log.warn({ route: route ?? null, sqlstate }, REFUSED_INPUT_LOG);
  return new AppError('bad_request', 'validation.refused');
}

/**
 * The 400 answer for a request whose error reached SvelteKit's handleError (a load, an endpoint): JSON
 * `{message, code}` for the API and callers asking for JSON, a small self-contained page otherwise.
 */
export function refusedInputResponse(path: string, accept: string, locale: Locale): Response {
  const message = translate(locale, 'validation.refused');
  const headers = { ...SECURITY_HEADERS, 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' };
  if (/^\/(en\/)?api(\/|$)/.test(path) || /application\/json/i.test(accept)) {
    return new Response(JSON.stringify({ message, code: 'bad_request' }), {
      status: 400,
      headers: { ...headers, 'Content-Type': 'application/json' }
    });
  }
  const title = translate(locale, 'error.400.title');
  const home = locale === 'en' ? '/en' : '/';
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Forebygg</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}a{color:#0b4f8a}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="${home}">Forebygg</a></p></main></body>
</html>
`;
  return new Response(html, { status: 400, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
