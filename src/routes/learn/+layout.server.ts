import { app } from '$lib/server/app';
import { pageSummary } from '$lib/server/learn/learn.api';
import { listLearnPages } from '$lib/server/learn/learn.service';
import type { LayoutServerLoad } from './$types';

/** The learning pages need no JavaScript: server-rendered HTML only, and search is a GET form. */
export const csr = false;

/** The page list, for the index, for every page's navigation and for the 404 page. */
export const load: LayoutServerLoad = async ({ locals }) => ({
  learnPages: (await listLearnPages(await app(), locals.locale)).map((p) => pageSummary(p, locals.locale))
});
