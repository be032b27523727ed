import { fail, type ActionFailure } from '@sveltejs/kit';
import { isMessageKey, translate, type Locale } from '../../i18n';
import { ZImportForm, type TImportForm } from '../../schemas/statistics';
import { readFormOrFail, type TFormFailure } from '../http/forms';
import { MAX_IMPORT_BYTES } from './statistics.core';

/**
 * Reads the import form (multipart: a file, or the text of a previewed file carried in `content`). The
 * file's size is checked before its text is read or parsed; fields are validated like every form.
 */
export async function parseImportForm(
  request: Request,
  locale: Locale
): Promise<
  | { ok: true; data: TImportForm; file: { text: string; bytes: number }; values: Record<string, string> }
  | { ok: false; failure: ActionFailure<TFormFailure> }
> {
  const read = await readFormOrFail(request, locale, 'stats.import.error.tooLarge');
  if (!read.ok) return read;
  const { form } = read;
  const raw: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string' && key !== 'content') raw[key] = value;
  const values = { ...raw };
  const upload = form.get('file');
  const carried = form.get('content');
  let file: { text: string; bytes: number } | null = null;
  if (upload instanceof File && upload.size > 0) {
    if (upload.size > MAX_IMPORT_BYTES) {
      const message = translate(locale, 'stats.import.error.tooLarge');
      return { ok: false, failure: fail(413, { message, errors: { file: message }, values }) };
    }
    file = { text: await upload.text(), bytes: upload.size };
  } else if (typeof carried === 'string' && carried.length > 0) {
    const bytes = Buffer.byteLength(carried);
    if (bytes > MAX_IMPORT_BYTES) {
      const message = translate(locale, 'stats.import.error.tooLarge');
      return { ok: false, failure: fail(413, { message, errors: { file: message }, values }) };
    }
    file = { text: carried, bytes };
  }
  const result = ZImportForm.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!result.success)
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '_');
      errors[field] ??= translate(locale, isMessageKey(issue.message) ? issue.message : 'validation.invalid');
    }
  if (!file) errors.file = translate(locale, 'stats.import.noFile');
  if (!result.success || !file)
    return { ok: false, failure: fail(400, { message: translate(locale, 'validation.summary'), errors, values }) };
  return { ok: true, data: result.data, file, values };
}
