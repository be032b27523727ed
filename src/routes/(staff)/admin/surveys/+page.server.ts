import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireSurveyStaff } from '$lib/server/surveys/surveys.guard';
import { createSurvey, listSurveysForStaff } from '$lib/server/surveys/surveys.service';
import { ZNewSurveyForm } from '$lib/surveys/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireSurveyStaff(locals, url);
  const surveys = await listSurveysForStaff((await app()).db, actor);
  return {
    surveys: surveys.map((s) => ({
      id: s.id,
      slug: s.slug,
      title: locals.locale === 'en' ? s.title_en : s.title_nb,
      version: s.version,
      published_version: s.published_version,
      draft: s.draft
    }))
  };
};

export const actions: Actions = {
  create: async ({ request, locals, url }) => {
    const actor = requireSurveyStaff(locals, url);
    const parsed = await parseForm(request, ZNewSurveyForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    let id: string;
    try {
      ({ id } = await createSurvey((await app()).db, actor, {
        slug: parsed.data.slug,
        definition: {
          title_nb: parsed.data.title_nb,
          title_en: parsed.data.title_en,
          sections: [{ title_nb: 'Del 1', title_en: 'Part 1', questions: [] }]
        }
      }));
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/admin/surveys/${id}`, locals.locale));
  }
};
