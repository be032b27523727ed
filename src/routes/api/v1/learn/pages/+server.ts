import { app } from '$lib/server/app';
import { apiLocale, apiRespond } from '$lib/server/http/api';
import { pageSummary } from '$lib/server/learn/learn.api';
import { listLearnPages } from '$lib/server/learn/learn.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const locale = apiLocale(event);
    return { data: (await listLearnPages(await app(), locale)).map((p) => pageSummary(p, locale)) };
  });
