import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { translate, type MessageKey } from '$lib/i18n';
import { app } from '$lib/server/app';
import { lineDiff } from '$lib/server/content/content.diff';
import { QUIZ_KIND, QUIZ_LOCALE, quizFileText } from '$lib/server/content/content.quiz';
import { ContentConflict, contentRoles, getEditor, saveDraft } from '$lib/server/content/content.service';
import { workflowActions } from '$lib/server/content/content.editor-route';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { TQuizSet } from '$lib/youth/quiz';
import { draftFromSet, quizSetFromDraft, readQuizForm } from '$lib/youth/quiz-set-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The version check's numbers; every other field is the quiz form's (quiz-set-form.ts). */
const ZQuizEditMeta = z.object({
  revision: z.coerce.number().int('validation.invalid').min(0, 'validation.invalid'),
  base: z.coerce.number().int('validation.invalid').min(0, 'validation.invalid')
});

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireRole(locals, url, contentRoles);
  return withHttpErrors(locals.locale, async () => {
    const view = await getEditor<TQuizSet, string>((await app()).db, actor, QUIZ_KIND, params.id, QUIZ_LOCALE);
    return { view, draft: draftFromSet(view.body) };
  });
};

function translated(locale: Parameters<typeof translate>[0], fields: Record<string, string>) {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, translate(locale, v as MessageKey)]));
}

async function readEdit(event: RequestEvent) {
  const actor = requireRole(event.locals, event.url, contentRoles);
  const parsed = await parseForm(event.request, ZQuizEditMeta, event.locals.locale);
  return { actor, parsed };
}

/** The workflow buttons (submit, return, publish, archive), the same for every editor. */
const workflow = workflowActions<RequestEvent>((e) => ({ kind: QUIZ_KIND, key: e.params.id, locale: QUIZ_LOCALE }));

export const actions: Actions = {
  /** A shape button (add, remove, move): the changed form comes back; nothing is stored. */
  edit: async (event) => {
    const { actor, parsed } = await readEdit(event);
    if (!parsed.ok) return parsed.failure;
    try {
      const view = await getEditor<TQuizSet, string>((await app()).db, actor, QUIZ_KIND, event.params.id, QUIZ_LOCALE);
      const { draft, badOp } = readQuizForm(parsed.values);
      if (badOp)
        return fail(400, {
          message: translate(event.locals.locale, 'contentQuiz.error.op'),
          errors: {},
          draft,
          revision: parsed.data.revision,
          base: parsed.data.base
        });
      const checked = quizSetFromDraft(view.body, draft, new Date());
      return {
        edited: true,
        draft,
        revision: parsed.data.revision,
        base: parsed.data.base,
        preview: checked.ok ? checked.set : null
      };
    } catch (e) {
      return failFromError(e, event.locals.locale, {});
    }
  },
  /** Saves the form as a draft when it is a valid quiz; otherwise a message beside each field. */
  save: async (event) => {
    const { actor, parsed } = await readEdit(event);
    if (!parsed.ok) return parsed.failure;
    const ctx = await app();
    const { draft } = readQuizForm({ ...parsed.values, op: '' });
    const keep = { draft, revision: parsed.data.revision, base: parsed.data.base };
    try {
      const view = await getEditor<TQuizSet, string>(ctx.db, actor, QUIZ_KIND, event.params.id, QUIZ_LOCALE);
      const checked = quizSetFromDraft(view.body, draft, new Date());
      if (!checked.ok)
        return fail(400, {
          message: translate(event.locals.locale, 'validation.summary'),
          errors: translated(event.locals.locale, checked.fields),
          ...keep
        });
      const r = await saveDraft(ctx, actor, QUIZ_KIND, {
        slug: event.params.id,
        locale: QUIZ_LOCALE,
        revision: parsed.data.revision,
        base: parsed.data.base,
        body: checked.set
      });
      return { saved: { number: r.number } };
    } catch (e) {
      if (e instanceof ContentConflict) {
        const theirs = e.theirs as ContentConflict<TQuizSet>['theirs'];
        const mine = quizSetFromDraft(theirs.body, draft, new Date());
        return fail(409, {
          message: translate(event.locals.locale, e.message),
          errors: {},
          // The next save is a conscious one: it starts from the stored revision.
          draft,
          revision: theirs.revision,
          base: theirs.state === 'published' ? theirs.number : parsed.data.base,
          conflict: {
            number: theirs.number,
            state: theirs.state,
            by: theirs.by,
            at: theirs.at,
            diff: lineDiff(quizFileText(theirs.body), mine.ok ? quizFileText(mine.set) : '')
          }
        });
      }
      const failure = failFromError(e, event.locals.locale, {});
      return fail(failure.status, { ...failure.data, ...keep });
    }
  },
  submit: workflow.submit,
  return: workflow.return,
  publish: workflow.publish,
  archive: workflow.archive
};
