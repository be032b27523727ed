import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import {
  campaignEditRoles,
  campaignOptions,
  formValuesOf,
  getCampaignForStaff,
  updateCampaign
} from '$lib/server/campaigns/campaigns.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import { ZCampaignForm } from '$lib/schemas/campaigns';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, campaignEditRoles);
  return withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const campaign = await getCampaignForStaff(db, actor, params.id);
    return { campaign, values: formValuesOf(campaign), options: await campaignOptions(db) };
  });
};

export const actions: Actions = {
  default: async ({ request, locals, url, params }) => {
    const actor = requireRole(locals, url, campaignEditRoles);
    const parsed = await parseForm(request, ZCampaignForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await updateCampaign((await app()).db, actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/admin/campaigns/${params.id}?saved=1`, locals.locale));
  }
};
