import { app } from '$lib/server/app';
import { apiCampaigns } from '$lib/server/campaigns/campaigns.api';
import { apiRespond } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Published campaigns. */
export const GET: RequestHandler = (event) => apiRespond(event, async () => apiCampaigns((await app()).db));
