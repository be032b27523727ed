import { app } from '$lib/server/app';
import { checksSummary } from '$lib/server/check/check.service';
import { apiRespond, parseQuery } from '$lib/server/http/api';
import { ZChecksSummaryQuery } from '$lib/schemas/check';
import type { RequestHandler } from './$types';

/** Public: every count is suppressed (under 5 → "<5"). */
export const GET: RequestHandler = (event) =>
  apiRespond(event, async () =>
    checksSummary((await app()).db, parseQuery(event.url, ZChecksSummaryQuery), { suppress: true })
  );
