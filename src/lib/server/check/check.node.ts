import type { IncomingMessage } from 'node:http';
import { ZCheckRequest } from '../../schemas/check';
import type { AppContext } from '../app';
import { AppError, isAppError } from '../errors';
import { apiErrorBody, apiLocaleOf, isJsonContentType, MAX_JSON_BYTES, parseJsonText } from '../http/api';
import { registerNodeRoute, sendJson } from '../http/node-routes';
import { outcomeToJson, runCheck } from './check.service';

/** `?lang=` of the request, else its Accept-Language (as apiLocale). */
function localeOf(req: IncomingMessage) {
  const q = req.url?.indexOf('?') ?? -1;
  const lang = q >= 0 ? new URLSearchParams(req.url!.slice(q + 1)).get('lang') : null;
  return apiLocaleOf(lang ?? req.headers['accept-language']);
}

/**
 * `POST /api/v1/checks` served by the Node server before SvelteKit (issue 3 asks for ≥ 2,000 checks/s
 * and half the throughput of a bare node:http insert). The same validation, scoring, storage and
 * answers as src/routes/api/v1/checks/+server.ts, without SvelteKit's per-request work (Request and
 * Response objects, routing, hooks): no session is looked up — the endpoint is anonymous — and nothing
 * about the client (address, user agent) is read, as everywhere.
 */
export function registerCheckRoutes(ctx: AppContext): void {
  registerNodeRoute('POST', '/api/v1/checks', MAX_JSON_BYTES, async (req, res, body) => {
    try {
      const contentType = req.headers['content-type'];
      if (!isJsonContentType(contentType)) throw new AppError('unsupported_media_type', 'validation.notJson');
      if (body === null) throw new AppError('payload_too_large', 'validation.tooLarge');
      const input = parseJsonText(contentType, body, ZCheckRequest);
      sendJson(res, 200, outcomeToJson(await runCheck(ctx.db, input)));
    } catch (e) {
      if (!isAppError(e)) throw e;
      sendJson(res, e.status, apiErrorBody(e, localeOf(req)));
    }
  });
}
