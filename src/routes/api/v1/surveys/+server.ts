import { app } from '$lib/server/app';
import { apiRespond } from '$lib/server/http/api';
import { apiSurveyList } from '$lib/server/surveys/surveys.api';
import type { RequestHandler } from './$types';

/** Published surveys with their waves. */
export const GET: RequestHandler = (event) => apiRespond(event, async () => apiSurveyList((await app()).db));
