import { app } from '$lib/server/app';
import { apiPlan } from '$lib/server/buyers/buyers.api';
import { apiRespond } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** One plan of the signed-in member's organisations; 404 for any other. */
export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => apiPlan((await app()).db, event.locals.user, event.params.id));
