import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { coverageNames, searchDirectory, searchOptions } from '$lib/server/directory/directory.service';
import { ZDirectorySearch } from '$lib/schemas/directory';
import type { PageServerLoad } from './$types';

/**
 * Search is a GET form: it changes nothing and stores nothing, so its results can be bookmarked and
 * shared, and it works the same with JavaScript off.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
  const raw = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'lang'));
  const parsed = ZDirectorySearch.safeParse(raw);
  if (!parsed.success) error(400, { message: translate(locals.locale, 'validation.summary'), code: 'validation' });
  const ctx = await app();
  const [result, options, names] = await Promise.all([
    searchDirectory(ctx.db, parsed.data),
    searchOptions(ctx.db),
    coverageNames(ctx.db)
  ]);
  return {
    query: parsed.data,
    place: result.place,
    area: result.area,
    results: result.results.map((e) => ({
      id: e.id,
      name: e.name,
      serviceType: e.serviceType,
      summary: e.summary,
      links: e.links,
      channels: e.channels,
      match: e.match,
      verification: e.verification,
      stale: e.stale
    })),
    unknownCoverage: result.unknownCoverage,
    options,
    countyName: result.area ? names[`county:${result.area.county}`] : null
  };
};
