import { formatNumber, translate, type Locale } from '../../i18n';
import { renderChart, type TChartSeries } from './chart';
import { periodLabel } from './statistics.core';
import type { TIndicator, TSeries, TValue } from './statistics.service';

/**
 * What a series page and an embed show, built from a series (pure): the chart's SVG, the rows of the
 * data table, and which cells the sources disagree on.
 */

/** Above this many breakdowns the chart shows one at a time (the table always shows all). */
const MAX_CHART_SERIES = 4;

export function indicatorName(i: TIndicator, locale: Locale): string {
  return locale === 'en' ? i.nameEn : i.nameNb;
}
export function indicatorUnit(i: TIndicator, locale: Locale): string {
  return locale === 'en' ? i.unitEn : i.unitNb;
}
export function indicatorDefinition(i: TIndicator, locale: Locale): string {
  return locale === 'en' ? i.definitionEn : i.definitionNb;
}
export function breakdownLabel(i: TIndicator, code: string, locale: Locale): string {
  const b = i.breakdowns.find((x) => x.code === code);
  return b ? (locale === 'en' ? b.labelEn : b.labelNb) : code;
}

function periodKey(v: Pick<TValue, 'periodFrom' | 'periodTo'>): string {
  return periodLabel({ from: v.periodFrom, to: v.periodTo });
}

/** The x axis: every year between the first and last single-year value (so missing years show), then multi-year periods. */
export function chartCategories(values: TValue[]): string[] {
  const single = values.filter((v) => v.periodFrom === v.periodTo).map((v) => v.periodTo);
  const years: string[] = [];
  if (single.length) for (let y = Math.min(...single); y <= Math.max(...single); y++) years.push(String(y));
  const spans = [...new Set(values.filter((v) => v.periodFrom !== v.periodTo).map(periodKey))].sort();
  return [...years, ...spans];
}

/** The breakdowns the chart shows: all when few, else the chosen one (default the first with values). */
export function chartBreakdowns(series: TSeries, chosen: string | null): string[] {
  const withValues = series.indicator.breakdowns
    .map((b) => b.code)
    .filter((c) => series.values.some((v) => v.breakdown === c));
  if (chosen && withValues.includes(chosen)) return [chosen];
  if (withValues.length <= MAX_CHART_SERIES) return withValues;
  return withValues.slice(0, 1);
}

/** Cells (breakdown + period) where sources give different figures. */
export function disputedCells(values: TValue[]): Set<string> {
  const byCell = new Map<string, Set<string>>();
  for (const v of values) {
    const key = `${v.breakdown}|${periodKey(v)}`;
    byCell.set(key, (byCell.get(key) ?? new Set()).add(v.value === null ? 'gap' : String(v.value)));
  }
  return new Set([...byCell].filter(([, s]) => s.size > 1).map(([k]) => k));
}

export function isDisputed(disputed: Set<string>, v: TValue): boolean {
  return disputed.has(`${v.breakdown}|${periodKey(v)}`);
}

export function formatValue(locale: Locale, n: number): string {
  return formatNumber(locale, n, { maximumFractionDigits: 2 });
}

/** The chart SVG for the chosen breakdowns. */
export function seriesChart(series: TSeries, locale: Locale, breakdowns: string[], idPrefix = 'chart'): string {
  const { indicator, values } = series;
  const categories = chartCategories(values);
  const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate(locale, k, p);
  const chartSeries: TChartSeries[] = breakdowns.map((code) => ({
    label: breakdownLabel(indicator, code, locale),
    points: categories.map((cat) => {
      const here = values.filter((v) => v.breakdown === code && periodKey(v) === cat && v.value !== null);
      const distinct = [...new Set(here.map((v) => v.value as number))];
      return { value: distinct[0] ?? null, alternatives: distinct.slice(1) };
    })
  }));
  const described = chartSeries
    .map(
      (s) =>
        `${s.label}: ` +
        categories
          .map((c, i) => {
            const p = s.points[i];
            if (p.value === null) return `${c} ${t('stats.chart.noData')}`;
            const alts = p.alternatives?.length
              ? ` (${t('stats.chart.otherSource')} ${p.alternatives.map((a) => formatValue(locale, a)).join(', ')})`
              : '';
            return `${c} ${formatValue(locale, p.value)}${alts}`;
          })
          .join('; ')
    )
    .join('. ');
  return renderChart({
    kind: indicator.chartKind,
    idPrefix,
    title: `${indicatorName(indicator, locale)} (${indicatorUnit(indicator, locale)})`,
    description: categories.length ? described : t('stats.chart.empty'),
    categories,
    series: chartSeries,
    unit: indicatorUnit(indicator, locale),
    gapLabel: t('stats.chart.noData'),
    alternativeLabel: t('stats.chart.otherSource'),
    formatValue: (n) => formatValue(locale, n)
  });
}
