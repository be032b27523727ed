import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { campaignDeleteRoles, deleteCampaign, getCampaignForStaff } from '$lib/server/campaigns/campaigns.service';
import { listMaterialFiles } from '$lib/server/campaigns/materials.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import { ZCampaignDelete } from '$lib/schemas/campaigns';
import type { Actions, PageServerLoad } from './$types';

/** The confirmation step of deleting a campaign registered by mistake (editors; drafts only). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, campaignDeleteRoles);
  return withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const c = await getCampaignForStaff(db, actor, params.id);
    return {
      campaign: { id: c.id, name: c.name, published: c.publishedAt !== null },
      files: (await listMaterialFiles(db, c.id)).length
    };
  });
};

export const actions: Actions = {
  default: async ({ request, locals, url, params }) => {
    const actor = requireRole(locals, url, campaignDeleteRoles);
    const parsed = await parseForm(request, ZCampaignDelete, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await deleteCampaign((await app()).db, actor, params.id);
    } catch (e) {
      return failFromError(e, locals.locale, {});
    }
    redirect(303, localizePath('/admin/campaigns?deleted=1', locals.locale));
  }
};
