import { error, fail, isHttpError, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { isMessageKey, translate, type Locale, type MessageKey } from '../../i18n';
import { AppError, isAppError } from '../errors';
import { refusedInputError } from './refused-input';

/** What a failed form action returns: a message, per-field messages, and what the user typed. */
export interface TFormFailure {
  message?: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** Fields whose values are never sent back to the browser. */
const secretFields = /password|code/i;

function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === 'string' && !secretFields.test(key) && value.length <= 10_000) values[key] = value;
  }
  return values;
}

function translateFields(locale: Locale, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, translate(locale, v as MessageKey)]));
}

/**
 * Reads a form body. A body over the size limit (adapter-node's BODY_SIZE_LIMIT) gives 413, one that
 * is not a form 415 — each with a clear message instead of a 500.
 */
async function readForm(request: Request): Promise<FormData | 413 | 415> {
  try {
    return await request.formData();
  } catch (e) {
    // adapter-node cuts a body over the limit with a SvelteKitError (status 413), which is not an HttpError.
    return (isHttpError(e) && e.status === 413) || (e as { status?: unknown } | null)?.status === 413 ? 413 : 415;
  }
}

/**
 * Reads a form body for an action that takes files or reads its fields itself: the FormData, or a ready
 * `fail(413)` / `fail(415)` with a message in the user's language (`tooLarge` names a module's own message).
 */
export async function readFormOrFail(
  request: Request,
  locale: Locale,
  tooLarge: MessageKey = 'validation.tooLarge'
): Promise<{ ok: true; form: FormData } | { ok: false; failure: ActionFailure<TFormFailure> }> {
  const form = await readForm(request);
  if (typeof form !== 'number') return { ok: true, form };
  const message = translate(locale, form === 413 ? tooLarge : 'validation.notAForm');
  return { ok: false, failure: fail(form, { message, errors: {}, values: {} }) };
}

/** The text fields of a form (files are left out); a repeated name keeps its last value. */
function textFields(form: FormData): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
  return raw;
}

export type TParsed<T> =
  { ok: true; data: T; values: Record<string, string> } | { ok: false; failure: ActionFailure<TFormFailure> };

/**
 * Parses a form action's body with a zod schema whose messages are i18n keys. On failure returns a
 * ready `fail(400)` with translated per-field messages and the values typed (never passwords or codes).
 */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  locale: Locale
): Promise<TParsed<z.infer<S>>> {
  const read = await readFormOrFail(request, locale);
  if (!read.ok) return read;
  const { form } = read;
  const values = echoValues(form);
  const result = schema.safeParse(textFields(form));
  if (result.success) return { ok: true, data: result.data, values };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_');
    errors[field] ??= translate(locale, isMessageKey(issue.message) ? issue.message : 'validation.invalid');
  }
  return {
    ok: false,
    failure: fail(400, { message: translate(locale, 'validation.summary'), errors, values })
  };
}

/**
 * Parses the form body of a `+server.ts` POST that answers with a file rather than a page (a plain form
 * post, so it works without JavaScript): the same reading and schema as parseForm, but a rejected body is
 * thrown as `error()` — 413 too large, 415 not a form, 400 invalid — with a message in the user's language.
 */
export async function parseFormOrThrow<S extends z.ZodType>(
  request: Request,
  schema: S,
  locale: Locale
): Promise<z.infer<S>> {
  const form = await readForm(request);
  if (form === 413) error(413, { message: translate(locale, 'validation.tooLarge'), code: 'payload_too_large' });
  if (form === 415) error(415, { message: translate(locale, 'validation.notAForm'), code: 'unsupported_media_type' });
  const result = schema.safeParse(textFields(form));
  if (!result.success) error(400, { message: translate(locale, 'validation.summary'), code: 'validation' });
  return result.data;
}

/**
 * Turns an AppError from a service (or input the database refused: 400) into a form failure; anything else
 * is rethrown (a real 500).
 */
export function failFromError(e: unknown, locale: Locale, values: Record<string, string>): ActionFailure<TFormFailure> {
  const err = isAppError(e) ? e : refusedInputError(e, null);
  if (!err) throw e;
  return fail(err.status, {
    message: translate(locale, err.message, err.params),
    errors: err.fields ? translateFields(locale, err.fields) : {},
    values
  });
}

export { AppError };
