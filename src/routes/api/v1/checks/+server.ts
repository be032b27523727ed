import { app } from '$lib/server/app';
import { outcomeToJson, runCheck } from '$lib/server/check/check.service';
import { apiRespond, parseJsonBody } from '$lib/server/http/api';
import { ZCheckRequest } from '$lib/schemas/check';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const body = await parseJsonBody(event.request, ZCheckRequest);
    return outcomeToJson(await runCheck((await app()).db, body));
  });
