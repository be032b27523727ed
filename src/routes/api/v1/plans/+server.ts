import { app } from '$lib/server/app';
import { toApiPlan } from '$lib/server/actionplan/actionplan.api';
import { listPlans, openDataLicence } from '$lib/server/actionplan/actionplan.service';
import { apiRespond } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const db = (await app()).db;
    return { data: (await listPlans(db)).map(toApiPlan), ...(await openDataLicence(db)) };
  });
