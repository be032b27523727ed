import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { apiLocale, apiRespond } from '$lib/server/http/api';
import { toApiHelpLanguage, toApiHelpPage } from '$lib/server/help/help.api';
import { findHelpLanguage } from '$lib/server/help/help.text';
import { getHelpPage, listHelpLanguages } from '$lib/server/help/help.service';
import type { RequestHandler } from './$types';

/** One language's page as JSON. An unknown code answers 404 with the languages there are. */
export const GET: RequestHandler = async (event) => {
  if (!findHelpLanguage(event.params.lang)) {
    const ctx = await app();
    const languages = (await listHelpLanguages(ctx.db)).map(toApiHelpLanguage);
    return json(
      { message: translate(apiLocale(event), 'help.error.unknownLanguage'), code: 'not_found', languages },
      { status: 404 }
    );
  }
  return apiRespond(event, async () => toApiHelpPage(await getHelpPage((await app()).db, event.params.lang)));
};
