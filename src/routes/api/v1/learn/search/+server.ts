import { app } from '$lib/server/app';
import { apiLocale, apiRespond, parseQuery } from '$lib/server/http/api';
import { searchLearn } from '$lib/server/learn/learn.service';
import { ZLearnSearchQuery } from '$lib/schemas/learn';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const locale = apiLocale(event);
    const { q } = parseQuery(event.url, ZLearnSearchQuery);
    return { query: q, locale, data: await searchLearn((await app()).db, q, locale) };
  });
