import { apiLocale, apiRespond, parseJsonBody } from '$lib/server/http/api';
import { planView } from '$lib/server/campaigns/campaigns.api';
import { ZPlanRequest } from '$lib/schemas/campaigns';
import type { RequestHandler } from './$types';

/** The evaluation planner: a pure computation, nothing stored. */
export const POST: RequestHandler = (event) =>
  apiRespond(event, async () => planView(await parseJsonBody(event.request, ZPlanRequest), apiLocale(event)));
