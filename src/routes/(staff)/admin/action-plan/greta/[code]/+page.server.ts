import { app } from '$lib/server/app';
import { AppError } from '$lib/server/errors';
import { withHttpErrors } from '$lib/server/http/load';
import { requireActionPlanEditor } from '$lib/server/actionplan/actionplan.guard';
import { assessRecommendation, listRecommendations } from '$lib/server/actionplan/actionplan.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { ZRecommendationAssessmentForm } from '$lib/schemas/actionplan';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireActionPlanEditor(locals, url);
  return withHttpErrors(locals.locale, async () => {
    const rec = (await listRecommendations((await app()).db)).find((r) => r.code === params.code);
    if (!rec) throw new AppError('not_found', 'ap.error.recommendationNotFound');
    return { rec };
  });
};

export const actions: Actions = {
  assess: async ({ request, locals, url, params }) => {
    const actor = requireActionPlanEditor(locals, url);
    const parsed = await parseForm(request, ZRecommendationAssessmentForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await assessRecommendation((await app()).db, actor, params.code, parsed.data);
      return { saved: true };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
