import { app } from '$lib/server/app';
import { apiRespond } from '$lib/server/http/api';
import { toApiIndicator } from '$lib/server/statistics/statistics.dto';
import { LICENCE, LICENCE_URL, listIndicators } from '$lib/server/statistics/statistics.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => ({
    data: (await listIndicators((await app()).db)).map(toApiIndicator),
    licence: LICENCE,
    licenceUrl: LICENCE_URL
  }));
