import { app } from '$lib/server/app';
import { apiRespond, parseQuery } from '$lib/server/http/api';
import { coverageReport, getLicence } from '$lib/server/directory/directory.service';
import { ZCoverageQuery } from '$lib/schemas/directory';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const { county } = parseQuery(event.url, ZCoverageQuery);
    const ctx = await app();
    return { ...(await coverageReport(ctx.db, county)), licence: await getLicence(ctx.db) };
  });
