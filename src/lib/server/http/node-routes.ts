import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { translate } from '../../i18n';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../cluster/db-away';
import { log } from '../log';
import { apiErrorBody, apiLocaleOf } from './api';
import { refusedInputError, refusedInputResponse } from './refused-input';
import { SECURITY_HEADERS } from './headers';

/**
 * Routes answered by the Node server before a request reaches SvelteKit, for the few endpoints whose
 * issue sets a throughput SvelteKit's per-request work cannot reach (issue 3: check submissions). Each
 * is registered in the `init` hook, once the app is open, and is also served by a SvelteKit `+server.ts`
 * route with the same behaviour (for `vite dev` and the route tests); svelte.config.js puts a lookup in
 * front of adapter-node's handler in build/index.js. A registered route must answer every request it
 * is given — including every error — and never read the client's address or log the body.
 */
/**
 * `body` is null when it was longer than the route's limit (nothing more is read then); `params` are the
 * decoded groups of a route registered with a pattern.
 */
export type TNodeRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  body: string | null,
  params: readonly string[]
) => Promise<void>;

/** Where build/index.js finds the dispatcher: `globalThis[Symbol.for('forebygg.nodeRoutes')](req, res)`. */
export const NODE_ROUTES = Symbol.for('forebygg.nodeRoutes');

type TServe = (req: IncomingMessage, res: ServerResponse, params: readonly string[]) => void;
const routes = new Map<string, TServe>();
const patterns: { method: string; pattern: RegExp; serve: TServe }[] = [];

/** The decoded groups of `pattern` in `path`; null when it does not match or a group is not valid %-encoding. */
function matchPath(pattern: RegExp, path: string): string[] | null {
  const m = pattern.exec(path);
  if (!m) return null;
  try {
    return m.slice(1).map((g) => decodeURIComponent(g));
  } catch {
    return null;
  }
}

/** Whether SvelteKit can decode the path (it answers a bare "Malformed URI" 400 otherwise). */
function decodablePath(path: string): boolean {
  try {
    // The result is used: the bundler takes decodeURI for pure and drops a call whose result is not.
    return decodeURI(path).length > 0;
  } catch {
    return false;
  }
}

/**
 * A path that is not valid %-encoding (e.g. `%ED%A0%80`, half of a UTF-16 pair): the app's 400 — JSON with
 * a message for the API, a small page otherwise — in the caller's language, instead of SvelteKit's bare text.
 */
function answerMalformedPath(req: IncomingMessage, res: ServerResponse, path: string): void {
  const locale = /^\/en(\/|$)/.test(path) ? 'en' : apiLocaleOf(req.headers['accept-language']);
  const answer = refusedInputResponse(path, req.headers.accept ?? '', locale);
  void answer.text().then((text) => {
    res.writeHead(answer.status, { ...Object.fromEntries(answer.headers), 'X-Request-Id': randomUUID() });
    res.end(text);
  });
}

/**
 * Answers a request with its registered route, or a path no route can decode: true if it did (else
 * SvelteKit answers it).
 */
export function dispatchNodeRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (!decodablePath(path)) {
    answerMalformedPath(req, res, path);
    return true;
  }
  const route = routes.get(`${req.method} ${path}`);
  if (route) {
    route(req, res, []);
    return true;
  }
  for (const p of patterns) {
    if (p.method !== req.method) continue;
    const params = matchPath(p.pattern, path);
    if (params) {
      p.serve(req, res, params);
      return true;
    }
  }
  return false;
}

/**
 * Serves `method path` (an exact path, or a pattern whose groups are the route's params; any query) with `route`. The body is read here, up to `maxBytes`
 * (more: the route is given null); an error the route did not answer becomes a 503 while the database is
 * away, a 400 when the database refused the input (refused-input.ts), else a 500 without details.
 */
export function registerNodeRoute(method: 'POST', path: string | RegExp, maxBytes: number, route: TNodeRoute): void {
  (globalThis as unknown as Record<symbol, unknown>)[NODE_ROUTES] = dispatchNodeRoute;
  const serve: TServe = (req, res, params) => {
    void readBody(req, maxBytes).then(
      (body) =>
        route(req, res, body, params).catch((e: unknown) => {
          const locale = apiLocaleOf(req.headers['accept-language']);
          if (isDatabaseUnavailable(e)) {
            // The same 503 as SvelteKit's routes answer while the database is away (hooks.server.ts).
            if (res.headersSent) return;
            res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
            return sendJson(res, 503, { message: translate(locale, 'cluster.unavailable.body'), code: 'unavailable' });
          }
          const refused = refusedInputError(e, String(path));
          if (refused) {
            if (!res.headersSent) sendJson(res, refused.status, apiErrorBody(refused, locale));
            return;
          }
          log.error({ route: String(path), err: e instanceof Error ? e.message : String(e) }, 'unhandled error');
          if (!res.headersSent) sendJson(res, 500, { message: translate(locale, 'error.500.body'), code: 'internal' });
        }),
      () => res.destroy()
    );
  };
  if (typeof path === 'string') routes.set(`${method} ${path}`, serve);
  else {
    const i = patterns.findIndex((p) => p.method === method && p.pattern.source === path.source);
    if (i >= 0) patterns.splice(i, 1);
    patterns.push({ method, pattern: path, serve });
  }
}

/** The request body as text; null when it is longer than `maxBytes`. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Answers JSON with the app's headers (see hooks.server.ts) and a fresh request id. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'X-Frame-Options': 'DENY',
    'X-Request-Id': randomUUID(),
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text)
  });
  res.end(text);
}
