import { app } from '$lib/server/app';
import { campaignReadRoles, canEditCampaigns, listCampaignsForStaff } from '$lib/server/campaigns/campaigns.service';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireRole(locals, url, campaignReadRoles);
  return withHttpErrors(locals.locale, async () => ({
    campaigns: await listCampaignsForStaff((await app()).db, actor),
    canEdit: canEditCampaigns(actor)
  }));
};
