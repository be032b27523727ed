import { app } from '$lib/server/app';
import { getBarometer } from '$lib/server/statistics/statistics.barometer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  tiles: await getBarometer((await app()).db, locals.locale)
});
