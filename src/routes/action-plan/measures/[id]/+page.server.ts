import { app } from '$lib/server/app';
import { or404 } from '$lib/server/actionplan/actionplan.page';
import { canEditActionPlan, getMeasure } from '$lib/server/actionplan/actionplan.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) =>
  or404(locals.locale, async () => ({
    ...(await getMeasure((await app()).db, params.id)),
    canEdit: canEditActionPlan(locals.user)
  }));
