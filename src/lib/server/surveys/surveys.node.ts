import type { IncomingMessage } from 'node:http';
import type { AppContext } from '../app';
import { AppError, isAppError } from '../errors';
import { apiErrorBody, apiLocaleOf, isJsonContentType, MAX_JSON_BYTES, parseJsonText } from '../http/api';
import { registerNodeRoute, sendJson } from '../http/node-routes';
import { apiSubmit, ZSurveyResponseBody } from './surveys.api';

/** `?lang=` of the request, else its Accept-Language (as apiLocale). */
function localeOf(req: IncomingMessage) {
  const q = req.url?.indexOf('?') ?? -1;
  const lang = q >= 0 ? new URLSearchParams(req.url!.slice(q + 1)).get('lang') : null;
  return apiLocaleOf(lang ?? req.headers['accept-language']);
}

/** The path of `POST /api/v1/surveys/{id}/waves/{wave}/responses` (SvelteKit's route for the same). */
export const SURVEY_RESPONSES_PATH = /^\/api\/v1\/surveys\/([^/]+)\/waves\/([^/]+)\/responses$/;

/**
 * `POST /api/v1/surveys/{id}/waves/{wave}/responses` served by the Node server before SvelteKit (issue 7
 * asks for ≥ 1,500 responses/s and half the throughput of a bare node:http insert of the same rows), as
 * the check submission is (check.node.ts). The same validation, storage and answers as
 * src/routes/api/v1/surveys/[id]/waves/[wave]/responses/+server.ts — 202 with the id, or a 4xx with the
 * reason — without SvelteKit's per-request work; the endpoint is anonymous, so no session is looked up,
 * and nothing about the client (address, user agent) is read.
 */
export function registerSurveyRoutes(ctx: AppContext): void {
  registerNodeRoute('POST', SURVEY_RESPONSES_PATH, MAX_JSON_BYTES, async (req, res, body, [surveyId, waveId]) => {
    try {
      const contentType = req.headers['content-type'];
      if (!isJsonContentType(contentType)) throw new AppError('unsupported_media_type', 'validation.notJson');
      if (body === null) throw new AppError('payload_too_large', 'validation.tooLarge');
      const input = parseJsonText(contentType, body, ZSurveyResponseBody);
      sendJson(res, 202, await apiSubmit(ctx.db, surveyId!, waveId!, input));
    } catch (e) {
      if (!isAppError(e)) throw e;
      sendJson(res, e.status, apiErrorBody(e, localeOf(req)));
    }
  });
}
