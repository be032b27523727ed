import { app } from '$lib/server/app';
import { apiCampaign } from '$lib/server/campaigns/campaigns.api';
import { apiRespond } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** One published campaign; 404 when it is not published. */
export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => apiCampaign((await app()).db, event.params.id));
