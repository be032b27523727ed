import { formatDate, formatNumber, translate, type Locale } from '../../i18n';
import { renderFunnel } from './chart';
import type { DB } from '../db/schema';
import { attritionStages, periodLabel, type TAttritionStage } from './statistics.core';
import { getAttrition, getSeries, type TImportResult } from './statistics.service';
import {
  breakdownLabel,
  chartBreakdowns,
  chartCategories,
  disputedCells,
  formatValue,
  indicatorDefinition,
  indicatorName,
  indicatorUnit,
  isDisputed,
  seriesChart
} from './statistics.view';

/** Everything a series page (and its embed) shows, as plain strings: the browser gets no rows. */
export async function loadSeriesPage(db: DB, slug: string, locale: Locale, chosenBreakdown: string | null) {
  const series = await getSeries(db, slug);
  const { indicator, values } = series;
  const shown = chartBreakdowns(series, chosenBreakdown);
  const disputed = disputedCells(values);
  const sourceIds = [...new Set(values.map((v) => v.source.id))];
  const sourceNumber = new Map(sourceIds.map((id, i) => [id, i + 1]));
  const categories = chartCategories(values);
  const yearsWithValue = new Set(
    values.filter((v) => v.value !== null).map((v) => periodLabel({ from: v.periodFrom, to: v.periodTo }))
  );
  const withValues = indicator.breakdowns.filter((b) => values.some((v) => v.breakdown === b.code));
  return {
    slug: indicator.slug,
    name: indicatorName(indicator, locale),
    definition: indicatorDefinition(indicator, locale),
    unit: indicatorUnit(indicator, locale),
    chart: values.length ? seriesChart(series, locale, shown, `chart-${indicator.slug}`) : '',
    shownBreakdowns: shown.map((c) => breakdownLabel(indicator, c, locale)),
    breakdownChoices:
      withValues.length > 4
        ? withValues.map((b) => ({
            code: b.code,
            label: breakdownLabel(indicator, b.code, locale),
            current: shown.length === 1 && shown[0] === b.code
          }))
        : [],
    gapYears: categories.filter((c) => !yearsWithValue.has(c)),
    disputedCount: disputed.size,
    rows: values.map((v) => ({
      period: periodLabel({ from: v.periodFrom, to: v.periodTo }),
      breakdown: breakdownLabel(indicator, v.breakdown, locale),
      value: v.value === null ? null : formatValue(locale, v.value),
      note: v.note,
      disputed: isDisputed(disputed, v),
      sourceNumber: sourceNumber.get(v.source.id)!,
      sourceTitle: v.source.title
    })),
    sources: sourceIds.map((id) => {
      const s = values.find((v) => v.source.id === id)!.source;
      return {
        number: sourceNumber.get(id)!,
        title: s.title,
        publisher: s.publisher,
        url: s.url,
        accessed: s.accessedOn
          ? translate(locale, 'stats.series.accessed', { date: formatDate(locale, s.accessedOn) })
          : translate(locale, 'stats.series.accessedUnknown')
      };
    })
  };
}

/** The attrition page: the long-run figure, a funnel per year, a table with missing stages named. */
export async function loadAttritionPage(db: DB, locale: Locale) {
  const a = await getAttrition(db);
  const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate(locale, k, p);
  const stageLabel = (s: TAttritionStage) => t(`stats.attrition.stage.${s}`);
  const fmt = (n: number) => formatValue(locale, n);
  const pct = (x: number) => formatNumber(locale, x, { style: 'percent', maximumFractionDigits: 1 });
  const cell = (f: { values: number[] } | null) =>
    !f
      ? t('stats.attrition.missing')
      : f.values.length > 1
        ? t('stats.attrition.disputed', { values: f.values.map(fmt).join(' / ') })
        : fmt(f.values[0]);
  return {
    stages: attritionStages.map((s) => ({ key: s, label: stageLabel(s), slug: a.stageIndicators[s] })),
    longRun: {
      text: t('stats.attrition.longRun', {
        convictions: a.longRun.convictions,
        reports: a.longRun.reports,
        share: pct(a.longRun.share)
      }),
      quote: a.longRun.quote,
      source: t('stats.attrition.longRunSource', { source: `${a.longRun.source.title}, ${a.longRun.source.publisher}` })
    },
    years: a.years.map((y) => ({
      year: y.year,
      cells: Object.fromEntries(attritionStages.map((s) => [s, cell(y.stages[s])])) as Record<TAttritionStage, string>,
      share: y.convictionShare === null ? t('stats.attrition.noShare') : pct(y.convictionShare),
      funnel: renderFunnel({
        idPrefix: `funnel-${y.year}`,
        title: t('stats.attrition.funnelTitle', { year: String(y.year) }),
        description: attritionStages.map((s) => `${stageLabel(s)}: ${cell(y.stages[s])}`).join('; '),
        stages: attritionStages.map((s) => ({ label: stageLabel(s), values: y.stages[s]?.values ?? [] })),
        missingLabel: t('stats.attrition.missing'),
        formatValue: fmt
      })
    })),
    yearsWithout: a.yearsWithout.map(String),
    sources: a.sources.map((s) => ({ title: s.title, publisher: s.publisher, url: s.url }))
  };
}

/** An import's preview or result for the staff page, in the user's language (at most 50 rows listed). */
export function describeImport(result: TImportResult, locale: Locale) {
  const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate(locale, k, p);
  const ref = (r: string) => (/^\d+$/.test(r) ? t('stats.import.row', { n: r }) : r);
  const counts = result.plan?.counts ?? null;
  return {
    applied: result.applied,
    summary: counts ? t(result.applied ? 'stats.import.applied' : 'stats.import.summary', counts) : null,
    issues: result.read.issues.slice(0, 100).map((i) => {
      const message = t(i.message, i.params);
      return i.ref ? t('stats.import.issueAt', { ref: ref(i.ref), message }) : message;
    }),
    columns: result.read.columns,
    mapping: result.read.mapping,
    dimensions: result.read.dimensions.map((d) => `${d.id} (${d.label}, ${d.size})`),
    rows: (result.plan?.rows ?? []).slice(0, 50).map((p) => ({
      ref: ref(p.row.ref),
      period: periodLabel(p.row.period),
      breakdown: p.row.breakdown,
      value: p.row.value === null ? t('stats.series.gap') : formatValue(locale, p.row.value),
      source: p.row.source.title,
      action: t(`stats.import.action.${p.action}`) + (p.conflicts.length ? ` – ${t('stats.admin.conflictKept')}` : '')
    })),
    total: result.plan?.rows.length ?? 0
  };
}
