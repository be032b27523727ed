import { app } from '$lib/server/app';
import { getBarometer } from '$lib/server/statistics/statistics.barometer';
import type { PageServerLoad } from './$types';

/** The home page shows the prevention barometer: what is measured so far, with sources. */
export const load: PageServerLoad = async ({ locals }) => ({
  barometer: await getBarometer((await app()).db, locals.locale)
});
