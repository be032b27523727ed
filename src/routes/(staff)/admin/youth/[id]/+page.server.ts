import { app } from '$lib/server/app';
import { rethrowAsHttpError } from '$lib/server/http/load';
import { requireRole } from '$lib/server/http/guards';
import { getStoredQuiz, quizTallies } from '$lib/server/youth/youth.service';
import type { PageServerLoad } from './$types';

const editors = ['admin', 'editor'] as const;

/**
 * A quiz set's answers so far (per question, and for the questions editors removed). Editing happens in
 * the content studio only (`/admin/content/quiz/<id>`: drafts, review, publish, history): this page
 * links there and changes nothing.
 */
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
    return {
      id: stored.set.id,
      title: stored.set.title[locals.locale],
      published: stored.published,
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
