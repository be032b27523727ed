import { app } from '$lib/server/app';
import { apiLocale, apiRespond, parseQuery } from '$lib/server/http/api';
import { apiCompare, ZSurveyCompareQuery } from '$lib/server/surveys/surveys.api';
import type { RequestHandler } from './$types';

/** Differences between two waves or two groups of a wave. */
export const GET: RequestHandler = (event) =>
  apiRespond(event, async () =>
    apiCompare((await app()).db, event.params.id, parseQuery(event.url, ZSurveyCompareQuery), apiLocale(event))
  );
