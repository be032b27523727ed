import { app } from '$lib/server/app';
import { withHttpErrors } from '$lib/server/http/load';
import { requireSurveyStaff } from '$lib/server/surveys/surveys.guard';
import { getSurveyForStaff, placesOf } from '$lib/server/surveys/surveys.service';
import { sectionsView, titleOf } from '$lib/surveys/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) =>
  withHttpErrors(locals.locale, async () => {
    const actor = requireSurveyStaff(locals, url);
    const db = (await app()).db;
    const s = await getSurveyForStaff(db, actor, params.id);
    return {
      id: s.id,
      title: titleOf(s.definition, locals.locale),
      minAge: s.definition.min_age,
      sections: sectionsView(s.definition, await placesOf(db), locals.locale)
    };
  });
