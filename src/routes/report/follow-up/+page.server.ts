import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { followUpReport, receiptThrottle, reporterReply } from '$lib/server/report/report.service';
import { ZReceiptForm, ZReporterReply } from '$lib/schemas/report';
import type { Actions } from './$types';

/**
 * The reporter's follow-up: the receipt opens status and messages. The client address only feeds the
 * in-memory keyed throttle hash; it is never stored or logged. The receipt is never stored: it travels
 * back in the page (no-store) so the reporter can answer without JavaScript.
 */
export const actions: Actions = {
  open: async ({ request, locals, getClientAddress }) => {
    const parsed = await parseForm(request, ZReceiptForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const client = { throttle: receiptThrottle, key: receiptThrottle.clientKey(getClientAddress()) };
    try {
      const view = await followUpReport({ db: (await app()).db }, parsed.data.receipt, new Date(), client);
      return { view, receipt: parsed.data.receipt };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  },

  reply: async ({ request, locals, getClientAddress }) => {
    const parsed = await parseForm(request, ZReporterReply, locals.locale);
    if (!parsed.ok) {
      // Show the conversation again with the error, so the typed answer is not lost.
      const receipt = parsed.failure.data.values.receipt ?? '';
      try {
        const view = await followUpReport({ db: (await app()).db }, receipt);
        return fail(400, { ...parsed.failure.data, view, receipt });
      } catch {
        return parsed.failure;
      }
    }
    const client = { throttle: receiptThrottle, key: receiptThrottle.clientKey(getClientAddress()) };
    const deps = { db: (await app()).db };
    try {
      await reporterReply(deps, parsed.data.receipt, parsed.data.message, new Date(), client);
      const view = await followUpReport(deps, parsed.data.receipt);
      return { view, receipt: parsed.data.receipt, sent: translate(locals.locale, 'report.followUp.sent') };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
