import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { checkDashboard, createPlan, listPlans, memberOrganisations } from '$lib/server/buyers/buyers.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireStaff } from '$lib/server/http/guards';
import { ZPlanForm } from '$lib/schemas/buyers';
import type { Actions, PageServerLoad } from './$types';

/** The buyer organisation's plans and the checks that are due, across its contracts. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireStaff(locals, url);
  const { db } = await app();
  return {
    plans: await listPlans(db, actor),
    dashboard: await checkDashboard(db, actor),
    organisations: await memberOrganisations(db, actor)
  };
};

export const actions: Actions = {
  create: async ({ request, locals, url }) => {
    const actor = requireStaff(locals, url);
    const parsed = await parseForm(request, ZPlanForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    let id: string;
    try {
      ({ id } = await createPlan((await app()).db, actor, parsed.data));
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/admin/buyers/${id}?created=1`, locals.locale));
  }
};
