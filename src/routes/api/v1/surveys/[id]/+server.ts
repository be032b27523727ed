import { app } from '$lib/server/app';
import { apiRespond } from '$lib/server/http/api';
import { apiSurvey } from '$lib/server/surveys/surveys.api';
import type { RequestHandler } from './$types';

/** A published survey with its questions; 404 for drafts. */
export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => apiSurvey((await app()).db, event.params.id));
