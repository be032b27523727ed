import { error, fail } from '@sveltejs/kit';
import { translate, type Locale } from '$lib/i18n';
import { learnFormValues } from '$lib/content/learn-form';
import { ZLearnEditForm } from '$lib/schemas/content';
import { app } from '$lib/server/app';
import { lineDiff } from '$lib/server/content/content.diff';
import { LEARN_KIND, learnFileText } from '$lib/server/content/content.learn';
import { loadPublishedLearnContent } from '$lib/server/content/content.published';
import { renderLearnBody } from '$lib/server/content/content.learn';
import {
  ContentConflict,
  contentRoles,
  getLearnEditor,
  previewLearnPage,
  saveLearnDraft
} from '$lib/server/content/content.service';
import { conflictFailure, workflowActions } from '$lib/server/content/content.editor-route';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import { pageView } from '$lib/server/learn/learn.api';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function pageLocale(params: { locale: string }, reader: Locale): Locale {
  if (params.locale !== 'nb' && params.locale !== 'en')
    error(404, { message: translate(reader, 'content.error.notFound'), code: 'not_found' });
  return params.locale;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, contentRoles);
  const locale = pageLocale(params, locals.locale);
  return withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const view = await getLearnEditor(db, actor, params.slug, locale);
    const content = await loadPublishedLearnContent(db);
    let preview = null;
    try {
      preview = pageView(renderLearnBody(params.slug, locale, view.body), locale, content);
    } catch {
      // A stored draft always renders (saves are checked); nothing to preview otherwise.
    }
    return { view, values: learnFormValues(view.body, view.open?.revision ?? 0, view.base), preview };
  });
};

/** What the editor typed, even beyond parseForm's echo limit, so a refused save loses nothing. */
async function typed(request: Request): Promise<Record<string, string>> {
  try {
    const form = await request.formData();
    const out: Record<string, string> = {};
    for (const [k, v] of form) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}

async function parseEdit(event: RequestEvent) {
  const actor = requireRole(event.locals, event.url, contentRoles);
  const locale = pageLocale(event.params, event.locals.locale);
  const copy = event.request.clone();
  const parsed = await parseForm(event.request, ZLearnEditForm, event.locals.locale);
  const values = await typed(copy);
  return { actor, locale, parsed, values };
}

function bodyOf(data: { title: string; summary: string; markdown: string; related: string[]; sources: unknown[] }) {
  return {
    title: data.title,
    summary: data.summary,
    updated: new Date().toISOString().slice(0, 10),
    sources: data.sources as { title: string }[],
    related: data.related,
    markdown: data.markdown
  };
}

/** The workflow buttons (submit, return, publish, archive), the same for every editor. */
const workflow = workflowActions<RequestEvent>((e) => ({
  kind: LEARN_KIND,
  key: e.params.slug,
  locale: pageLocale(e.params, e.locals.locale)
}));

export const actions: Actions = {
  preview: async (event) => {
    const { actor, locale, parsed, values } = await parseEdit(event);
    if (!parsed.ok) return fail(400, { ...parsed.failure.data, values });
    try {
      const db = (await app()).db;
      const body = bodyOf(parsed.data);
      const r = await previewLearnPage(db, actor, event.params.slug, locale, body);
      return { preview: pageView(r.page, locale, r.content), removed: r.removed, values };
    } catch (e) {
      return failFromError(e, event.locals.locale, values);
    }
  },
  save: async (event) => {
    const { actor, locale, parsed, values } = await parseEdit(event);
    if (!parsed.ok) return fail(400, { ...parsed.failure.data, values });
    const ctx = await app();
    const body = bodyOf(parsed.data);
    try {
      const r = await saveLearnDraft(ctx, actor, {
        slug: event.params.slug,
        locale,
        revision: parsed.data.revision,
        base: parsed.data.base,
        body
      });
      return { saved: { number: r.number }, removed: r.removed };
    } catch (e) {
      if (e instanceof ContentConflict) {
        const theirs = e.theirs;
        return conflictFailure(event.locals.locale, e, values, parsed.data.base, {
          text: learnFileText(theirs.body),
          diff: lineDiff(learnFileText(theirs.body), learnFileText({ ...body, updated: theirs.body.updated }))
        });
      }
      return failFromError(e, event.locals.locale, values);
    }
  },
  submit: workflow.submit,
  return: workflow.return,
  publish: workflow.publish,
  archive: workflow.archive
};
