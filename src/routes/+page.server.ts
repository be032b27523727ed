import { app } from '$lib/server/app';
import { loadPublishedHomeTexts } from '$lib/server/content/content.home-kind';
import { getBarometer } from '$lib/server/statistics/statistics.barometer';
import type { PageServerLoad } from './$types';

/**
 * The home page shows the prevention barometer (what is measured so far, with sources) and its short
 * texts as published in the content studio (the dictionary's text where none is published).
 */
export const load: PageServerLoad = async ({ locals }) => {
  const db = (await app()).db;
  return {
    barometer: await getBarometer(db, locals.locale),
    homeTexts: await loadPublishedHomeTexts(db, locals.locale)
  };
};
