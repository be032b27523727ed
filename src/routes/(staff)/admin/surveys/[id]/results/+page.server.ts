import { app } from '$lib/server/app';
import { withHttpErrors } from '$lib/server/http/load';
import { ServerRendered } from '$lib/server-rendered';
import { requireSurveyStaff } from '$lib/server/surveys/surveys.guard';
import { resultsPage } from '$lib/server/surveys/surveys.results-page';
import type { PageServerLoad } from './$types';

/**
 * Server-rendered HTML only: the filters are GET forms and the breakdown's questions plain links, so the page
 * needs no JavaScript, and its figures are not serialized as hydration data (ServerRendered).
 */
export const csr = false;

export const load: PageServerLoad = ({ params, url, locals, isDataRequest }) =>
  withHttpErrors(locals.locale, async () => {
    requireSurveyStaff(locals, url);
    const page = await resultsPage((await app()).db, params.id, url, locals.locale, false);
    return { page: new ServerRendered({ ...page, isPublic: false }, isDataRequest) };
  });
