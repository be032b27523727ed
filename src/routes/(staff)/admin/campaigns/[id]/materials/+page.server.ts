import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { campaignEditRoles, getCampaignForStaff } from '$lib/server/campaigns/campaigns.service';
import { readMaterialUpload } from '$lib/server/campaigns/materials.form';
import { addMaterialFile, listMaterialFiles, removeMaterialFile } from '$lib/server/campaigns/materials.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import { ZMaterialRemove } from '$lib/schemas/campaign-materials';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, campaignEditRoles);
  return withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const campaign = await getCampaignForStaff(db, actor, params.id);
    return { campaign: { id: campaign.id, name: campaign.name }, files: await listMaterialFiles(db, campaign.id) };
  });
};

export const actions: Actions = {
  upload: async ({ request, locals, url, params }) => {
    const actor = requireRole(locals, url, campaignEditRoles);
    const read = await readMaterialUpload(request, locals.locale);
    if (!read.ok) return read.failure;
    try {
      await addMaterialFile((await app()).db, actor, params.id, read.upload);
    } catch (e) {
      return failFromError(e, locals.locale, read.values);
    }
    redirect(303, localizePath(`/admin/campaigns/${params.id}/materials?added=1`, locals.locale));
  },
  remove: async ({ request, locals, url, params }) => {
    const actor = requireRole(locals, url, campaignEditRoles);
    const parsed = await parseForm(request, ZMaterialRemove, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await removeMaterialFile((await app()).db, actor, params.id, parsed.data.fileId);
    } catch (e) {
      return failFromError(e, locals.locale, {});
    }
    redirect(303, localizePath(`/admin/campaigns/${params.id}/materials?removed=1`, locals.locale));
  }
};
