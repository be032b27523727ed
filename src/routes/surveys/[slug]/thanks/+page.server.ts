import { app } from '$lib/server/app';
import { withHttpErrors } from '$lib/server/http/load';
import { getPublishedSurvey } from '$lib/server/surveys/surveys.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) =>
  withHttpErrors(locals.locale, async () => {
    const s = await getPublishedSurvey((await app()).db, params.slug);
    return { slug: s.slug };
  });
