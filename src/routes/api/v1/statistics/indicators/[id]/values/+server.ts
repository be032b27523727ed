import { app } from '$lib/server/app';
import { apiRespond, parseQuery } from '$lib/server/http/api';
import { toApiIndicator, toApiValue } from '$lib/server/statistics/statistics.dto';
import { getSeries, LICENCE, LICENCE_URL } from '$lib/server/statistics/statistics.service';
import { ZValuesQuery } from '$lib/schemas/statistics';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const query = parseQuery(event.url, ZValuesQuery);
    const series = await getSeries((await app()).db, event.params.id, query);
    return {
      indicator: toApiIndicator(series.indicator),
      data: series.values.map(toApiValue),
      licence: LICENCE,
      licenceUrl: LICENCE_URL
    };
  });
