import { redirect } from '@sveltejs/kit';
import { localizePath, translate, type MessageKey } from '$lib/i18n';
import { effectForPage } from '$lib/server/campaigns/campaigns.effect';
import { app } from '$lib/server/app';
import {
  campaignPublishRoles,
  campaignReadRoles,
  campaignView,
  canDeleteCampaigns,
  canEditCampaigns,
  canPublishCampaigns,
  setCampaignPublished
} from '$lib/server/campaigns/campaigns.service';
import { listMaterialFiles } from '$lib/server/campaigns/materials.service';
import { failFromError } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, campaignReadRoles);
  return withHttpErrors(locals.locale, async () => {
    const ctx = await app();
    const view = await campaignView(ctx.db, params.id, actor);
    const { effect, problem } = await effectForPage(ctx, view.campaign);
    return {
      ...view,
      effect,
      problem: problem ? translate(locals.locale, problem as MessageKey) : null,
      materialFiles: await listMaterialFiles(ctx.db, view.campaign.id),
      canEdit: canEditCampaigns(actor),
      canPublish: canPublishCampaigns(actor),
      canDelete: canDeleteCampaigns(actor)
    };
  });
};

async function publishAction(
  { locals, url, params }: Parameters<Actions[string]>[0],
  publish: boolean
): Promise<ReturnType<typeof failFromError>> {
  const actor = requireRole(locals, url, campaignPublishRoles);
  try {
    await setCampaignPublished((await app()).db, actor, params.id, publish);
  } catch (e) {
    return failFromError(e, locals.locale, {});
  }
  redirect(303, localizePath(`/admin/campaigns/${params.id}`, locals.locale));
}

export const actions: Actions = {
  publish: async (event) => publishAction(event, true),
  unpublish: async (event) => publishAction(event, false)
};
