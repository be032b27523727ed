import { fail, redirect } from '@sveltejs/kit';
import { localizePath, translate, type Locale, type MessageKey } from '$lib/i18n';
import { app } from '$lib/server/app';
import { createContentItem } from '$lib/server/content/content.create';
import { QUIZ_KIND, QUIZ_LOCALE } from '$lib/server/content/content.quiz';
import { contentRoles } from '$lib/server/content/content.service';
import { failFromError, readFormOrFail } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import { allQuizSets } from '$lib/server/youth/youth.service';
import { newQuizBase, newQuizDraft, QUIZ_ID_PATTERN, withSourceIds } from '$lib/youth/quiz-new';
import { quizSetFromDraft, readQuizForm, type TQuizFields } from '$lib/youth/quiz-set-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A new quiz set: the studio's whole-set form with its id as a field; saved as a draft for review. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals, url, contentRoles);
  return withHttpErrors(locals.locale, async () => {
    // A new set goes after the others in the list unless the editor says otherwise.
    const sets = await allQuizSets((await app()).db);
    return { draft: newQuizDraft(Math.max(0, ...sets.map((s) => s.order)) + 1) };
  });
};

function translated(locale: Locale, fields: Record<string, string>) {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, translate(locale, v as MessageKey)]));
}

/** The posted form's fields (a repeated name keeps every value, as the quiz form reads them). */
async function readFields(event: RequestEvent) {
  const actor = requireRole(event.locals, event.url, contentRoles);
  const read = await readFormOrFail(event.request, event.locals.locale);
  if (!read.ok) return { actor, failure: read.failure } as const;
  const fields: TQuizFields = {};
  for (const [k, v] of read.form) {
    if (typeof v !== 'string') continue;
    const had = fields[k];
    fields[k] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
  }
  return { actor, fields } as const;
}

export const actions: Actions = {
  /** A shape button (add, remove, move): the changed form comes back; nothing is stored. */
  edit: async (event) => {
    const r = await readFields(event);
    if ('failure' in r) return r.failure;
    const { draft, badOp } = readQuizForm(r.fields);
    if (badOp)
      return fail(400, {
        message: translate(event.locals.locale, 'contentQuiz.error.op'),
        errors: {},
        draft: withSourceIds(draft)
      });
    return { edited: true, draft: withSourceIds(draft) };
  },
  /** Creates the set as a draft when the form is a valid quiz with a free id; otherwise a message per field. */
  save: async (event) => {
    const r = await readFields(event);
    if ('failure' in r) return r.failure;
    const locale = event.locals.locale;
    const draft = withSourceIds(readQuizForm({ ...r.fields, op: '' }).draft);
    const id = draft.id.trim();
    const fields: Record<string, string> = {};
    if (!QUIZ_ID_PATTERN.test(id)) fields.id = 'contentCreate.error.key';
    const checked = quizSetFromDraft(newQuizBase(id || 'new-quiz'), draft, new Date());
    if (!checked.ok) Object.assign(fields, checked.fields);
    if (!checked.ok || fields.id)
      return fail(400, {
        message: translate(locale, 'validation.summary'),
        errors: translated(locale, fields),
        draft
      });
    try {
      await createContentItem(await app(), r.actor, QUIZ_KIND, {
        key: id,
        locale: QUIZ_LOCALE,
        keyField: 'id',
        body: checked.set
      });
    } catch (e) {
      const failure = failFromError(e, locale, {});
      return fail(failure.status, { ...failure.data, draft });
    }
    redirect(303, localizePath(`/admin/content/quiz/${id}`, locale));
  }
};
