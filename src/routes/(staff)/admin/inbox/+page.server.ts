import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { requireRole } from '$lib/server/http/guards';
import { caseSession } from '$lib/server/report/report.http';
import { caseHandlerOrganisations, listInbox } from '$lib/server/report/report.service';
import type { PageServerLoad } from './$types';

/** The case inbox: reports routed to one of the user's organisations, routing fields only. */
export const load: PageServerLoad = async ({ locals, url, cookies }) => {
  const user = requireRole(locals, url, ['case_handler']);
  const orgs = caseHandlerOrganisations(user);
  const requested = url.searchParams.get('org');
  const organisationId = requested && orgs.includes(requested) ? requested : orgs[0];
  const ctx = await app();
  try {
    const inbox = await listInbox({ db: ctx.db }, user, caseSession(locals, cookies), organisationId);
    return { ...inbox, organisationId };
  } catch (e) {
    if (isAppError(e)) error(e.status, { message: translate(locals.locale, e.message), code: e.code });
    throw e;
  }
};
