import { app } from '$lib/server/app';
import { apiRespond } from '$lib/server/http/api';
import { toApiHelpLanguage } from '$lib/server/help/help.api';
import { listHelpLanguages } from '$lib/server/help/help.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const ctx = await app();
    return { data: (await listHelpLanguages(ctx.db)).map(toApiHelpLanguage) };
  });
