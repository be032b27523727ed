import { z } from 'zod';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { rethrowAsHttpError } from '$lib/server/http/load';
import { requireRole } from '$lib/server/http/guards';
import { getStoredQuiz, quizTallies, saveQuiz } from '$lib/server/youth/youth.service';
import type { Actions, PageServerLoad } from './$types';

const editors = ['admin', 'editor'] as const;

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const user = requireRole(locals, url, editors);
  const db = (await app()).db;
  try {
    const stored = await getStoredQuiz(db, user, params.id);
    const tallies = await quizTallies(db, user, params.id);
    return {
      id: stored.set.id,
      title: stored.set.title[locals.locale],
      published: stored.published,
      definition: JSON.stringify(stored.set, null, 2),
      savedQuestion: url.searchParams.get('saved') === 'question',
      questions: stored.set.questions.map((q, i) => ({
        id: q.id,
        number: i + 1,
        text: q.text[locals.locale],
        answered: tallies.get(q.id)?.answered ?? 0,
        correct: tallies.get(q.id)?.correct ?? 0
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

export const actions: Actions = {
  default: async ({ locals, url, request, params }) => {
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
  }
};
