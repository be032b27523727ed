import { app } from '$lib/server/app';
import { apiCampaignEffect } from '$lib/server/campaigns/campaigns.api';
import { apiRespond } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** A published campaign's effect on its indicator, with intervals, cost per point and weekly activity. */
export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => apiCampaignEffect(await app(), event.params.id));
