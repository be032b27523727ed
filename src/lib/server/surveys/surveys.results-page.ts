import { z } from 'zod';
import { translate, type Locale } from '../../i18n';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { breakdownQuestions } from '../../surveys/definition';
import { comparisonView, resultsView, trendView } from '../../surveys/results-view';
import { scottishReferenceSeries } from '../surveys-reference/reference-series';
import { getPublishedSurvey, placesOf } from './surveys.service';
import { compareResults, referenceIndicators, surveyResults, trend, trendIndicators } from './surveys.results';

export const ZResultsQuery = z.object({
  wave: z.string().max(40).optional(),
  weighting: z.enum(['none', 'poststratify', 'rake'], { message: 'validation.choose' }).default('rake'),
  /** '', a weighting variable, or a breakdown question's id (checked by surveyResults). */
  by: z
    .string()
    .max(40)
    .regex(/^[a-z0-9_]*$/, { message: 'validation.choose' })
    .default(''),
  /** The question (or number question) the breakdown shows; another one of the page, or none: the default. */
  question: z
    .string()
    .max(40)
    .regex(/^[a-z0-9_]*$/, { message: 'validation.choose' })
    .optional(),
  compare: z.string().max(40).optional(),
  group_a: z.string().max(40).optional(),
  group_b: z.string().max(40).optional(),
  indicator: z.string().max(90).optional()
});

/**
 * What a results page shows for its query (?wave=&weighting=&by=&question=&compare=&group_a=&group_b=&indicator=).
 * With a breakdown, each group shows one question (`question`, by default the first that is not a demographic):
 * the page links to the others, so every figure is one plain link away and the page stays small.
 */
export async function resultsPage(db: DB, idOrSlug: string, url: URL, locale: Locale, isPublic: boolean) {
  const parsed = ZResultsQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new AppError('validation', 'validation.invalid');
  const q = parsed.data;
  // Read once for every part of the page.
  const s = await getPublishedSurvey(db, idOrSlug);
  const r = await surveyResults(db, s, {
    wave: q.wave || null,
    weighting: q.weighting,
    by: q.by || null,
    locale,
    // The groups' figures of the one question shown: the others are links.
    shown: q.question ?? ''
  });
  let comparison = null;
  if (q.compare && q.compare !== r.wave.id)
    comparison = comparisonView(
      await compareResults(db, s, { wave_a: q.compare, wave_b: r.wave.id, weighting: q.weighting, locale }),
      locale
    );
  else if (q.by && q.group_a && q.group_b && q.group_a !== q.group_b)
    comparison = comparisonView(
      await compareResults(db, s, {
        wave_a: r.wave.id,
        by: q.by,
        group_a: q.group_a,
        group_b: q.group_b,
        weighting: q.weighting,
        locale
      }),
      locale
    );
  // Trend: the question and answer asked for, else the first with a Scottish reference, else the first.
  const indicators = trendIndicators(s.definition, await placesOf(db), locale);
  const chosen =
    q.indicator || indicators.find((i) => referenceIndicators[i.value])?.value || indicators[0]?.value || '';
  let trendChart = null;
  if (chosen) {
    const [question, answer] = [chosen.slice(0, chosen.indexOf(':')), chosen.slice(chosen.indexOf(':') + 1)];
    const tr = await trend(db, s, question, answer, q.weighting, locale);
    const ref = tr.reference ? scottishReferenceSeries().find((x) => x.indicator === tr.reference) : undefined;
    trendChart = trendView(tr, locale, isPublic, ref ? { label: ref.label[locale], points: ref.points } : null);
  }
  const byQuestions = breakdownQuestions(s.definition).map((x) => ({
    value: x.id,
    label: locale === 'en' ? x.text_en : x.text_nb
  }));
  const item = r.breakdown?.item ?? null;
  const breakdown =
    r.breakdown && item && r.by
      ? {
          item,
          items: r.breakdown.items,
          by: r.by,
          byLabel:
            byQuestions.find((x) => x.value === r.by)?.label ??
            translate(locale, `surveys.results.by.${r.by}` as 'surveys.results.by.sex')
        }
      : null;
  return {
    trend: trendChart,
    indicatorOptions: indicators.map((i) => ({ value: i.value, label: `${i.question} – ${i.label}` })),
    results: resultsView(r, locale, isPublic, item?.value ?? null),
    breakdown,
    comparison,
    query: {
      wave: r.wave.id,
      weighting: q.weighting,
      by: q.by,
      question: item?.value ?? '',
      compare: q.compare ?? '',
      group_a: q.group_a ?? '',
      group_b: q.group_b ?? '',
      indicator: chosen
    },
    groupOptions: r.groups.map((g) => ({ value: g.group, label: g.label })),
    /** Breakdown questions of the survey, offered beside sex, age group and county. */
    byQuestions
  };
}
