import { app } from '$lib/server/app';
import { canEditActionPlan, listPlans, openDataLicence } from '$lib/server/actionplan/actionplan.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  plans: await listPlans((await app()).db),
  licence: (await openDataLicence((await app()).db)).licence,
  canEdit: canEditActionPlan(locals.user)
});
