/** Results as the pages show them: formatted figures, and for the public counts under 5 suppressed. */
import { formatNumber, translate, type Locale } from '../i18n';
import { formatSuppressed, suppressCount } from '../stats/suppress';
import type { TQuestionResult, TResults } from '../server/surveys/surveys.results';

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
}

const pct = (locale: Locale, p: number | null) =>
  p === null || !Number.isFinite(p)
    ? '–'
    : `${formatNumber(locale, p * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
const num = (locale: Locale, x: number | null, digits = 2) =>
  x === null || !Number.isFinite(x) ? '–' : formatNumber(locale, x, { maximumFractionDigits: digits });
const ci = (locale: Locale, lo: number | null, hi: number | null) =>
  lo === null || hi === null ? '–' : `${pct(locale, Math.max(0, lo))} – ${pct(locale, Math.min(1, hi))}`;

export function questionTable(q: TQuestionResult, locale: Locale, isPublic: boolean): TQuestionTable {
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
    summary
  };
}

export function resultsView(r: TResults, locale: Locale, isPublic: boolean) {
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
    by: r.by,
    respondents: isPublic
      ? formatSuppressed(suppressCount(r.respondents), (n) => formatNumber(locale, n))
      : formatNumber(locale, r.respondents),
    questions: r.questions.map((q) => questionTable(q, locale, isPublic)),
    groups: r.groups.map((g) => ({
      group: g.group,
      label: g.label,
      questions: g.questions.map((q) => questionTable(q, locale, isPublic))
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
    rows: c.rows.map((x) => ({
      question: x.text,
      label: x.label,
      a: pct(locale, x.result.estimate_a),
      b: pct(locale, x.result.estimate_b),
      difference: `${x.result.difference >= 0 ? '+' : '−'}${formatNumber(locale, Math.abs(x.result.difference) * 100, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}`,
      ci: `${formatNumber(locale, x.result.ci_low * 100, { maximumFractionDigits: 1 })} – ${formatNumber(locale, x.result.ci_high * 100, { maximumFractionDigits: 1 })}`,
      p: num(locale, x.result.p_value, 3),
      verdict: translate(
        locale,
        x.result.significant ? 'surveys.results.significant' : 'surveys.results.notSignificant'
      )
    })),
    notes: c.notes
  };
}
export type TComparisonView = ReturnType<typeof comparisonView>;
