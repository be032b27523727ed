import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { ZContentDiffQuery, ZContentVersionForm } from '$lib/schemas/content';
import { app } from '$lib/server/app';
import { CHECKLIST_KIND, CHECKLIST_LOCALE } from '$lib/server/content/content.checklist-kind';
import { contentHistory, contentRoles, diffContentVersions, restoreVersion } from '$lib/server/content/content.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

/** A checklist's versions, and the diff of two of them as their files read (`?from=&to=`, a GET form). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, contentRoles);
  return withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const versions = await contentHistory(db, actor, params.sector, CHECKLIST_LOCALE, CHECKLIST_KIND);
    const q = ZContentDiffQuery.safeParse({ from: url.searchParams.get('from'), to: url.searchParams.get('to') });
    if (url.searchParams.has('from') && !q.success)
      error(400, { message: translate(locals.locale, 'validation.invalid'), code: 'validation' });
    const diff =
      url.searchParams.has('from') && q.success
        ? {
            from: q.data.from,
            to: q.data.to,
            parts: await diffContentVersions(
              db,
              actor,
              params.sector,
              CHECKLIST_LOCALE,
              q.data.from,
              q.data.to,
              CHECKLIST_KIND
            )
          }
        : null;
    return { sector: params.sector, versions, diff };
  });
};

export const actions: Actions = {
  restore: async ({ request, locals, url, params }) => {
    const actor = requireRole(locals, url, contentRoles);
    const parsed = await parseForm(request, ZContentVersionForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      const r = await restoreVersion(await app(), actor, {
        kind: CHECKLIST_KIND,
        slug: params.sector,
        locale: CHECKLIST_LOCALE,
        number: parsed.data.number
      });
      return { restored: { from: parsed.data.number, number: r.number } };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
