import { app } from '$lib/server/app';
import { rethrowAsHttpError } from '$lib/server/http/load';
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
    rethrowAsHttpError(e, locals.locale);
  }
};
