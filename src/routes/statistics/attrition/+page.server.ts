import { app } from '$lib/server/app';
import { loadAttritionPage } from '$lib/server/statistics/statistics.page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => loadAttritionPage((await app()).db, locals.locale);
