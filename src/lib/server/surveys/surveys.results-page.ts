import { z } from 'zod';
import type { Locale } from '../../i18n';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { comparisonView, resultsView } from '../../surveys/results-view';
import { compareResults, surveyResults } from './surveys.results';

export const ZResultsQuery = z.object({
  wave: z.string().max(40).optional(),
  weighting: z.enum(['none', 'poststratify', 'rake'], { message: 'validation.choose' }).default('rake'),
  by: z.enum(['', 'sex', 'age_group', 'county'], { message: 'validation.choose' }).default(''),
  compare: z.string().max(40).optional(),
  group_a: z.string().max(40).optional(),
  group_b: z.string().max(40).optional()
});

/** What a results page shows for its query (?wave=&weighting=&by=&compare=&group_a=&group_b=). */
export async function resultsPage(db: DB, idOrSlug: string, url: URL, locale: Locale, isPublic: boolean) {
  const parsed = ZResultsQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new AppError('validation', 'validation.invalid');
  const q = parsed.data;
  const r = await surveyResults(db, idOrSlug, {
    wave: q.wave || null,
    weighting: q.weighting,
    by: q.by || null,
    locale
  });
  let comparison = null;
  if (q.compare && q.compare !== r.wave.id)
    comparison = comparisonView(
      await compareResults(db, idOrSlug, { wave_a: q.compare, wave_b: r.wave.id, weighting: q.weighting, locale }),
      locale
    );
  else if (q.by && q.group_a && q.group_b && q.group_a !== q.group_b)
    comparison = comparisonView(
      await compareResults(db, idOrSlug, {
        wave_a: r.wave.id,
        by: q.by,
        group_a: q.group_a,
        group_b: q.group_b,
        weighting: q.weighting,
        locale
      }),
      locale
    );
  return {
    results: resultsView(r, locale, isPublic),
    comparison,
    query: {
      wave: r.wave.id,
      weighting: q.weighting,
      by: q.by,
      compare: q.compare ?? '',
      group_a: q.group_a ?? '',
      group_b: q.group_b ?? ''
    },
    groupOptions: r.groups.map((g) => ({ value: g.group, label: g.label }))
  };
}
