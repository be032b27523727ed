import type { IncomingMessage } from 'node:http';

/**
 * Body size limits per route. adapter-node caps every request body at BODY_SIZE_LIMIT (512K by default)
 * while it streams, before anything reads it whole. A route that takes larger bodies (a campaign's material
 * upload, 10 MB) registers its own cap here in the `init` hook; scripts/node-routes-adapter.js makes
 * adapter-node's handler (build/server/chunks/handler-….js) ask
 * `globalThis[Symbol.for('forebygg.bodySizeLimit')](req, limit)` for each request, so every other route keeps
 * BODY_SIZE_LIMIT, and the registered one is still cut off while streaming.
 */
export const BODY_SIZE_LIMIT_LOOKUP = Symbol.for('forebygg.bodySizeLimit');

const limits: { method: string; url: RegExp; bytes: number }[] = [];

/** The cap for this request: a registered route's (method and whole URL, query included), else `fallback`. */
export function bodySizeLimitFor(req: Pick<IncomingMessage, 'method' | 'url'>, fallback: number): number {
  for (const l of limits) if (req.method === l.method && l.url.test(req.url ?? '')) return l.bytes;
  return fallback;
}

/** Lets `method` requests whose URL (path and query) matches `url` carry bodies of up to `bytes`. */
export function registerBodySizeLimit(method: 'POST', url: RegExp, bytes: number): void {
  const i = limits.findIndex((l) => l.method === method && l.url.source === url.source);
  if (i >= 0) limits.splice(i, 1);
  limits.push({ method, url, bytes });
  (globalThis as unknown as Record<symbol, unknown>)[BODY_SIZE_LIMIT_LOOKUP] = bodySizeLimitFor;
}
