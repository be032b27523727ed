import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { isAppError } from '$lib/server/errors';
import { pageView } from '$lib/server/learn/learn.api';
import { getLearnPage } from '$lib/server/learn/learn.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
  try {
    return { learnPage: pageView(getLearnPage(params.slug, locals.locale), locals.locale) };
  } catch (e) {
    if (isAppError(e)) error(e.status, { message: translate(locals.locale, e.message), code: e.code });
    throw e;
  }
};
