import { apiLocale, apiRespond } from '$lib/server/http/api';
import { pageView } from '$lib/server/learn/learn.api';
import { getLearnPage } from '$lib/server/learn/learn.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const locale = apiLocale(event);
    return pageView(getLearnPage(event.params.slug, locale), locale);
  });
