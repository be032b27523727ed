import { app } from '$lib/server/app';
import { apiLocale, apiRespond, parseQuery } from '$lib/server/http/api';
import { apiTrend, ZSurveyTrendQuery } from '$lib/server/surveys/surveys.api';
import type { RequestHandler } from './$types';

/** One answer of one choice question across the waves, as the trend chart draws it. */
export const GET: RequestHandler = (event) =>
  apiRespond(event, async () =>
    apiTrend((await app()).db, event.params.id, parseQuery(event.url, ZSurveyTrendQuery), apiLocale(event))
  );
