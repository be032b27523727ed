import { app } from '$lib/server/app';
import { comparePlan } from '$lib/server/actionplan/actionplan.core';
import { listPlans } from '$lib/server/actionplan/actionplan.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
  plans: (await listPlans((await app()).db)).map((p) => ({
    slug: p.slug,
    title: p.title,
    notEntered: p.scorecard.notEntered,
    ...comparePlan(p.scorecard)
  }))
});
