import { app } from '$lib/server/app';
import { checklistVersion, getChecklist } from '$lib/server/check/check.service';
import { apiRespond, parseQuery } from '$lib/server/http/api';
import { checkOperations } from '$lib/server/check/check.api';
import type { RequestHandler } from './$types';

const query = checkOperations.find((o) => o.path === '/api/v1/checklists/{sector}')!.query!;

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const { version } = parseQuery(event.url, query) as { version?: string };
    if (version === undefined) return getChecklist(event.params.sector);
    return checklistVersion((await app()).db, event.params.sector, Number(version));
  });
