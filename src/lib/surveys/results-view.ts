/** Results as the pages show them: formatted figures, and for the public counts under 5 suppressed. */
import { formatNumber, translate, type Locale, type Translate } from '../i18n';
import { formatSuppressed, suppressCount } from '../stats/suppress';
import type { TMeanResult, TQuestionResult, TResults, TTrend } from '../server/surveys/surveys.results';
import { layoutProportions, type TProportionItem } from '../charts/proportion-layout';
import { proportionSummary, shareFormatter } from '../charts/summary';
import type { TReferenceSeries as TChartReference, TTrendPoint } from '../charts/trend-layout';

export interface TResultRow {
  label: string;
  n: string;
  share: string;
  ci: string;
  weighted: string;
  weighted_ci: string;
  se: string;
  weighted_se: string;
}

export interface TQuestionTable {
  id: string;
  text: string;
  base_n: string;
  effective_n: string;
  deff: string;
  /** null: shown; otherwise why the figures are not shown or must be read with care. */
  warning: 'unreliable' | null;
  suppressed: boolean;
  rows: TResultRow[];
  summary: string;
  /** Bars for the chart: the weighted share with its interval (unweighted when not weighted); on staff pages both. */
  chart: TProportionItem[];
  /** The chart as the page draws it (ResultChart.svelte), made with the table; null: no chart. */
  figure: TChartView | null;
}

/** Fills of the bar series: solid, hatched, dotted — told apart by pattern and the legend's words, not by colour. */
export const CHART_FILLS = ['#1f4e5f', 'url(#results-fill-hatch)', 'url(#results-fill-dots)'] as const;

export type TChartColumn = 'label' | 'series' | 'share' | 'ci' | 'note';

/**
 * A question's proportion chart ready to print: the same drawing, legend, summary, notes and data table as
 * ProportionChart, made once per kept question (with its table) instead of on every request. The SVG's content
 * is a string of escaped text without ids (the fill patterns are defined once per page, in ResultsView).
 */
export interface TChartView {
  width: number;
  height: number;
  svg: string;
  legend: { text: string; fill?: string }[];
  summary: string;
  notes: string[];
  columns: { key: TChartColumn; label: string; numeric?: boolean }[];
  rows: Record<TChartColumn, string>[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function chartView(items: TProportionItem[], locale: Locale): TChartView {
  const t: Translate = (key, params) => translate(locale, key, params);
  const fmt = shareFormatter(locale, true);
  const layout = layoutProportions(items, true);
  const hasSeries = layout.series.length > 1 || layout.series[0] !== '';
  const hasCi = items.some((i) => i.low !== undefined && i.high !== undefined);
  const out: string[] = [];
  const { x0, y0, y1 } = layout.plot;
  for (const tick of layout.ticks)
    out.push(
      `<line class="chart__grid" x1="${tick.x}" x2="${tick.x}" y1="${y0}" y2="${y1}"/>` +
        `<text class="chart__tick" x="${tick.x}" y="${y1 + 16}" text-anchor="middle">${esc(fmt(tick.value))}</text>`
    );
  out.push(`<line class="chart__axis" x1="${x0}" x2="${x0}" y1="${y0}" y2="${y1}"/>`);
  for (const group of layout.groups) {
    for (const line of group.lines)
      out.push(
        `<text class="chart__label" x="${line.x}" y="${line.y}" text-anchor="end" dominant-baseline="middle">${esc(line.text)}</text>`
      );
    for (const bar of group.bars) {
      const at = `x="${bar.textX}" y="${bar.textY}" dominant-baseline="middle"`;
      if (bar.item.suppressed) {
        const hidden = t(bar.item.secondary ? 'charts.hidden' : 'charts.suppressed');
        out.push(`<text class="chart__value chart__value--muted" ${at}>${esc(hidden)}</text>`);
        continue;
      }
      const fill = CHART_FILLS[bar.seriesIndex % CHART_FILLS.length];
      out.push(
        `<rect class="chart__bar" x="${bar.x}" y="${bar.y}" width="${bar.w}" height="${bar.h}" fill="${fill}"/>`
      );
      const w = bar.whisker;
      if (w)
        out.push(
          `<g class="chart__whisker"><line x1="${w.x1}" x2="${w.x2}" y1="${w.y}" y2="${w.y}"/>` +
            `<line x1="${w.x1}" x2="${w.x1}" y1="${w.y - 5}" y2="${w.y + 5}"/>` +
            `<line x1="${w.x2}" x2="${w.x2}" y1="${w.y - 5}" y2="${w.y + 5}"/></g>`
        );
      out.push(`<text class="chart__value" ${at}>${esc(fmt(bar.item.value))}${bar.item.unreliable ? ' †' : ''}</text>`);
    }
  }
  const columns: TChartView['columns'] = [
    { key: 'label', label: t('charts.col.answer') },
    ...(hasSeries ? [{ key: 'series' as const, label: t('charts.col.series') }] : []),
    { key: 'share', label: t('charts.col.share'), numeric: true },
    ...(hasCi ? [{ key: 'ci' as const, label: t('charts.col.ci'), numeric: true }] : []),
    { key: 'note', label: t('charts.col.note') }
  ];
  return {
    width: layout.width,
    height: layout.height,
    svg: out.join(''),
    legend: [
      ...(hasSeries
        ? layout.series.map((s, k) => ({
            text: `${k === 0 ? t('charts.legend.solid') : t('charts.legend.hatched')}: ${s}`,
            fill: CHART_FILLS[k % CHART_FILLS.length]
          }))
        : []),
      ...(hasCi ? [{ text: t('charts.legend.ci') }] : [])
    ],
    summary: proportionSummary(items, t, fmt),
    notes: items.some((i) => i.unreliable && !i.suppressed) ? [t('charts.unreliableNote')] : [],
    columns,
    rows: items.map((i) => ({
      label: i.label,
      series: i.series ?? '',
      share: i.suppressed ? t(i.secondary ? 'charts.hidden' : 'charts.suppressed') : fmt(i.value),
      ci: i.suppressed ? '' : i.low !== undefined && i.high !== undefined ? `${fmt(i.low)}–${fmt(i.high)}` : '',
      note: i.suppressed
        ? t(i.secondary ? 'charts.note.secondary' : 'charts.note.suppressed')
        : [
            i.unreliable ? t('charts.note.unreliable') : '',
            hasCi && i.low === undefined ? t('charts.note.noInterval') : ''
          ]
            .filter(Boolean)
            .join('; ')
    }))
  };
}

/** Chart bars of one question; for the public an answer under 5 is not drawn (shown as "fewer than 5"). */
export function questionChart(q: TQuestionResult, locale: Locale, isPublic: boolean): TProportionItem[] {
  const unreliable = q.unreliable;
  const bar = (a: TQuestionResult['answers'][number], weighted: boolean, series: string): TProportionItem => {
    const suppressed = isPublic && suppressCount(a.n).suppressed;
    const p = weighted ? a.weighted_proportion! : a.proportion;
    const lo = weighted ? a.weighted_ci_low! : a.ci_low;
    const hi = weighted ? a.weighted_ci_high! : a.ci_high;
    return {
      label: a.label,
      value: suppressed ? 0 : p,
      low: suppressed ? undefined : Math.max(0, lo),
      high: suppressed ? undefined : Math.min(1, hi),
      ...(series ? { series } : {}),
      suppressed,
      unreliable
    };
  };
  const hasWeighted = q.answers.some((a) => a.weighted_proportion !== null);
  if (isPublic) return q.answers.map((a) => bar(a, hasWeighted && a.weighted_proportion !== null, ''));
  const w = translate(locale, 'surveys.results.chartWeighted');
  const u = translate(locale, 'surveys.results.chartUnweighted');
  return q.answers.flatMap((a) => [
    ...(hasWeighted && a.weighted_proportion !== null ? [bar(a, true, w)] : []),
    bar(a, false, u)
  ]);
}

// The options objects are made once, so formatNumber's format key costs little (a page formats thousands).
const PCT = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const DIGITS = [0, 1, 2, 3].map((maximumFractionDigits) => ({ maximumFractionDigits }));
const pct = (locale: Locale, p: number | null) =>
  p === null || !Number.isFinite(p) ? '–' : `${formatNumber(locale, p * 100, PCT)} %`;
const num = (locale: Locale, x: number | null, digits = 2) =>
  x === null || !Number.isFinite(x)
    ? '–'
    : formatNumber(locale, x, DIGITS[digits] ?? { maximumFractionDigits: digits });
const ci = (locale: Locale, lo: number | null, hi: number | null) =>
  lo === null || hi === null ? '–' : `${pct(locale, Math.max(0, lo))} – ${pct(locale, Math.min(1, hi))}`;

/**
 * Tables already made for a question's figures. The server keeps a wave's figures between requests until its
 * counters change (surveys.results-cache.ts), so the same object comes back and its table is made once.
 */
const tables = new WeakMap<object, Map<string, unknown>>();
function viewOf<T extends object, V>(x: T, locale: Locale, isPublic: boolean, make: () => V): V {
  let byView = tables.get(x);
  if (!byView) tables.set(x, (byView = new Map()));
  const key = `${locale}${isPublic ? 1 : 0}`;
  let v = byView.get(key) as V | undefined;
  if (v === undefined) byView.set(key, (v = make()));
  return v;
}

export function questionTable(q: TQuestionResult, locale: Locale, isPublic: boolean): TQuestionTable {
  return viewOf(q, locale, isPublic, () => makeQuestionTable(q, locale, isPublic));
}

function makeQuestionTable(q: TQuestionResult, locale: Locale, isPublic: boolean): TQuestionTable {
  const base = suppressCount(q.base_n);
  const suppressed = isPublic && base.suppressed;
  const rows = suppressed
    ? []
    : q.answers.map((a) => {
        const c = suppressCount(a.n);
        const hide = isPublic && c.suppressed;
        return {
          label: a.label,
          n: isPublic ? formatSuppressed(c, (n) => formatNumber(locale, n)) : formatNumber(locale, a.n),
          share: hide ? '–' : pct(locale, a.proportion),
          ci: hide ? '–' : ci(locale, a.ci_low, a.ci_high),
          se: hide ? '–' : num(locale, a.se * 100, 1),
          weighted: hide ? '–' : pct(locale, a.weighted_proportion),
          weighted_ci: hide ? '–' : ci(locale, a.weighted_ci_low, a.weighted_ci_high),
          weighted_se: hide || a.weighted_se === null ? '–' : num(locale, a.weighted_se * 100, 1)
        };
      });
  const chart = suppressed ? [] : questionChart(q, locale, isPublic);
  const top = suppressed
    ? null
    : [...q.answers].sort(
        (x, y) => (y.weighted_proportion ?? y.proportion) - (x.weighted_proportion ?? x.proportion)
      )[0];
  const summary =
    suppressed || !top || (isPublic && suppressCount(top.n).suppressed)
      ? translate(locale, 'surveys.results.suppressed')
      : translate(locale, 'surveys.results.summary', {
          answer: top.label,
          share: pct(locale, top.weighted_proportion ?? top.proportion),
          low: pct(locale, Math.max(0, (top.weighted_proportion !== null ? top.weighted_ci_low : top.ci_low) ?? 0)),
          high: pct(locale, Math.min(1, (top.weighted_proportion !== null ? top.weighted_ci_high : top.ci_high) ?? 1)),
          n: q.base_n
        });
  return {
    id: q.question,
    text: q.text,
    base_n: isPublic ? formatSuppressed(base, (n) => formatNumber(locale, n)) : formatNumber(locale, q.base_n),
    effective_n: num(locale, q.effective_n, 0),
    deff: num(locale, q.deff, 2),
    warning: q.unreliable ? 'unreliable' : null,
    suppressed,
    rows,
    summary,
    chart,
    figure: chart.length ? chartView(chart, locale) : null
  };
}

export interface TMeanRow {
  id: string;
  text: string;
  n: string;
  /** null: shown; otherwise why the figures are hidden (public, fewer than 5) or must be read with care. */
  warning: 'suppressed' | 'unreliable' | null;
  mean: string;
  ci: string;
  se: string;
  weighted: string;
  weighted_ci: string;
  weighted_se: string;
  deff: string;
  effective_n: string;
}

/** A number question's means as a table row; for the public a base under 5 shows no figures. */
export function meanRow(m: TMeanResult, locale: Locale, isPublic: boolean): TMeanRow {
  return viewOf(m, locale, isPublic, () => makeMeanRow(m, locale, isPublic));
}

function makeMeanRow(m: TMeanResult, locale: Locale, isPublic: boolean): TMeanRow {
  const base = suppressCount(m.base_n);
  const hide = isPublic && base.suppressed;
  const range = (lo: number | null, hi: number | null) =>
    lo === null || hi === null ? '–' : `${num(locale, lo)} – ${num(locale, hi)}`;
  return {
    id: m.question,
    text: m.text,
    n: isPublic ? formatSuppressed(base, (n) => formatNumber(locale, n)) : formatNumber(locale, m.base_n),
    warning: hide ? 'suppressed' : m.unreliable ? 'unreliable' : null,
    mean: hide ? '–' : num(locale, m.mean),
    ci: hide ? '–' : range(m.ci_low, m.ci_high),
    se: hide ? '–' : num(locale, m.se, 3),
    weighted: hide ? '–' : num(locale, m.weighted_mean),
    weighted_ci: hide ? '–' : range(m.weighted_ci_low, m.weighted_ci_high),
    weighted_se: hide ? '–' : num(locale, m.weighted_se, 3),
    deff: hide ? '–' : num(locale, m.deff, 2),
    effective_n: hide ? '–' : num(locale, m.effective_n, 0)
  };
}

/** Question types that describe the respondent (and make the weighting cells): not a useful first breakdown. */
const DEMOGRAPHIC_TYPES: readonly string[] = ['sex', 'age_group', 'county', 'municipality'];

/** One thing a breakdown can show per group: a choice question's shares, or a number question's means. */
export interface TBreakdownItem {
  value: string;
  label: string;
  kind: 'share' | 'mean';
}

/** What the breakdown's choice needs of results: which questions and number questions everyone and each group have. */
interface TBreakdownOutline {
  questions: readonly Pick<TQuestionResult, 'question' | 'text' | 'type'>[];
  means: readonly Pick<TMeanResult, 'question' | 'text'>[];
  groups: readonly {
    questions: readonly Pick<TQuestionResult, 'question' | 'text' | 'type'>[];
    means: readonly Pick<TMeanResult, 'question' | 'text'>[];
  }[];
}

/**
 * What the breakdown of a results page can show, one at a time: every choice question and number question
 * that has figures in some group, in the order of the page. Empty without a breakdown.
 */
export function breakdownItems(r: TBreakdownOutline): TBreakdownItem[] {
  if (r.groups.length === 0) return [];
  const inGroups = new Set(r.groups.flatMap((g) => [...g.questions, ...g.means].map((x) => x.question)));
  const items: TBreakdownItem[] = [];
  const seen = new Set<string>();
  const add = (value: string, label: string, kind: TBreakdownItem['kind']) => {
    if (!inGroups.has(value) || seen.has(value)) return;
    seen.add(value);
    items.push({ value, label, kind });
  };
  // The questions of everyone first (their order), then any a group has but everyone has not.
  for (const q of [...r.questions, ...r.groups.flatMap((g) => g.questions)]) add(q.question, q.text, 'share');
  for (const m of [...r.means, ...r.groups.flatMap((g) => g.means)]) add(m.question, m.text, 'mean');
  return items;
}

/**
 * The item a breakdown shows: the one asked for if the page has it, else the first question that is not a
 * demographic (nor the breakdown itself) — "age group by age group" tells nobody anything — else the first.
 */
export function chooseBreakdownItem(
  r: TBreakdownOutline & { by: string | null },
  asked: string | null | undefined
): TBreakdownItem | null {
  const items = breakdownItems(r);
  const types = new Map(
    [...r.questions, ...r.groups.flatMap((g) => g.questions)].map((q) => [q.question, q.type as string])
  );
  return (
    items.find((i) => i.value === asked) ??
    items.find((i) => i.value !== r.by && !DEMOGRAPHIC_TYPES.includes(types.get(i.value) ?? '')) ??
    items[0] ??
    null
  );
}

/**
 * The page's figures as tables. `only`: the one question (or number question) each group of the breakdown
 * shows — a breakdown of every question by every group is hundreds of tables, so the page shows one at a time
 * and links to the others. Undefined: every group's every question.
 */
export function resultsView(r: TResults, locale: Locale, isPublic: boolean, only?: string | null) {
  const shown = (x: { question: string }) => only === undefined || x.question === only;
  return {
    survey: r.survey,
    wave: {
      id: r.wave.id,
      name: r.wave.name,
      method: r.wave.method,
      note: locale === 'en' ? r.wave.method_note_en : r.wave.method_note_nb,
      opens_on: r.wave.opens_on,
      closes_on: r.wave.closes_on
    },
    waves: r.waves.map((w) => ({ id: w.id, name: w.name, method: w.method })),
    weighting: r.weighting,
    weighting_applied: r.weighting_applied,
    weighting_note: r.weighting_note,
    means: r.means.map((m) => meanRow(m, locale, isPublic)),
    by: r.by,
    respondents: isPublic
      ? formatSuppressed(suppressCount(r.respondents), (n) => formatNumber(locale, n))
      : formatNumber(locale, r.respondents),
    questions: r.questions.map((q) => questionTable(q, locale, isPublic)),
    groups: r.groups.map((g) => ({
      group: g.group,
      label: g.label,
      questions: g.questions.filter(shown).map((q) => questionTable(q, locale, isPublic)),
      means: g.means.filter(shown).map((m) => meanRow(m, locale, isPublic))
    })),
    notes: r.notes,
    model_note: r.model_note
  };
}
export type TResultsView = ReturnType<typeof resultsView>;

export function comparisonView(
  c: Awaited<ReturnType<typeof import('../server/surveys/surveys.results').compareResults>>,
  locale: Locale
) {
  return {
    method_differs: c.method_differs,
    by: c.by,
    wave_a: c.wave_a.name,
    wave_b: c.wave_b.name,
    rows: c.rows.map((x) => {
      // A share's difference is in percentage points; a mean's in the question's own unit.
      const mean = x.kind === 'mean';
      const f = mean ? 1 : 100;
      const d = (v: number, min = 0) =>
        formatNumber(locale, v * f, { maximumFractionDigits: mean ? 2 : 1, minimumFractionDigits: min });
      return {
        question: x.text,
        label: x.label,
        a: mean ? num(locale, x.result.estimate_a) : pct(locale, x.result.estimate_a),
        b: mean ? num(locale, x.result.estimate_b) : pct(locale, x.result.estimate_b),
        difference: `${x.result.difference >= 0 ? '+' : '−'}${d(Math.abs(x.result.difference), mean ? 0 : 1)}`,
        ci: `${d(x.result.ci_low)} – ${d(x.result.ci_high)}`,
        p: num(locale, x.result.p_value, 3),
        verdict: translate(
          locale,
          x.result.significant ? 'surveys.results.significant' : 'surveys.results.notSignificant'
        )
      };
    }),
    notes: c.notes
  };
}
export type TComparisonView = ReturnType<typeof comparisonView>;

/** A trend as the trend chart draws it; for the public a wave with fewer than 5 giving the answer is not drawn. */
export function trendView(
  tr: TTrend,
  locale: Locale,
  isPublic: boolean,
  reference: {
    label: string;
    points: { year: number; value: number; source: string; url: string; caveat: Record<Locale, string> }[];
  } | null
) {
  const points: TTrendPoint[] = tr.waves.map((w) => {
    const suppressed = isPublic && (suppressCount(w.base_n).suppressed || suppressCount(w.n).suppressed);
    return {
      label: w.name,
      date: w.date,
      value: suppressed ? 0 : w.proportion,
      low: suppressed ? 0 : w.ci_low,
      high: suppressed ? 0 : w.ci_high,
      method: w.method,
      suppressed
    };
  });
  const chartReference: TChartReference | null = reference
    ? {
        label: translate(locale, 'surveys.trend.referenceLabel', { label: reference.label }),
        points: reference.points.map((p) => ({ label: String(p.year), value: p.value, source: p.source, url: p.url }))
      }
    : null;
  const unweighted = tr.weighting === 'none' ? [] : tr.waves.filter((w) => !w.weighted).map((w) => w.name);
  return {
    indicator: `${tr.question}:${tr.answer}`,
    title: translate(locale, 'surveys.trend.chartTitle', { label: tr.label, question: tr.text }),
    points,
    reference: chartReference,
    caveats: reference ? [...new Set(reference.points.map((p) => p.caveat[locale]))] : [],
    notes: [
      ...tr.notes,
      ...(unweighted.length ? [translate(locale, 'surveys.trend.unweighted', { waves: unweighted.join(', ') })] : [])
    ]
  };
}
export type TTrendView = ReturnType<typeof trendView>;

/** The query of a results page, in the order its links write it. */
const QUERY_KEYS = ['wave', 'weighting', 'by', 'question', 'compare', 'group_a', 'group_b', 'indicator'] as const;

/**
 * The query string of the same results page with some of its filters changed (empty ones left out), for plain
 * links that work without JavaScript.
 */
export function resultsQuery(query: Partial<Record<string, string>>, change: Partial<Record<string, string>> = {}) {
  const p = new URLSearchParams();
  for (const k of QUERY_KEYS) {
    const v = k in change ? change[k] : query[k];
    if (v) p.set(k, v);
  }
  return `?${p}`;
}
