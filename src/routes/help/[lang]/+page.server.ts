import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { findHelpLanguage } from '$lib/server/help/help.text';
import { getHelpView } from '$lib/server/help/help.service';
import type { PageServerLoad } from './$types';

/** One language's page. An unknown code goes to the language list, never to an error page. */
export const load: PageServerLoad = async ({ params, locals }) => {
  if (!findHelpLanguage(params.lang)) redirect(307, localizePath('/help?unknown', locals.locale));
  const ctx = await app();
  return { view: await getHelpView(ctx.db, params.lang) };
};
