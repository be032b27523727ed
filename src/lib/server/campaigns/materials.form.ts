import { fail, type ActionFailure } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';
import type { TFormFailure } from '../http/forms';
import { registerBodySizeLimit } from '../http/body-limits';
import { MAX_MATERIAL_BODY } from './materials.core';
import type { TMaterialUpload } from './materials.service';

/** The upload action's address: `/admin/campaigns/{id}/materials?/upload` (and under /en/). */
export const MATERIAL_UPLOAD_URL = /^\/(en\/)?admin\/campaigns\/[0-9a-z-]{1,100}\/materials\?\/upload$/;

/** Lets the upload action take a 10 MB file; every other route keeps BODY_SIZE_LIMIT (called in `init`). */
export function registerMaterialBodyLimit(): void {
  registerBodySizeLimit('POST', MATERIAL_UPLOAD_URL, MAX_MATERIAL_BODY);
}

const textOf = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/**
 * Reads the upload form (multipart): the text fields as typed and the file's bytes. A body over the cap —
 * by its Content-Length before anything is read, or cut off while streaming (adapter-node) — is a 413 with
 * the message on the file field; a body that is not a form is a 415.
 */
export async function readMaterialUpload(
  request: Request,
  locale: Locale
): Promise<
  | { ok: true; upload: TMaterialUpload; values: Record<string, string> }
  | { ok: false; failure: ActionFailure<TFormFailure> }
> {
  const tooLarge = () => {
    const message = translate(locale, 'campaigns.materials.error.tooLarge');
    return { ok: false as const, failure: fail(413, { message, errors: { file: message }, values: {} }) };
  };
  const length = Number(request.headers.get('content-length'));
  if (Number.isFinite(length) && length > MAX_MATERIAL_BODY) return tooLarge();
  let form: FormData;
  try {
    form = await request.formData();
  } catch (e) {
    if ((e as { status?: unknown })?.status === 413) return tooLarge();
    const message = translate(locale, 'validation.notAForm');
    return { ok: false, failure: fail(415, { message, errors: {}, values: {} }) };
  }
  const file = form.get('file');
  const values = { title: textOf(form, 'title'), altNb: textOf(form, 'altNb'), altEn: textOf(form, 'altEn') };
  return {
    ok: true,
    values,
    upload: {
      ...values,
      file: file instanceof File ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null
    }
  };
}
