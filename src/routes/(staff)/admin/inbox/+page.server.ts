import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { REPORT_STATUSES, type TReportStatus } from '$lib/schemas/report';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { requireRole } from '$lib/server/http/guards';
import { caseSession } from '$lib/server/report/report.http';
import {
  caseHandlerOrganisations,
  formatInboxCursor,
  listInbox,
  parseInboxCursor
} from '$lib/server/report/report.service';
import type { PageServerLoad } from './$types';

/** The case inbox: reports routed to one of the user's organisations, routing fields only, 500 a page. */
export const load: PageServerLoad = async ({ locals, url, cookies }) => {
  const user = requireRole(locals, url, ['case_handler']);
  const orgs = caseHandlerOrganisations(user);
  const requested = url.searchParams.get('org');
  const organisationId = requested && orgs.includes(requested) ? requested : orgs[0];
  const bad = () => error(400, { message: translate(locals.locale, 'report.inbox.badPage'), code: 'bad_request' });
  const statusText = url.searchParams.get('status') || null;
  if (statusText !== null && !(REPORT_STATUSES as readonly string[]).includes(statusText)) bad();
  const status = (statusText ?? undefined) as TReportStatus | undefined;
  const beforeText = url.searchParams.get('before');
  const afterText = url.searchParams.get('after');
  const before = parseInboxCursor(beforeText);
  const after = parseInboxCursor(afterText);
  if ((beforeText !== null && !before) || (afterText !== null && !after) || (before && after)) bad();
  const ctx = await app();
  try {
    const inbox = await listInbox({ db: ctx.db }, user, caseSession(locals, cookies), organisationId, {
      status,
      before: before ?? undefined,
      after: after ?? undefined
    });
    return {
      ...inbox,
      older: inbox.older && formatInboxCursor(inbox.older),
      newer: inbox.newer && formatInboxCursor(inbox.newer),
      organisationId,
      status: status ?? ''
    };
  } catch (e) {
    if (isAppError(e)) error(e.status, { message: translate(locals.locale, e.message), code: e.code });
    throw e;
  }
};
