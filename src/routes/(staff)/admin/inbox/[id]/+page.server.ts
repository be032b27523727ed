import { error, redirect } from '@sveltejs/kit';
import { localizePath, translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { caseSession } from '$lib/server/report/report.http';
import { changeStatus, messageReporter, openReport } from '$lib/server/report/report.service';
import { forwardReport, forwardTargets } from '$lib/server/report/report.manage';
import { allIndicatorOptions, indicatorOptions } from '$lib/server/report/report.view';
import { ZCaseMessage, ZForwardForm, ZStatusChange } from '$lib/schemas/report';
import type { Actions, PageServerLoad } from './$types';

/** One report, decrypted for a case handler of a receiving organisation; every opening is audited. */
export const load: PageServerLoad = async ({ locals, url, cookies, params }) => {
  const user = requireRole(locals, url, ['case_handler']);
  try {
    const deps = { db: (await app()).db };
    const session = caseSession(locals, cookies);
    const view = await openReport(deps, user, session, params.id);
    const options = view.content.sector
      ? indicatorOptions(view.content.sector, locals.locale)
      : allIndicatorOptions(locals.locale);
    const labels = new Map(options.map((i) => [i.id, i.label]));
    return {
      view,
      indicatorLabels: view.content.indicators.map((i) => labels.get(i) ?? i),
      forwardTargets: await forwardTargets(deps, user, session, params.id)
    };
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
  },

  forward: async ({ request, locals, url, cookies, params }) => {
    const user = requireRole(locals, url, ['case_handler']);
    const parsed = await parseForm(request, ZForwardForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    let kept: boolean;
    try {
      ({ kept } = await forwardReport(
        { db: (await app()).db },
        user,
        caseSession(locals, cookies),
        params.id,
        parsed.data
      ));
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    if (!kept) redirect(303, localizePath('/admin/inbox?forwarded=1', locals.locale));
    return { saved: translate(locals.locale, 'report.forward.done') };
  }
};
