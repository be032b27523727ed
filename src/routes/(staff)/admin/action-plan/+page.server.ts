import { app } from '$lib/server/app';
import { requireActionPlanEditor } from '$lib/server/actionplan/actionplan.guard';
import { listPlans, listRecommendations, pendingComments } from '$lib/server/actionplan/actionplan.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireActionPlanEditor(locals, url);
  const db = (await app()).db;
  const [plans, recommendations] = await Promise.all([listPlans(db), listRecommendations(db)]);
  return {
    pending: (await pendingComments(db, actor)).length,
    plans: plans.map((p) => ({
      slug: p.slug,
      title: p.title,
      entered: p.scorecard.entered,
      declared: p.declaredMeasures
    })),
    recommendations: recommendations.map((r) => ({ code: r.code, summary: r.summary, assessment: r.assessment }))
  };
};
