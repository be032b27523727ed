import { error, fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { openAssessment, submitAssessment } from '$lib/server/buyers/buyers.service';
import { isAppError } from '$lib/server/errors';
import { parseForm } from '$lib/server/http/forms';
import { ZAssessmentForm } from '$lib/schemas/buyers';
import type { Actions, PageServerLoad } from './$types';

/**
 * A supplier's one-time link: no account, nothing about the visitor is stored. A link that is
 * unknown (404), used (409) or expired (410) says so in plain words.
 */
export const load: PageServerLoad = async ({ params, locals, setHeaders, request }) => {
  setHeaders({ 'cache-control': 'no-store' });
  try {
    return { assessment: await openAssessment(await app(), params.token) };
  } catch (e) {
    if (!isAppError(e)) throw e;
    // Right after a form post the link is used: the page shows the action's answer (thanks, or why not).
    if (request.method === 'POST') return { assessment: null };
    error(e.status, { message: translate(locals.locale, e.message), code: e.code });
  }
};

export const actions: Actions = {
  default: async ({ request, params, locals }) => {
    const parsed = await parseForm(request, ZAssessmentForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await submitAssessment(await app(), params.token, parsed.data);
    } catch (e) {
      if (!isAppError(e)) throw e;
      return fail(e.status, { message: translate(locals.locale, e.message), errors: {}, values: parsed.values });
    }
    return { sent: true };
  }
};
