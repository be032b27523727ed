import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { campaignEditRoles, campaignOptions, createCampaign } from '$lib/server/campaigns/campaigns.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { ZCampaignForm } from '$lib/schemas/campaigns';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals, url, campaignEditRoles);
  return { options: await campaignOptions((await app()).db) };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const actor = requireRole(locals, url, campaignEditRoles);
    const parsed = await parseForm(request, ZCampaignForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    let id: string;
    try {
      ({ id } = await createCampaign((await app()).db, actor, parsed.data));
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/admin/campaigns/${id}?created=1`, locals.locale));
  }
};
