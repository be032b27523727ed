import { apiLocale, apiRespond, parseJsonBody } from '$lib/server/http/api';
import { rulesView } from '$lib/server/buyers/buyers.view';
import { ZRulesRequest } from '$lib/schemas/buyers';
import type { RequestHandler } from './$types';

/** Which rules apply to a purchase: a pure computation, nothing stored. */
export const POST: RequestHandler = (event) =>
  apiRespond(event, async () => rulesView(await parseJsonBody(event.request, ZRulesRequest), apiLocale(event)));
