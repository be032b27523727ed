import { translate, type Locale } from '../../i18n';

/**
 * Errors that mean "the database is away right now" (stopped, restarting, failing over, out of
 * connections, or an SQLite file locked past the busy timeout): the request answers 503 and may be
 * retried; nothing was half-written (every write is one statement or one transaction).
 */
const unavailableCodes = new Set([
  // sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: class 08 connection exception, 57P01–57P03 shutdown / cannot connect now, 53300 too many
  // connections, 25006 read-only transaction (a standby promoted late), 40001/40P01 are not here: they are retried.
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '25006',
  // SQLite
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN'
]);

/** node-postgres' own messages for a connection that broke or could not be had in time. */
const unavailableMessages = [
  /^Connection terminated/i,
  /connection error and is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /Client was closed and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i
];

/** True when `e` (or its cause) says the database cannot be reached right now. */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 3) return false;
  const err = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof err.code === 'string' && unavailableCodes.has(err.code)) return true;
  if (typeof err.message === 'string' && unavailableMessages.some((re) => re.test(err.message as string))) return true;
  // AggregateError (a host with several addresses, all refusing).
  if (Array.isArray(err.errors) && err.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(err.cause, depth + 1);
}

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The 503 answer while the database is away: JSON `{message, code: 'unavailable'}` for the API and for
 * callers that ask for JSON (enhanced forms), a small self-contained page otherwise. No cookies are
 * touched and nothing is cached.
 */
export function unavailableResponse(path: string, accept: string, locale: Locale): Response {
  const title = translate(locale, 'error.503.title');
  const message = translate(locale, 'cluster.unavailable.body');
  const headers = { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' };
  if (/^\/(en\/)?api(\/|$)/.test(path) || /application\/json/i.test(accept)) {
    return new Response(JSON.stringify({ message, code: 'unavailable' }), {
      status: 503,
      headers: { ...headers, 'Content-Type': 'application/json' }
    });
  }
  const home = locale === 'en' ? '/en' : '/';
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Forebygg</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}a{color:#0b4f8a}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="${home}">Forebygg</a></p></main></body>
</html>
`;
  return new Response(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
