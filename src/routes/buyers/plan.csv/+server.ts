import { parseFormOrThrow } from '$lib/server/http/forms';
import { planCsv } from '$lib/server/buyers/buyers.view';
import { translate } from '$lib/i18n';
import { ZRulesRequest } from '$lib/schemas/buyers';
import type { RequestHandler } from './$types';

/** The due-diligence plan as CSV: a plain form post (works without JavaScript). Nothing is stored. */
export const POST: RequestHandler = async ({ request, locals }) => {
  const plan = await parseFormOrThrow(request, ZRulesRequest, locals.locale);
  return new Response(planCsv(plan, locals.locale), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${translate(locals.locale, 'buyers.csv.filename')}"`,
      'cache-control': 'no-store'
    }
  });
};
