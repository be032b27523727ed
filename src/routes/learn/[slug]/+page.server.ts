import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { pageView } from '$lib/server/learn/learn.api';
import { getLearnPage } from '$lib/server/learn/learn.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  try {
    const { page, content } = await getLearnPage(await app(), params.slug, locals.locale);
    return { learnPage: pageView(page, locals.locale, content) };
  } catch (e) {
    if (isAppError(e)) error(e.status, { message: translate(locals.locale, e.message), code: e.code });
    throw e;
  }
};
