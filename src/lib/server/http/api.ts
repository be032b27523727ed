import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { isMessageKey, translate, type Locale } from '../../i18n';
import { AppError, isAppError } from '../errors';

/** The locale an API answer uses: `?lang=en`, else the Accept-Language's first choice, else bokmål. */
export function apiLocale(event: RequestEvent): Locale {
  const lang = event.url.searchParams.get('lang') ?? event.request.headers.get('accept-language') ?? '';
  return /^en\b/i.test(lang) ? 'en' : 'nb';
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
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    throw new AppError('unsupported_media_type', 'validation.notJson');
  }
  const text = await request.text();
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

/** Runs an API handler and answers AppErrors as `{message, code, fields}` in the caller's language. */
export async function apiRespond(event: RequestEvent, handler: () => Promise<unknown>): Promise<Response> {
  try {
    return json(await handler());
  } catch (e) {
    if (!isAppError(e)) throw e;
    const locale = apiLocale(event);
    const fields = e.fields
      ? Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, translate(locale, v)]))
      : undefined;
    return json(
      { message: translate(locale, e.message, e.params), code: e.code, ...(fields ? { fields } : {}) },
      { status: e.status }
    );
  }
}
