import { app } from '$lib/server/app';
import { campaignView } from '$lib/server/campaigns/campaigns.service';
import { withHttpErrors } from '$lib/server/http/load';
import type { PageServerLoad } from './$types';

/** A published campaign; 404 for one that is not published. */
export const load: PageServerLoad = async ({ locals, params }) =>
  withHttpErrors(locals.locale, async () => campaignView((await app()).db, params.slug));
