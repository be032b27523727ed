import { app } from '$lib/server/app';
import { listRecommendations, openDataLicence } from '$lib/server/actionplan/actionplan.service';
import { apiRespond } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const db = (await app()).db;
    return { data: await listRecommendations(db), ...(await openDataLicence(db)) };
  });
