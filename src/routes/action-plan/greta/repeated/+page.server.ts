import { app } from '$lib/server/app';
import { repeatedRecommendations } from '$lib/server/actionplan/actionplan.core';
import { listRecommendations } from '$lib/server/actionplan/actionplan.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
  groups: repeatedRecommendations(await listRecommendations((await app()).db)).map(([theme, items]) => ({
    theme,
    items
  }))
});
