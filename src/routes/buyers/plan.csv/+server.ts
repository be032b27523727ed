import { error } from '@sveltejs/kit';
import { planCsv } from '$lib/server/buyers/buyers.view';
import { translate } from '$lib/i18n';
import { ZRulesRequest } from '$lib/schemas/buyers';
import type { RequestHandler } from './$types';

/** The due-diligence plan as CSV: a plain form post (works without JavaScript). Nothing is stored. */
export const POST: RequestHandler = async ({ request, locals }) => {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    error(415, { message: translate(locals.locale, 'validation.notAForm'), code: 'unsupported_media_type' });
  }
  const raw: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string') raw[k] = v;
  const parsed = ZRulesRequest.safeParse(raw);
  if (!parsed.success) error(400, { message: translate(locals.locale, 'validation.summary'), code: 'validation' });
  return new Response(planCsv(parsed.data, locals.locale), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${translate(locals.locale, 'buyers.csv.filename')}"`,
      'cache-control': 'no-store'
    }
  });
};
