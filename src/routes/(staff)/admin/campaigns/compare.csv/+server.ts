import { app } from '$lib/server/app';
import { compareCampaigns, compareCsv, ZCompareQuery } from '$lib/server/campaigns/campaigns.compare';
import { campaignEffectSummary } from '$lib/server/campaigns/campaigns.effect';
import { campaignReadRoles } from '$lib/server/campaigns/campaigns.service';
import { requireRole } from '$lib/server/http/guards';
import type { RequestHandler } from './$types';

/** The comparison of campaigns as CSV, sorted as the page. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const actor = requireRole(locals, url, campaignReadRoles);
  const ctx = await app();
  const query = ZCompareQuery.parse(Object.fromEntries(url.searchParams));
  const rows = await compareCampaigns(ctx.db, actor, query, (c) => campaignEffectSummary(ctx, c));
  return new Response(compareCsv(rows, locals.locale), {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': 'attachment; filename="forebygg-campaigns.csv"',
      'cache-control': 'no-store'
    }
  });
};
