import { error } from '@sveltejs/kit';
import { buildLetter } from '$lib/check/letter';
import { translate } from '$lib/i18n';
import { ZLetterForm } from '$lib/schemas/check';
import type { RequestHandler } from './$types';

/**
 * The letter as a text file to download: a plain form post (works without JavaScript). Not counted —
 * the letter was counted when it was written — and nothing is stored.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    error(415, { message: translate(locals.locale, 'validation.notAForm'), code: 'unsupported_media_type' });
  }
  const raw: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string') raw[k] = v;
  const parsed = ZLetterForm.safeParse(raw);
  if (!parsed.success) error(400, { message: translate(locals.locale, 'validation.summary'), code: 'validation' });
  const { text } = buildLetter(parsed.data, parsed.data.language);
  const name = parsed.data.language === 'nb' ? 'foresporsel-apenhetsloven.txt' : 'transparency-act-request.txt';
  return new Response(text, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store'
    }
  });
};
