import { app } from '$lib/server/app';
import { withHttpErrors } from '$lib/server/http/load';
import { ServerRendered } from '$lib/server-rendered';
import { resultsPage } from '$lib/server/surveys/surveys.results-page';
import type { PageServerLoad } from './$types';

/**
 * Server-rendered HTML only: the filters are GET forms and the breakdown's questions plain links, so the page
 * needs no JavaScript, and its figures are not serialized as hydration data (ServerRendered).
 */
export const csr = false;

export const load: PageServerLoad = ({ params, url, locals, isDataRequest }) =>
  withHttpErrors(locals.locale, async () => ({
    page: new ServerRendered(
      { ...(await resultsPage((await app()).db, params.survey, url, locals.locale, true)), isPublic: true },
      isDataRequest
    )
  }));
