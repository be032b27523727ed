import { app } from '$lib/server/app';
import { apiLocale, apiRespond, parseQuery } from '$lib/server/http/api';
import { apiResults, ZSurveyResultsQuery } from '$lib/server/surveys/surveys.api';
import type { RequestHandler } from './$types';

/** Results of a wave of a published survey, counts under 5 hidden. */
export const GET: RequestHandler = (event) =>
  apiRespond(event, async () =>
    apiResults((await app()).db, event.params.id, parseQuery(event.url, ZSurveyResultsQuery), apiLocale(event))
  );
