import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { LICENCE, LICENCE_URL } from '$lib/server/statistics/statistics.service';
import { loadSeriesPage } from '$lib/server/statistics/statistics.page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  try {
    return {
      ...(await loadSeriesPage((await app()).db, params.id, locals.locale, url.searchParams.get('breakdown'))),
      licence: LICENCE,
      licenceUrl: LICENCE_URL
    };
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found')
      error(404, { message: translate(locals.locale, e.message), code: e.code });
    throw e;
  }
};
