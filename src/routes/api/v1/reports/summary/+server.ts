import { app } from '$lib/server/app';
import { apiRespond } from '$lib/server/http/api';
import { reportSummary } from '$lib/server/report/report.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => ({ data: await reportSummary((await app()).db) }));
