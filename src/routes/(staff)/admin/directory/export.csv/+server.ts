import { app } from '$lib/server/app';
import { requireDirectoryEditor } from '$lib/server/directory/directory.guard';
import { exportCsv } from '$lib/server/directory/directory.service';
import type { RequestHandler } from './$types';

/** Every entry, published or not, for editors to change and import again. */
export const GET: RequestHandler = async ({ locals, url }) => {
  requireDirectoryEditor(locals, url);
  const csv = await exportCsv((await app()).db, { includeUnpublished: true });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': 'attachment; filename="forebygg-directory-all.csv"',
      'cache-control': 'no-store'
    }
  });
};
