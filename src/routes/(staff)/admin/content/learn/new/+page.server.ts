import { fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { learnFormValues } from '$lib/content/learn-form';
import { ZLearnEditForm } from '$lib/schemas/content';
import { ZLearnNewForm, ZLearnNewQuery } from '$lib/schemas/content-create';
import { app } from '$lib/server/app';
import { createContentItem } from '$lib/server/content/content.create';
import { isAppError } from '$lib/server/errors';
import { LEARN_KIND } from '$lib/server/content/content.learn';
import { contentRoles, getLearnEditor } from '$lib/server/content/content.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

/**
 * A new learning page: address, language and the page's fields. `?slug=…&locale=…` starts the other
 * language of an existing page, its fields filled in with the existing language's text to translate.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireRole(locals, url, contentRoles);
  const query = ZLearnNewQuery.parse(Object.fromEntries(url.searchParams));
  return withHttpErrors(locals.locale, async () => {
    const locale = query.locale ?? locals.locale;
    const other = locale === 'nb' ? 'en' : 'nb';
    let prefilledFrom: 'nb' | 'en' | null = null;
    let values: Record<string, string> = { revision: '0', base: '0', slug: query.slug ?? '', locale };
    if (query.slug) {
      // No page in the other language under that slug: an empty form (the slug is kept).
      const from = await getLearnEditor((await app()).db, actor, query.slug, other).catch((e: unknown) => {
        if (isAppError(e) && e.code === 'not_found') return null;
        throw e;
      });
      if (from) {
        values = { ...learnFormValues(from.body, 0, 0), slug: query.slug, locale };
        prefilledFrom = other;
      }
    }
    return { values, prefilledFrom };
  });
};

/** What the editor typed, so a refused create loses nothing (the Markdown may be long). */
async function typed(request: Request): Promise<Record<string, string>> {
  try {
    const out: Record<string, string> = {};
    for (const [k, v] of await request.formData()) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}

export const actions: Actions = {
  default: async ({ locals, url, request }) => {
    const actor = requireRole(locals, url, contentRoles);
    const [forMeta, forValues] = [request.clone(), request.clone()];
    const meta = await parseForm(forMeta, ZLearnNewForm, locals.locale);
    const page = await parseForm(request, ZLearnEditForm, locals.locale);
    const values = await typed(forValues);
    if (!meta.ok || !page.ok) {
      const failures = [meta, page].flatMap((p) => (p.ok ? [] : [p.failure]));
      // A body that is not a form at all (413, 415) answers as such; otherwise every field's message.
      const status = Math.max(...failures.map((f) => f.status));
      return fail(status, {
        message: failures[0]!.data.message,
        errors: Object.assign({}, ...failures.map((f) => f.data.errors)) as Record<string, string>,
        values
      });
    }
    const { slug, locale } = meta.data;
    try {
      await createContentItem(await app(), actor, LEARN_KIND, {
        key: slug,
        locale,
        keyField: 'slug',
        body: {
          title: page.data.title,
          summary: page.data.summary,
          updated: new Date().toISOString().slice(0, 10),
          sources: page.data.sources,
          related: page.data.related,
          markdown: page.data.markdown
        }
      });
    } catch (e) {
      return failFromError(e, locals.locale, values);
    }
    redirect(303, localizePath(`/admin/content/learn/${slug}/${locale}`, locals.locale));
  }
};
