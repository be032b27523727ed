import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { caseSession } from '$lib/server/report/report.http';
import { changeStatus, messageReporter, openReport } from '$lib/server/report/report.service';
import { indicatorOptions } from '$lib/server/report/report.view';
import { ZCaseMessage, ZStatusChange } from '$lib/schemas/report';
import type { Actions, PageServerLoad } from './$types';

/** One report, decrypted for a case handler of a receiving organisation; every opening is audited. */
export const load: PageServerLoad = async ({ locals, url, cookies, params }) => {
  const user = requireRole(locals, url, ['case_handler']);
  try {
    const view = await openReport({ db: (await app()).db }, user, caseSession(locals, cookies), params.id);
    const labels = new Map(indicatorOptions(view.content.sector, locals.locale).map((i) => [i.id, i.label]));
    return { view, indicatorLabels: view.content.indicators.map((i) => labels.get(i) ?? i) };
  } catch (e) {
    if (isAppError(e)) error(e.status, { message: translate(locals.locale, e.message), code: e.code });
    throw e;
  }
};

export const actions: Actions = {
  status: async ({ request, locals, url, cookies, params }) => {
    const user = requireRole(locals, url, ['case_handler']);
    const parsed = await parseForm(request, ZStatusChange, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await changeStatus({ db: (await app()).db }, user, caseSession(locals, cookies), params.id, parsed.data);
      return { saved: translate(locals.locale, 'report.case.statusSaved') };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  },

  message: async ({ request, locals, url, cookies, params }) => {
    const user = requireRole(locals, url, ['case_handler']);
    const parsed = await parseForm(request, ZCaseMessage, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await messageReporter(
        { db: (await app()).db },
        user,
        caseSession(locals, cookies),
        params.id,
        parsed.data.message
      );
      return { saved: translate(locals.locale, 'report.case.messageSent') };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
