import { app } from '$lib/server/app';
import { measuresCsv, openDataLicence } from '$lib/server/actionplan/actionplan.service';
import type { RequestHandler } from './$types';

/** Every measure as UTF-8 CSV (RFC 4180); the licence is named in a Link header. */
export const GET: RequestHandler = async () => {
  const db = (await app()).db;
  const [csv, licence] = await Promise.all([measuresCsv(db), openDataLicence(db)]);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': 'attachment; filename="forebygg-action-plan-measures.csv"',
      link: `<${licence.licenceUrl}>; rel="license"; title="${licence.licence.replace(/"/g, "'")}"`
    }
  });
};
