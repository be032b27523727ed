import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { searchLearn } from '$lib/server/learn/learn.service';
import { ZLearnSearchQuery } from '$lib/schemas/learn';
import type { PageServerLoad } from './$types';

/**
 * The index, and search as a GET form (it changes and stores nothing; results can be bookmarked and
 * work the same with JavaScript off). A bad query is a 400 whose page repeats the form with the message.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
  if (!url.searchParams.has('q')) return { q: null, results: null };
  const parsed = ZLearnSearchQuery.safeParse({ q: url.searchParams.get('q') });
  if (!parsed.success) {
    const key = parsed.error.issues[0].message as 'learn.search.error.q';
    error(400, { message: translate(locals.locale, key), code: 'validation' });
  }
  const results = await searchLearn((await app()).db, parsed.data.q, locals.locale);
  return { q: parsed.data.q, results };
};
