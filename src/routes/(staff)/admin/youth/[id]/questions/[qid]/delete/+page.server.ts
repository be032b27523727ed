import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { AppError } from '$lib/server/errors';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { rethrowAsHttpError } from '$lib/server/http/load';
import { requireRole } from '$lib/server/http/guards';
import { deleteQuestion, getStoredQuiz, questionHasAnswers } from '$lib/server/youth/youth.service';
import type { Actions, PageServerLoad } from './$types';

const editors = ['admin', 'editor'] as const;

/** The confirmation step: what deleting this question does (archived when answered, else removed). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
  const user = requireRole(locals, url, editors);
  const db = (await app()).db;
  try {
    const stored = await getStoredQuiz(db, user, params.id);
    const index = stored.set.questions.findIndex((q) => q.id === params.qid);
    if (index < 0) throw new AppError('not_found', 'youth.editor.error.unknownQuestion');
    const answered = await questionHasAnswers(db, user, params.id, params.qid);
    return {
      setId: stored.set.id,
      setTitle: stored.set.title[locals.locale],
      number: index + 1,
      text: stored.set.questions[index]!.text[locals.locale],
      answered,
      last: stored.set.questions.length === 1
    };
  } catch (e) {
    rethrowAsHttpError(e, locals.locale);
  }
};

/** The confirming button sends `confirm=yes`, so a bare post deletes nothing. */
const ZDeleteForm = z.object({ confirm: z.literal('yes', { message: 'youth.editor.error.confirm' }) });

export const actions: Actions = {
  default: async ({ locals, url, request, params }) => {
    const user = requireRole(locals, url, editors);
    const parsed = await parseForm(request, ZDeleteForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    let archived: boolean;
    try {
      ({ archived } = await deleteQuestion((await app()).db, user, params.id, params.qid));
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(
      303,
      localizePath(`/admin/youth/${params.id}?deleted=${archived ? 'archived' : 'removed'}`, locals.locale)
    );
  }
};
