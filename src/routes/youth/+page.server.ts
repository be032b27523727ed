import { app } from '$lib/server/app';
import { listQuizzes } from '$lib/server/youth/youth.service';
import { setCard } from '$lib/server/youth/youth.view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  sets: (await listQuizzes((await app()).db)).map((s) => setCard(s, locals.locale))
});
