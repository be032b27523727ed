import { app } from '$lib/server/app';
import { apiRespond, parseQuery } from '$lib/server/http/api';
import { getLicence, searchDirectory } from '$lib/server/directory/directory.service';
import { ZDirectorySearch } from '$lib/schemas/directory';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const query = parseQuery(event.url, ZDirectorySearch);
    const ctx = await app();
    const r = await searchDirectory(ctx.db, query);
    return {
      data: r.results,
      municipality:
        r.place.kind === 'found' && r.area
          ? {
              number: r.place.place.number,
              name: r.place.place.name,
              countyNumber: r.place.place.countyNumber,
              policeDistrict: r.area.policeDistrict
            }
          : null,
      suggestions:
        r.place.kind === 'unknown' || r.place.kind === 'ambiguous'
          ? r.place.suggestions.map((p) => ({ number: p.number, name: p.name, countyName: p.countyName }))
          : [],
      unknownCoverage: r.unknownCoverage,
      licence: await getLicence(ctx.db)
    };
  });
