import { app } from '$lib/server/app';
import { listPublishedCampaigns } from '$lib/server/campaigns/campaigns.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ campaigns: await listPublishedCampaigns((await app()).db) });
