import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { rethrowAsHttpError } from '$lib/server/http/load';
import { requireRole } from '$lib/server/http/guards';
import { getStoredQuiz, moveQuestionInSet, quizTallies, saveQuiz } from '$lib/server/youth/youth.service';
import type { Actions, PageServerLoad } from './$types';

const editors = ['admin', 'editor'] as const;

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const user = requireRole(locals, url, editors);
  const db = (await app()).db;
  try {
    const stored = await getStoredQuiz(db, user, params.id);
    const tallies = await quizTallies(db, user, params.id);
    const counts = (id: string) => ({
      answered: tallies.get(id)?.answered ?? 0,
      correct: tallies.get(id)?.correct ?? 0
    });
    const deleted = url.searchParams.get('deleted');
    const movedId = url.searchParams.get('moved');
    const movedIndex = stored.set.questions.findIndex((q) => q.id === movedId);
    return {
      id: stored.set.id,
      title: stored.set.title[locals.locale],
      published: stored.published,
      definition: JSON.stringify(stored.set, null, 2),
      savedQuestion: url.searchParams.get('saved') === 'question',
      deleted: deleted === 'archived' || deleted === 'removed' ? deleted : null,
      moved:
        movedIndex < 0
          ? null
          : { id: movedId!, number: movedIndex + 1, text: stored.set.questions[movedIndex]!.text[locals.locale] },
      questions: stored.set.questions.map((q, i) => ({
        id: q.id,
        number: i + 1,
        text: q.text[locals.locale],
        ...counts(q.id)
      })),
      archived: (stored.set.archived ?? []).map((q) => ({
        id: q.id,
        text: q.text[locals.locale],
        archivedAt: q.archivedAt.slice(0, 10),
        ...counts(q.id)
      }))
    };
  } catch (e) {
    // Every AppError answers its own status (404, or 400 for a NUL in the address), never 500.
    rethrowAsHttpError(e, locals.locale);
  }
};

const ZQuizForm = z.object({
  definition: z.string().min(1, { message: 'validation.required' }).max(200_000, { message: 'validation.tooLong' }),
  published: z.literal('on').optional()
});

const ZMoveForm = z.object({
  question: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, { message: 'youth.editor.error.unknownQuestion' }),
  direction: z.enum(['up', 'down'], { message: 'youth.editor.error.direction' })
});

export const actions: Actions = {
  save: async ({ locals, url, request, params }) => {
    const user = requireRole(locals, url, editors);
    const parsed = await parseForm(request, ZQuizForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await saveQuiz((await app()).db, user, params.id, {
        definition: parsed.data.definition,
        published: parsed.data.published === 'on'
      });
      return { saved: true };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  },
  /** Moves one question up or down; back to the list at that question (works without JavaScript). */
  move: async ({ locals, url, request, params }) => {
    const user = requireRole(locals, url, editors);
    const parsed = await parseForm(request, ZMoveForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const { question, direction } = parsed.data;
    try {
      await moveQuestionInSet((await app()).db, user, params.id, question, direction);
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/admin/youth/${params.id}?moved=${question}#question-${question}`, locals.locale));
  }
};
