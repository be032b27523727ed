import { app } from '$lib/server/app';
import { buyersSummary } from '$lib/server/buyers/buyers.service';
import { apiRespond } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Public and anonymous: counts only, each under 5 suppressed. */
export const GET: RequestHandler = (event) => apiRespond(event, async () => buyersSummary((await app()).db));
