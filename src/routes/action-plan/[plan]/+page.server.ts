import { app } from '$lib/server/app';
import { or404 } from '$lib/server/actionplan/actionplan.page';
import { canEditActionPlan, getPlan, planHistory } from '$lib/server/actionplan/actionplan.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) =>
  or404(locals.locale, async () => {
    const db = (await app()).db;
    const { plan, measures } = await getPlan(db, params.plan);
    return { plan, measures, history: await planHistory(db, plan.id), canEdit: canEditActionPlan(locals.user) };
  });
