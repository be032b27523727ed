import { app } from '$lib/server/app';
import { apiRespond, parseQuery } from '$lib/server/http/api';
import { listMunicipalities } from '$lib/server/reference/reference.service';
import { ZMunicipalityQuery } from '$lib/schemas/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const query = parseQuery(event.url, ZMunicipalityQuery);
    return {
      data: await listMunicipalities((await app()).db, query),
      source: 'FHI csdata nor_locations_hierarchy_b2024 (2024 division); see data/SOURCES.md'
    };
  });
