import { translate, type MessageKey } from '$lib/i18n';
import { app } from '$lib/server/app';
import { effectForPage } from '$lib/server/campaigns/campaigns.effect';
import { campaignView } from '$lib/server/campaigns/campaigns.service';
import { listMaterialFiles } from '$lib/server/campaigns/materials.service';
import { withHttpErrors } from '$lib/server/http/load';
import type { PageServerLoad } from './$types';

/** A published campaign; 404 for one that is not published. */
export const load: PageServerLoad = async ({ locals, params }) =>
  withHttpErrors(locals.locale, async () => {
    const ctx = await app();
    const view = await campaignView(ctx.db, params.slug);
    const { effect, problem } = await effectForPage(ctx, view.campaign);
    const materialFiles = await listMaterialFiles(ctx.db, view.campaign.id);
    return {
      ...view,
      effect,
      problem: problem ? translate(locals.locale, problem as MessageKey) : null,
      materialFiles
    };
  });
