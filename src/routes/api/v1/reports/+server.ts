import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { apiLocale, apiRespond, parseJsonBody } from '$lib/server/http/api';
import { submitReportLimited } from '$lib/server/report/report.limit';
import { reportFromApi, ZReportApiBody } from '$lib/schemas/report';
import type { RequestHandler } from './$types';

/**
 * Report a concern by JSON: the form's checks, its rate limit, its honest routing. The body is never
 * logged; the answer carries the receipt once and is never cached. 202 when accepted, 200 with
 * `accepted: false` when nobody can receive it (nothing stored), AppErrors as `{message, code, fields}`.
 */
export const POST: RequestHandler = async (event) => {
  let accepted = false;
  const res = await apiRespond(event, async () => {
    const body = await parseJsonBody(event.request, ZReportApiBody);
    const ctx = await app();
    const client = { address: event.getClientAddress(), perHour: ctx.config.REPORT_SUBMITS_PER_HOUR };
    const out = await submitReportLimited({ db: ctx.db }, reportFromApi(body), client);
    const locale = apiLocale(event);
    if (out.kind === 'no_receiver') {
      return { accepted: false, organisations: [], message: translate(locale, 'report.api.noReceiver') };
    }
    accepted = true;
    return {
      accepted: true,
      receipt: out.receipt,
      organisations: out.organisations,
      message: translate(locale, 'report.api.accepted')
    };
  });
  const headers = new Headers(res.headers);
  headers.set('Cache-Control', 'no-store');
  return new Response(res.body, { status: accepted ? 202 : res.status, headers });
};
