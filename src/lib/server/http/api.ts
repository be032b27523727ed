import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { isMessageKey, translate, type Locale } from '../../i18n';
import { AppError, isAppError } from '../errors';
import { refusedInputError } from './refused-input';

/** The locale an API answer uses: `?lang=en`, else the Accept-Language's first choice, else bokmål. */
export function apiLocale(event: RequestEvent): Locale {
  return apiLocaleOf(event.url.searchParams.get('lang') ?? event.request.headers.get('accept-language'));
}

/** Parses a query string with a zod schema whose messages are i18n keys; throws a 400 AppError. */
export function parseQuery<S extends z.ZodObject>(url: URL, schema: S): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (k !== 'lang') raw[k] = v;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields: Record<string, 'validation.invalid'> = {};
  for (const issue of result.error.issues) {
    fields[String(issue.path[0] ?? '_')] = (
      isMessageKey(issue.message) ? issue.message : 'validation.invalid'
    ) as 'validation.invalid';
  }
  throw new AppError('validation', 'validation.summary', { fields });
}

/** JSON body cap for API requests (bytes). */
export const MAX_JSON_BYTES = 256 * 1024;

/** Reads and validates a JSON body: wrong type 415, too big 413, malformed 400 — never a 500. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const contentType = request.headers.get('content-type');
  if (!isJsonContentType(contentType)) throw new AppError('unsupported_media_type', 'validation.notJson');
  return parseJsonText(contentType, await request.text(), schema);
}

export const isJsonContentType = (contentType: string | null | undefined) =>
  /^application\/json\b/i.test(contentType ?? '');

/** The checks of parseJsonBody on a body already read (also used by routes served outside SvelteKit). */
export function parseJsonText<S extends z.ZodType>(
  contentType: string | null | undefined,
  text: string,
  schema: S
): z.infer<S> {
  if (!isJsonContentType(contentType)) throw new AppError('unsupported_media_type', 'validation.notJson');
  if (text.length > MAX_JSON_BYTES) throw new AppError('payload_too_large', 'validation.tooLarge');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'validation.notJson');
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields: Record<string, 'validation.invalid'> = {};
  for (const issue of result.error.issues) {
    fields[issue.path.join('.') || '_'] = (
      isMessageKey(issue.message) ? issue.message : 'validation.invalid'
    ) as 'validation.invalid';
  }
  throw new AppError('validation', 'validation.summary', { fields });
}

/** The locale of an API answer from `?lang=` or Accept-Language (see apiLocale). */
export function apiLocaleOf(lang: string | null | undefined): Locale {
  return /^en\b/i.test(lang ?? '') ? 'en' : 'nb';
}

/** An AppError as the API answers it: `{message, code, fields}` in the caller's language. */
export function apiErrorBody(e: AppError, locale: Locale) {
  const fields = e.fields
    ? Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, translate(locale, v)]))
    : undefined;
  return { message: translate(locale, e.message, e.params), code: e.code, ...(fields ? { fields } : {}) };
}

/** Runs an API handler and answers AppErrors as `{message, code, fields}` in the caller's language. */
export async function apiRespond(event: RequestEvent, handler: () => Promise<unknown>): Promise<Response> {
  try {
    return json(await handler());
  } catch (e) {
    const err = isAppError(e) ? e : refusedInputError(e, event.route.id);
    if (!err) throw e;
    return json(apiErrorBody(err, apiLocale(event)), { status: err.status });
  }
}
