import { app } from '$lib/server/app';
import { publicSurveyList } from '$lib/server/surveys/surveys.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const list = await publicSurveyList((await app()).db);
  return {
    surveys: list.map((s) => ({
      slug: s.slug,
      title: locals.locale === 'en' ? s.title_en : s.title_nb,
      open: s.open,
      waves: s.waves
    }))
  };
};
