import { app } from '$lib/server/app';
import { withHttpErrors } from '$lib/server/http/load';
import { canEditActionPlan, getPlan, planHistory } from '$lib/server/actionplan/actionplan.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) =>
  withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const { plan, measures } = await getPlan(db, params.plan);
    return { plan, measures, history: await planHistory(db, plan.id), canEdit: canEditActionPlan(locals.user) };
  });
