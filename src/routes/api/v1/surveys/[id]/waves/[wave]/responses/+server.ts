import { app } from '$lib/server/app';
import { apiRespond, parseJsonBody } from '$lib/server/http/api';
import { apiSubmit, ZSurveyResponseBody } from '$lib/server/surveys/surveys.api';
import type { RequestHandler } from './$types';

/** One response; 202 with its id, or a 4xx with the reason and nothing stored. */
export const POST: RequestHandler = async (event) => {
  const res = await apiRespond(event, async () =>
    apiSubmit(
      (await app()).db,
      event.params.id,
      event.params.wave,
      await parseJsonBody(event.request, ZSurveyResponseBody)
    )
  );
  return res.status === 200 ? new Response(res.body, { status: 202, headers: res.headers }) : res;
};
