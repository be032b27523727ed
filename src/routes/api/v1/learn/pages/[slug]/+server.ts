import { app } from '$lib/server/app';
import { apiLocale, apiRespond } from '$lib/server/http/api';
import { pageView } from '$lib/server/learn/learn.api';
import { getLearnPage } from '$lib/server/learn/learn.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const locale = apiLocale(event);
    const { page, content } = await getLearnPage(await app(), event.params.slug, locale);
    return pageView(page, locale, content);
  });
