import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/http/guards';
import { listAllQuizzes } from '$lib/server/youth/youth.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireRole(locals, url, ['admin', 'editor']);
  const sets = await listAllQuizzes((await app()).db, user);
  return {
    sets: sets.map((s) => ({
      id: s.set.id,
      title: s.set.title[locals.locale],
      targetAge: s.set.targetAge,
      questions: s.set.questions.length,
      published: s.published,
      updatedAt: s.updatedAt
    }))
  };
};
