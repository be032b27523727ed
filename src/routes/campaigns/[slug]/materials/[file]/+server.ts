import { app } from '$lib/server/app';
import { materialResponse } from '$lib/server/campaigns/materials.http';
import { publicMaterialFile } from '$lib/server/campaigns/materials.service';
import { rethrowAsHttpError } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/** A published campaign's material file; 404 for a campaign that is not published, as its page. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
  try {
    return materialResponse(await publicMaterialFile((await app()).db, params.slug, params.file), request, 'public');
  } catch (e) {
    rethrowAsHttpError(e, locals.locale);
  }
};
