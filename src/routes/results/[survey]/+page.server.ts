import { app } from '$lib/server/app';
import { withHttpErrors } from '$lib/server/http/load';
import { resultsPage } from '$lib/server/surveys/surveys.results-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) =>
  withHttpErrors(locals.locale, async () => ({
    ...(await resultsPage((await app()).db, params.survey, url, locals.locale, true)),
    isPublic: true
  }));
