import { buildLetter } from '$lib/check/letter';
import { parseFormOrThrow } from '$lib/server/http/forms';
import { ZLetterForm } from '$lib/schemas/check';
import type { RequestHandler } from './$types';

/**
 * The letter as a text file to download: a plain form post (works without JavaScript). Not counted —
 * the letter was counted when it was written — and nothing is stored.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
  const letter = await parseFormOrThrow(request, ZLetterForm, locals.locale);
  const { text } = buildLetter(letter, letter.language);
  const name = letter.language === 'nb' ? 'foresporsel-apenhetsloven.txt' : 'transparency-act-request.txt';
  return new Response(text, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store'
    }
  });
};
