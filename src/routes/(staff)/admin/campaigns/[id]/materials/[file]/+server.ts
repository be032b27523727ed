import { app } from '$lib/server/app';
import { campaignReadRoles } from '$lib/server/campaigns/campaigns.service';
import { materialResponse } from '$lib/server/campaigns/materials.http';
import { staffMaterialFile } from '$lib/server/campaigns/materials.service';
import { requireRole } from '$lib/server/http/guards';
import { rethrowAsHttpError } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/** A material file of any campaign, for staff who read campaigns; never stored by a cache. */
export const GET: RequestHandler = async ({ locals, url, params, request }) => {
  const actor = requireRole(locals, url, campaignReadRoles);
  try {
    return materialResponse(await staffMaterialFile((await app()).db, actor, params.id, params.file), request, 'staff');
  } catch (e) {
    rethrowAsHttpError(e, locals.locale);
  }
};
