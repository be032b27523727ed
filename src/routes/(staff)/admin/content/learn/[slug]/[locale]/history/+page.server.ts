import { error } from '@sveltejs/kit';
import { translate, type Locale } from '$lib/i18n';
import { ZContentDiffQuery, ZContentVersionForm } from '$lib/schemas/content';
import { app } from '$lib/server/app';
import { contentHistory, contentRoles, diffContentVersions, restoreVersion } from '$lib/server/content/content.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

function pageLocale(locale: string, reader: Locale): Locale {
  if (locale !== 'nb' && locale !== 'en')
    error(404, { message: translate(reader, 'content.error.notFound'), code: 'not_found' });
  return locale;
}

/** The versions, and the diff between two of them when `?from=&to=` asks (a GET form: no JS needed). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, contentRoles);
  const locale = pageLocale(params.locale, locals.locale);
  return withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const versions = await contentHistory(db, actor, params.slug, locale);
    const q = ZContentDiffQuery.safeParse({ from: url.searchParams.get('from'), to: url.searchParams.get('to') });
    const diff =
      url.searchParams.has('from') && q.success
        ? {
            from: q.data.from,
            to: q.data.to,
            parts: await diffContentVersions(db, actor, params.slug, locale, q.data.from, q.data.to)
          }
        : null;
    if (url.searchParams.has('from') && !q.success)
      error(400, { message: translate(locals.locale, 'validation.invalid'), code: 'validation' });
    return { slug: params.slug, locale, versions, diff };
  });
};

export const actions: Actions = {
  restore: async ({ request, locals, url, params }) => {
    const actor = requireRole(locals, url, contentRoles);
    const locale = pageLocale(params.locale, locals.locale);
    const parsed = await parseForm(request, ZContentVersionForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      const r = await restoreVersion(await app(), actor, { slug: params.slug, locale, number: parsed.data.number });
      return { restored: { from: parsed.data.number, number: r.number } };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
