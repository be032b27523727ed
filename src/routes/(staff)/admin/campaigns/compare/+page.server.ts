import { app } from '$lib/server/app';
import { compareCampaigns, ZCompareQuery } from '$lib/server/campaigns/campaigns.compare';
import { campaignEffectSummary } from '$lib/server/campaigns/campaigns.effect';
import { campaignReadRoles } from '$lib/server/campaigns/campaigns.service';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireRole(locals, url, campaignReadRoles);
  const query = ZCompareQuery.parse(Object.fromEntries(url.searchParams));
  return withHttpErrors(locals.locale, async () => {
    const ctx = await app();
    return { query, rows: await compareCampaigns(ctx.db, actor, query, (c) => campaignEffectSummary(ctx, c)) };
  });
};
