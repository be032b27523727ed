import { app } from '$lib/server/app';
import { listHelpLanguages } from '$lib/server/help/help.service';
import type { PageServerLoad } from './$types';

/** The language choice. `?unknown` is set when someone asked for a language we do not have. */
export const load: PageServerLoad = async ({ url }) => {
  const ctx = await app();
  const languages = (await listHelpLanguages(ctx.db)).map(({ code, endonym, englishName, dir }) => ({
    code,
    endonym,
    englishName,
    dir
  }));
  return { languages, unknown: url.searchParams.has('unknown') };
};
