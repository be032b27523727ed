import { app } from '$lib/server/app';
import { exportCsv, getLicence } from '$lib/server/directory/directory.service';
import type { RequestHandler } from './$types';

/** The published directory as UTF-8 CSV (RFC 4180). The licence is named in a Link header and a header line. */
export const GET: RequestHandler = async () => {
  const ctx = await app();
  const [csv, licence] = await Promise.all([exportCsv(ctx.db), getLicence(ctx.db)]);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': 'attachment; filename="forebygg-organisations.csv"',
      link: `<${licence.licenceUrl}>; rel="license"; title="${licence.licence.replace(/"/g, "'")}"`
    }
  });
};
