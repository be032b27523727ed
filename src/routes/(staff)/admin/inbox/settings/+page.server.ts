import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import { caseSession } from '$lib/server/report/report.http';
import { createRecoveryKey, orgKeySettings, updateRetention } from '$lib/server/report/report.manage';
import { caseHandlerOrganisations } from '$lib/server/report/report.service';
import { ZRecoveryCreateForm, ZRetentionForm } from '$lib/schemas/report';
import type { Actions, PageServerLoad } from './$types';

/** An organisation's report settings: retention, and its recovery key (for the case handlers who hold its key). */
export const load: PageServerLoad = async ({ locals, url, cookies }) => {
  const user = requireRole(locals, url, ['case_handler']);
  const orgs = caseHandlerOrganisations(user);
  const requested = url.searchParams.get('org');
  const organisationId = requested && orgs.includes(requested) ? requested : orgs[0];
  return withHttpErrors(locals.locale, async () => ({
    settings: await orgKeySettings((await app()).db, user, caseSession(locals, cookies), organisationId)
  }));
};

export const actions: Actions = {
  retention: async ({ request, locals, url, cookies }) => {
    const user = requireRole(locals, url, ['case_handler']);
    const parsed = await parseForm(request, ZRetentionForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      const { organisationId, ...days } = parsed.data;
      await updateRetention((await app()).db, user, caseSession(locals, cookies), organisationId, days);
      return { saved: translate(locals.locale, 'report.retention.saved') };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  },

  recovery: async ({ request, locals, url, cookies }) => {
    const user = requireRole(locals, url, ['case_handler']);
    const parsed = await parseForm(request, ZRecoveryCreateForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      const key = await createRecoveryKey(
        (await app()).db,
        user,
        caseSession(locals, cookies),
        parsed.data.organisationId
      );
      return { recoveryKey: key };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
