import { buildLetter, letterMailto } from '$lib/check/letter';
import { app } from '$lib/server/app';
import { countLetter } from '$lib/server/check/check.service';
import { parseForm } from '$lib/server/http/forms';
import { ZLetterForm } from '$lib/schemas/check';
import type { Actions } from './$types';

export const actions: Actions = {
  /** Writes the letter. Nothing typed is stored: only a counter (sector, ISO week) goes up. */
  default: async ({ request, locals }) => {
    const parsed = await parseForm(request, ZLetterForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const letter = buildLetter(parsed.data, parsed.data.language);
    await countLetter((await app()).db, parsed.data.sector);
    return { letter: { ...letter, mailto: letterMailto(letter) }, values: parsed.values };
  }
};
