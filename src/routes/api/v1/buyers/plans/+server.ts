import { app } from '$lib/server/app';
import { apiPlans } from '$lib/server/buyers/buyers.api';
import { apiRespond } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** The signed-in member's organisations' plans. */
export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => apiPlans((await app()).db, event.locals.user));
