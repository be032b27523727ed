import { app } from '$lib/server/app';
import { toApiMeasure } from '$lib/server/actionplan/actionplan.api';
import { getPlan, openDataLicence } from '$lib/server/actionplan/actionplan.service';
import { apiRespond } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const db = (await app()).db;
    const { measures } = await getPlan(db, event.params.id);
    return { data: measures.map(toApiMeasure), ...(await openDataLicence(db)) };
  });
