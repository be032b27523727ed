import { app } from '$lib/server/app';
import { planCampaign, plannerLevel, plannerRoles } from '$lib/server/campaigns/planner.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { parseQuery } from '$lib/server/http/api';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import { ZPlannerForm, ZPlannerLevelQuery } from '$lib/schemas/campaigns';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireRole(locals, url, plannerRoles);
  return withHttpErrors(locals.locale, async () =>
    plannerLevel((await app()).db, actor, parseQuery(url, ZPlannerLevelQuery))
  );
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    requireRole(locals, url, plannerRoles);
    const parsed = await parseForm(request, ZPlannerForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      return { result: planCampaign(parsed.data), values: parsed.values };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
