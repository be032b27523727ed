import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { ZContentDiffQuery, ZContentVersionForm } from '$lib/schemas/content';
import { app } from '$lib/server/app';
import { QUIZ_KIND, QUIZ_LOCALE } from '$lib/server/content/content.quiz';
import { contentHistory, contentRoles, diffContentVersions, restoreVersion } from '$lib/server/content/content.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

/** A quiz set's versions, and the diff between two of them when `?from=&to=` asks (a GET form). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, contentRoles);
  return withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const versions = await contentHistory(db, actor, params.id, QUIZ_LOCALE, QUIZ_KIND);
    const q = ZContentDiffQuery.safeParse({ from: url.searchParams.get('from'), to: url.searchParams.get('to') });
    if (url.searchParams.has('from') && !q.success)
      error(400, { message: translate(locals.locale, 'validation.invalid'), code: 'validation' });
    const diff =
      url.searchParams.has('from') && q.success
        ? {
            from: q.data.from,
            to: q.data.to,
            parts: await diffContentVersions(db, actor, params.id, QUIZ_LOCALE, q.data.from, q.data.to, QUIZ_KIND)
          }
        : null;
    return { id: params.id, versions, diff };
  });
};

export const actions: Actions = {
  restore: async ({ request, locals, url, params }) => {
    const actor = requireRole(locals, url, contentRoles);
    const parsed = await parseForm(request, ZContentVersionForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      const r = await restoreVersion(await app(), actor, {
        kind: QUIZ_KIND,
        slug: params.id,
        locale: QUIZ_LOCALE,
        number: parsed.data.number
      });
      return { restored: { from: parsed.data.number, number: r.number } };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
