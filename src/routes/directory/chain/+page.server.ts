import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { coverageReport, listPlaces } from '$lib/server/directory/directory.service';
import { chainLinks, ZCoverageQuery, type TChainLink } from '$lib/schemas/directory';

/** Up to this many entries at a link are listed by name; beyond it the page links to the search. */
const LIST_LIMIT = 60;
import type { PageServerLoad } from './$types';

/** The chain map: the same data as GET /api/v1/coverage, drawn on the server. A GET form picks the county. */
export const load: PageServerLoad = async ({ url, locals }) => {
  const county = url.searchParams.get('county') || undefined;
  const parsed = ZCoverageQuery.safeParse({ county });
  if (!parsed.success) error(400, { message: translate(locals.locale, 'validation.summary'), code: 'validation' });
  const ctx = await app();
  const places = await listPlaces(ctx.db);
  const counties = [...new Map(places.map((p) => [p.countyNumber, p.countyName]))]
    .map(([number, name]) => ({ number, name }))
    .sort((a, b) => a.number.localeCompare(b.number));
  if (parsed.data.county && !counties.some((c) => c.number === parsed.data.county))
    error(404, { message: translate(locals.locale, 'directory.error.countyNotFound'), code: 'not_found' });
  const report = await coverageReport(ctx.db, parsed.data.county);
  // The browser gets counts, not the id lists behind them; names only where the list stays short.
  const perLink = Object.fromEntries(
    chainLinks.map((l) => {
      const ids = new Set(report.rows.flatMap((row) => [...row.links[l].full, ...row.links[l].partial]));
      const entries = report.entries.filter((e) => ids.has(e.id));
      return [
        l,
        {
          count: entries.length,
          entries: entries.length <= LIST_LIMIT ? entries.map(({ id, name }) => ({ id, name })) : null
        }
      ];
    })
  ) as Record<TChainLink, { count: number; entries: { id: string; name: string }[] | null }>;
  return {
    county: parsed.data.county ?? '',
    counties,
    mappingImported: report.mappingImported,
    perLink,
    rows: report.rows.map((row) => ({
      code: row.code,
      name: row.name,
      counts: Object.fromEntries(
        chainLinks.map((l) => [l, { full: row.links[l].full.length, partial: row.links[l].partial.length }])
      ) as Record<TChainLink, { full: number; partial: number }>,
      gaps: row.gaps,
      languages: row.languages
    }))
  };
};
