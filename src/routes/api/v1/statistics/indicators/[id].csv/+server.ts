import { app } from '$lib/server/app';
import { apiLocale } from '$lib/server/http/api';
import { downloadRespond } from '$lib/server/statistics/statistics.api';
import { csvDownload } from '$lib/server/statistics/statistics.export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  downloadRespond(event, async () => {
    const file = await csvDownload((await app()).db, event.params.id, apiLocale(event));
    return new Response(file.body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.filename}"`
      }
    });
  });
