/**
 * Results from the counters: the engine (src/lib/stats/survey) weights the cells to the population
 * margins (SSB 1 Jan 2026, data/norway_population_margins.csv) and gives shares with SE, intervals,
 * design effect and effective n. The cost depends on the number of cells, not of responses.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  cellKeyOf,
  difference,
  fromCounts,
  isSurveyStatsError,
  mean,
  noWeighting,
  postStratify,
  proportionsMany,
  proportionsOfTable,
  rake,
  SurveyStatsError,
  type TCellCount,
  type TCountTable,
  type TDifference,
  type TDomain,
  type TProportions,
  type TSurveyData,
  type TTarget,
  type TWeighting
} from '../../stats/survey';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import type { Locale, MessageKey, TParams } from '../../i18n';
import { translate } from '../../i18n';
import {
  ageGroups,
  allQuestions,
  choiceCodes,
  isChoice,
  weightingTypes,
  type TPlaces,
  type TQuestion,
  type TSurveyDefinition,
  type TWeightingType
} from '../../surveys/definition';
import { cellFromKey, optionCounterId } from '../../surveys/response';
import { optionLabel } from '../../surveys/view';
import { breakdownItems, chooseBreakdownItem, type TBreakdownItem } from '../../surveys/results-view';
import * as repo from './surveys.repository';
import { getPublishedSurvey, placesOf, versionDefinition, type TWaveView } from './surveys.service';

/** A published survey as read by getPublishedSurvey: a page that makes several calls reads it once. */
export type TPublishedSurvey = Awaited<ReturnType<typeof getPublishedSurvey>>;
import { countersKey, memoized } from './surveys.results-cache';
import { breakdownCounts, byBreakdownQuestion, groupsPresent } from './surveys.breakdown';
import { fromNumericCells, numericSums, type TNumericCell } from './surveys.numeric';
import { readCounters, readWaveCounters, type TWaveCounters } from './surveys.counter-read';

export type TWeightingMethod = 'none' | 'poststratify' | 'rake';
export const RELIABLE_N = 30;

// ——— Population margins ———

const bandToGroup = new Map<string, string>(
  ageGroups.flatMap((g) => g.bands.map((b) => [b, g.code] as [string, string]))
);

/** Population 16+ per sex, per age group (5-year bands summed) and per county; plus sex × age group. */
export function populationMargins(): { single: Map<TWeightingType, Map<string, number>>; sexAge: Map<string, number> } {
  const rows = parse(
    readFileSync(resolve(process.env.FOREBYGG_DATA_DIR ?? 'data', 'norway_population_margins.csv'), 'utf8'),
    { columns: true, skip_empty_lines: true }
  ) as { level: string; county_number: string; sex: string; age_group: string; population: string }[];
  const single = new Map<TWeightingType, Map<string, number>>(weightingTypes.map((t) => [t, new Map()]));
  const sexAge = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const r of rows) {
    const n = Number(r.population);
    const group = bandToGroup.get(r.age_group);
    if (!group || !Number.isFinite(n))
      throw new Error(`norway_population_margins.csv: unknown row ${JSON.stringify(r)}`);
    if (r.level === 'nation') {
      add(single.get('sex')!, r.sex, n);
      add(single.get('age_group')!, group, n);
      add(sexAge, `${r.sex}|${group}`, n);
    } else if (r.level === 'county') add(single.get('county')!, r.county_number, n);
  }
  return { single, sexAge };
}
let marginsMemo: ReturnType<typeof populationMargins> | null = null;
const margins = () => (marginsMemo ??= populationMargins());

// ——— Data from the counters ———

export function presentVariables(def: TSurveyDefinition): TWeightingType[] {
  const types = new Set(allQuestions(def).map((q) => q.type));
  return weightingTypes.filter((t) => types.has(t));
}

/** Counts for one counter question in some waves, non-response included, grouped by `by` when given. */
export function countsFor(
  variables: TWeightingType[],
  cells: { wave_id: string; cell: string; n: number }[],
  rows: { wave_id: string; answer: string; cell: string; n: number }[],
  by: TWeightingType | null,
  /** Projections of cells already made (by the same variables and `by`), shared between questions. */
  projected = new Map<string, { cell: string[]; group: string | null }>()
): TCellCount[] {
  const idx = variables.map((v) => weightingTypes.indexOf(v));
  const byIdx = by ? weightingTypes.indexOf(by) : -1;
  const answered = new Map<string, number>();
  const out: TCellCount[] = [];
  // One projection per distinct cell (a few hundred), shared by every counter row of that cell.
  const project = (cell: string) => {
    let p = projected.get(cell);
    if (!p) {
      const full = cellFromKey(cell);
      p = { cell: idx.map((i) => full[i] ?? ''), group: byIdx >= 0 ? full[byIdx] || null : null };
      projected.set(cell, p);
    }
    return p;
  };
  for (const r of rows) {
    const p = project(r.cell);
    const n = Number(r.n);
    out.push({ stratum: r.wave_id, cell: p.cell, answer: r.answer, n, group: p.group });
    const k = r.wave_id + '\u001f' + r.cell;
    answered.set(k, (answered.get(k) ?? 0) + n);
  }
  for (const c of cells) {
    const missing = Number(c.n) - (answered.get(`${c.wave_id}\u001f${c.cell}`) ?? 0);
    if (missing > 0) {
      const p = project(c.cell);
      out.push({ stratum: c.wave_id, cell: p.cell, answer: null, n: missing, group: p.group });
    }
  }
  return out;
}

function targets(variables: TWeightingType[], method: TWeightingMethod): TTarget[] {
  const m = margins();
  if (method === 'poststratify') {
    if (variables.includes('sex') && variables.includes('age_group'))
      return [
        {
          variables: ['sex', 'age_group'],
          cells: [...m.sexAge].map(([k, total]) => ({ levels: k.split('|'), total }))
        }
      ];
    return variables.slice(0, 1).map((v) => ({
      variables: [v],
      cells: [...m.single.get(v)!].map(([level, total]) => ({ levels: [level], total }))
    }));
  }
  return variables.map((v) => ({
    variables: [v],
    cells: [...m.single.get(v)!].map(([level, total]) => ({ levels: [level], total }))
  }));
}

/** Cells whose levels all have a population total can be weighted; the rest (another sex, not answered) cannot. */
function weightable(variables: TWeightingType[], cell: readonly string[]): boolean {
  const m = margins().single;
  for (let i = 0; i < cell.length; i++) if (!m.get(variables[i])!.has(cell[i])) return false;
  return true;
}

interface TWeighted {
  counts: TCellCount[];
  w: TWeighting | null;
  left_out: number;
  error: { key: MessageKey; params: TParams } | null;
}

/**
 * Weightings already made, by what they depend on: the method, the variables and each cell's n, Σw and Σw²
 * (raking and post-stratification see nothing else). Every question of a wave counts its non-respondents as
 * `answer: null`, so all questions of a wave — and the same wave on the next request, until a response
 * arrives — share one weighting instead of raking once per question and group. Bounded; oldest out first.
 */
const weightings = new Map<string, Pick<TWeighted, 'w' | 'error'>>();
const WEIGHTINGS_KEPT = 256;

function weightingKey(method: TWeightingMethod, vars: readonly string[], data: TSurveyData): string {
  const sums = new Map<string, [number, number, number]>();
  for (const g of data.groups) {
    const s = sums.get(g.cellKey);
    if (s) {
      s[0] += g.n;
      s[1] += g.sw;
      s[2] += g.sw2;
    } else sums.set(g.cellKey, [g.n, g.sw, g.sw2]);
  }
  const cells = [...sums].map(([k, [n, sw, sw2]]) => `${k}\u001e${n}\u001e${sw}\u001e${sw2}`).sort();
  return [method, vars.join(','), ...cells].join('\u001d');
}

/**
 * Weights the respondents of weightable cells; an engine error (a margin cell without respondents…) is reported,
 * not thrown. `data` is the engine's data of the weightable counts (the results' weighted figures use it);
 * `unweighted`, the data of all `counts` when the caller has it, saves making it again for raking.
 */
export function weigh(
  variables: TWeightingType[],
  counts: TCellCount[],
  method: TWeightingMethod,
  unweighted?: TSurveyData
): TWeighted & { data: TSurveyData | null } {
  if (method === 'none' || variables.length === 0) return { counts, w: null, left_out: 0, error: null, data: null };
  const usable = counts.filter((c) => weightable(variables, c.cell));
  const vars = method === 'poststratify' ? targets(variables, method)[0].variables : variables;
  const project = (c: TCellCount): TCellCount =>
    method === 'poststratify' ? { ...c, cell: vars.map((v) => c.cell[variables.indexOf(v as TWeightingType)]) } : c;
  const projected = usable.map(project);
  const left_out = counts.filter((c) => !weightable(variables, c.cell)).reduce((a, c) => a + c.n, 0);
  // Raking keeps the cells: the weightable groups of the unweighted data are the same groups (same order, sums).
  const data: TSurveyData =
    method === 'rake' && unweighted
      ? { ...unweighted, groups: unweighted.groups.filter((g) => weightable(variables, g.cell)) }
      : fromCounts(vars, projected);
  return { counts: projected, left_out, data, ...keptWeighting(variables, method, vars, data) };
}

/** The weighting of `data` (raked or post-stratified on `vars`), kept in `weightings`; an engine error is kept too. */
function keptWeighting(
  variables: TWeightingType[],
  method: TWeightingMethod,
  vars: readonly string[],
  data: TSurveyData
): Pick<TWeighted, 'w' | 'error'> {
  const key = weightingKey(method, vars, data);
  let made = weightings.get(key);
  if (!made) {
    try {
      const w =
        method === 'rake'
          ? rake(data, targets(variables, method), { maxit: 50, epsilon: 1e-9 })
          : postStratify(data, targets(variables, method)[0]);
      made = { w, error: null };
    } catch (e) {
      if (!isSurveyStatsError(e)) throw e;
      made = { w: null, error: { key: e.key, params: e.params } };
    }
    if (weightings.size >= WEIGHTINGS_KEPT) weightings.delete(weightings.keys().next().value as string);
    weightings.set(key, made);
  }
  return made;
}

/**
 * The weighting of cells given by their totals (counters: base weight 1): input cell i is in stratum (wave)
 * `strata[i]`, has the levels `cells[i]` of `variables` and `n[i]` respondents. As `weigh` does with the counts of
 * those cells: cells that cannot be weighted are left out (`cellOf[i]` = −1) and the rest made into one group per
 * weighting cell (post-stratification merges the cells of one sex × age group), raked or post-stratified through
 * the same kept weightings; with `none` (or no variables), the base weights of every cell. `cellOf[i]`: the
 * weighting cell of input cell i. An engine error (a margin cell without respondents…) is reported, not thrown.
 */
export function weighCells(
  variables: TWeightingType[],
  method: TWeightingMethod,
  strata: readonly string[],
  cells: readonly (readonly string[])[],
  n: Float64Array
): { w: TWeighting | null; cellOf: Int32Array; error: TWeighted['error'] } {
  const none = method === 'none' || variables.length === 0;
  const vars = !none && method === 'poststratify' ? targets(variables, method)[0].variables : variables;
  const pos = vars.map((v) => variables.indexOf(v as TWeightingType));
  const byKey = new Map<string, number>();
  const groups: TSurveyData['groups'] = [];
  const keyOf = new Array<string | null>(cells.length).fill(null);
  for (let i = 0; i < cells.length; i++) {
    if (!(n[i] > 0) || (!none && !weightable(variables, cells[i]))) continue;
    const cell = none ? cells[i] : pos.map((p) => cells[i][p]);
    const key = cellKeyOf(strata[i], cell);
    keyOf[i] = key;
    const at = byKey.get(key);
    if (at !== undefined) {
      const g = groups[at];
      g.n += n[i];
      g.sw += n[i];
      g.sw2 += n[i];
    } else {
      byKey.set(key, groups.length);
      groups.push({
        stratum: strata[i],
        cell: [...cell],
        cellKey: key,
        answer: null,
        group: null,
        n: n[i],
        sw: n[i],
        sw2: n[i],
        sy: 0,
        swy: 0,
        swy2: 0,
        sw2y: 0,
        sw2y2: 0
      });
    }
  }
  const data: TSurveyData = { variables: [...vars], kind: 'choice', groups };
  const made = none ? { w: noWeighting(data), error: null } : keptWeighting(variables, method, vars, data);
  const w = made.w;
  const cellOf = Int32Array.from(keyOf, (k) => (k === null || !w ? -1 : (w.index.get(k) ?? -1)));
  return { w, cellOf, error: made.error };
}

// ——— Weighting fallback: a margin category without respondents ———

/**
 * The categories of the chosen weighting's margins (a county, a sex × age group…) in which the waves have
 * no weightable respondents, named for people. Raking or post-stratifying cannot give such a category its
 * population share, so the results fall back to unweighted figures and say why (no automatic collapsing).
 */
export function emptyMarginCategories(
  def: TSurveyDefinition,
  places: TPlaces,
  locale: Locale,
  cells: readonly { wave_id: string; cell: string; n: number }[],
  method: TWeightingMethod
): string[] {
  const variables = presentVariables(def);
  if (method === 'none' || variables.length === 0) return [];
  const questions = allQuestions(def);
  const label = (v: string, level: string) => {
    const q = questions.find((x) => x.type === v);
    return q ? optionLabel(q, level, places, locale) : level;
  };
  const missing: string[] = [];
  for (const waveId of [...new Set(cells.map((c) => c.wave_id))]) {
    const present = cells
      .filter((c) => c.wave_id === waveId && Number(c.n) > 0)
      .map((c) => cellFromKey(c.cell))
      .map((full) => variables.map((v) => full[weightingTypes.indexOf(v)] ?? ''))
      .filter((cell) => weightable(variables, cell));
    for (const t of targets(variables, method)) {
      const pos = t.variables.map((v) => variables.indexOf(v as TWeightingType));
      for (const c of t.cells) {
        if (!(c.total > 0)) continue;
        if (present.some((cell) => pos.every((p, i) => cell[p] === c.levels[i]))) continue;
        const name = c.levels.map((level, i) => label(t.variables[i], level)).join(' × ');
        if (!missing.includes(name)) missing.push(name);
      }
    }
  }
  return missing;
}

/** The weighting that can be applied and, when it falls back to none, the plain explanation. */
export function weightingFallback(
  def: TSurveyDefinition,
  places: TPlaces,
  locale: Locale,
  cells: readonly { wave_id: string; cell: string; n: number }[],
  method: TWeightingMethod
): { applied: TWeightingMethod; note: string | null } {
  const missing = emptyMarginCategories(def, places, locale, cells, method);
  if (missing.length === 0) return { applied: method, note: null };
  return {
    applied: 'none',
    note: translate(locale, 'surveys.results.weightingFallback', { categories: missing.join(', ') })
  };
}

// ——— Means of number questions ———

export interface TMeanResult {
  question: string;
  text: string;
  group: string | null;
  /** Respondents who answered. */
  base_n: number;
  mean: number;
  /** null where it cannot be estimated (a single respondent). */
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  weighted_mean: number | null;
  weighted_se: number | null;
  weighted_ci_low: number | null;
  weighted_ci_high: number | null;
  deff: number | null;
  effective_n: number | null;
  unreliable: boolean;
}

/** Cells of the waves with the sums of one number question; `by` groups them. */
function numericCellsOf(
  variables: TWeightingType[],
  cells: readonly { wave_id: string; cell: string; n: number }[],
  sums: readonly { wave_id: string; question_id: string; cell: string; n: number; sum_y: number; sum_y2: number }[],
  questionId: string,
  by: TWeightingType | null
): TNumericCell[] {
  const idx = variables.map((v) => weightingTypes.indexOf(v));
  const byIdx = by ? weightingTypes.indexOf(by) : -1;
  const answered = new Map(
    sums.filter((x) => x.question_id === questionId).map((x) => [`${x.wave_id}\u001f${x.cell}`, x] as const)
  );
  return cells.map((c) => {
    const full = cellFromKey(c.cell);
    const s = answered.get(`${c.wave_id}\u001f${c.cell}`);
    return {
      stratum: c.wave_id,
      cell: idx.map((i) => full[i] ?? ''),
      group: byIdx >= 0 ? full[byIdx] || null : null,
      respondents: Number(c.n),
      n: s?.n ?? 0,
      sum_y: s?.sum_y ?? 0,
      sum_y2: s?.sum_y2 ?? 0
    };
  });
}

/** Unweighted and weighted data of one number question (weighted: null when the weighting failed). */
function numericData(
  variables: TWeightingType[],
  numeric: TNumericCell[],
  method: TWeightingMethod,
  notes: Set<string>,
  locale: Locale
) {
  const unweighted = fromNumericCells(variables, numeric);
  const wt = weigh(
    variables,
    numeric.map((c) => ({ stratum: c.stratum, cell: c.cell, answer: null, n: c.respondents })),
    method
  );
  if (wt.error) notes.add(translate(locale, wt.error.key, wt.error.params));
  if (!wt.w) return { unweighted, weighted: null };
  const vars = wt.w.variables;
  const projected = numeric
    .filter((c) => weightable(variables, c.cell))
    .map((c) => ({ ...c, cell: vars.map((v) => c.cell[variables.indexOf(v as TWeightingType)]) }));
  return { unweighted, weighted: { data: fromNumericCells(vars, projected), w: wt.w } };
}

/** Means of every number question of a wave (or of one group of `by`), unweighted and weighted. */
function meanResults(
  def: TSurveyDefinition,
  locale: Locale,
  cells: readonly { wave_id: string; cell: string; n: number }[],
  sums: Awaited<ReturnType<typeof numericSums>>,
  waveId: string,
  method: TWeightingMethod,
  by: TWeightingType | null,
  group: string | null,
  notes: Set<string>
): TMeanResult[] {
  const variables = presentVariables(def);
  const out: TMeanResult[] = [];
  for (const q of allQuestions(def).filter((x) => x.type === 'number')) {
    const { unweighted, weighted } = numericData(
      variables,
      numericCellsOf(variables, cells, sums, q.id, by),
      method,
      notes,
      locale
    );
    const domain = by ? { strata: [waveId], group } : { strata: [waveId] };
    let un;
    try {
      un = mean(unweighted, noWeighting(unweighted), domain);
    } catch (e) {
      if (isSurveyStatsError(e)) continue;
      throw e;
    }
    let wm = null;
    if (weighted)
      try {
        wm = mean(weighted.data, weighted.w, domain);
      } catch (e) {
        if (!isSurveyStatsError(e)) throw e;
      }
    const finite = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);
    out.push({
      question: q.id,
      text: locale === 'en' ? q.text_en : q.text_nb,
      group,
      base_n: un.n,
      mean: un.mean,
      se: finite(un.se),
      ci_low: finite(un.ci_low),
      ci_high: finite(un.ci_high),
      weighted_mean: wm?.mean ?? null,
      weighted_se: finite(wm?.se),
      weighted_ci_low: finite(wm?.ci_low),
      weighted_ci_high: finite(wm?.ci_high),
      deff: finite(wm?.deff),
      effective_n: finite(wm?.effective_n),
      unreliable: un.n < RELIABLE_N
    });
  }
  return out;
}

// ——— Results ———

export interface TAnswerResult {
  code: string;
  label: string;
  n: number;
  proportion: number;
  se: number;
  ci_low: number;
  ci_high: number;
  weighted_proportion: number | null;
  weighted_se: number | null;
  weighted_ci_low: number | null;
  weighted_ci_high: number | null;
  /** 'wald', or 'logit' for a share near 0 or 1 (below 10 % or above 90 %). */
  interval: 'wald' | 'logit';
  deff: number | null;
  effective_n: number | null;
}

export interface TQuestionResult {
  question: string;
  text: string;
  type: TQuestion['type'];
  group: string | null;
  group_label: string | null;
  base_n: number;
  effective_n: number | null;
  deff: number | null;
  /** Fewer than 30 answered: too few to be reliable. */
  unreliable: boolean;
  answers: TAnswerResult[];
}

const nearEdge = (p: number) => p < 0.1 || p > 0.9;

function interval(p: TProportions['answers'][number]): [number, number, 'wald' | 'logit'] {
  return nearEdge(p.proportion) ? [p.logit_ci_low, p.logit_ci_high, 'logit'] : [p.ci_low, p.ci_high, 'wald'];
}

/** The engine's figures of one counter (a question, or one option of a multiple-choice question) in every group. */
export interface TPartFigures {
  un: (TProportions | SurveyStatsError)[];
  /** Weighted: made only when some group has unweighted figures. */
  weighted: () => {
    results: (TProportions | SurveyStatsError)[] | null;
    error: { key: MessageKey; params: TParams } | null;
    left_out: number;
  };
}

/**
 * The figures of one counter in the estimator's domains, or (`pick`) in some of them, by index: the arrays of
 * the figures follow `pick`.
 */
export interface TPartEstimator {
  (id: string, codes: readonly string[], pick?: readonly number[]): TPartFigures;
  /**
   * Per domain, whether some respondent in it answered the counter, i.e. whether its unweighted figures exist —
   * without computing them.
   */
  answered(id: string, codes: readonly string[]): boolean[];
  /** What the weighted figures of the counter would say of the weighting, without computing them. */
  weighting(id: string): TWeightingOutcome;
}

type TWeightingOutcome = Omit<ReturnType<TPartFigures['weighted']>, 'results'>;

/** The notes a weighting outcome adds to the page: why the figures are unweighted, or who was left out. */
function addWeightingNotes(wt: TWeightingOutcome, method: TWeightingMethod, locale: Locale, notes: Set<string>): void {
  if (wt.error) notes.add(translate(locale, wt.error.key, wt.error.params));
  if (wt.left_out > 0 && method !== 'none') notes.add(translate(locale, 'surveys.results.leftOut', { n: wt.left_out }));
}

const picked = <T>(all: readonly T[], pick: readonly number[] | undefined): readonly T[] =>
  pick ? pick.map((d) => all[d]) : all;

/** The per-counter estimator over counts (`TCellCount`): data and weighting made per counter. Exported for tests. */
export function countsEstimator(
  variables: TWeightingType[],
  counts: Map<string, TCellCount[]>,
  method: TWeightingMethod,
  domains: readonly TDomain[]
): TPartEstimator {
  const estimate = (id: string, codes: readonly string[], pick?: readonly number[]): TPartFigures => {
    const raw = counts.get(id) ?? [];
    const unweightedData = fromCounts(variables, raw);
    const some = picked(domains, pick);
    return {
      un: proportionsMany(unweightedData, noWeighting(unweightedData), some, { codes }),
      weighted: () => {
        const wt = weigh(variables, raw, method, unweightedData);
        return {
          results: wt.w && wt.data ? proportionsMany(wt.data, wt.w, some, { codes }) : null,
          error: wt.error,
          left_out: wt.left_out
        };
      }
    };
  };
  // The per-counter path (breakdown questions, counters out of step): the unweighted figures themselves tell.
  const answered = (id: string, codes: readonly string[]) =>
    estimate(id, codes).un.map((x) => !(x instanceof SurveyStatsError));
  const weighting = (id: string): TWeightingOutcome => {
    const raw = counts.get(id) ?? [];
    const wt = weigh(variables, raw, method, fromCounts(variables, raw));
    return { error: wt.error, left_out: wt.left_out };
  };
  return Object.assign(estimate, { answered, weighting });
}

/** The counters of a choice question: the question, or one per option of a multiple-choice question. */
function partsOf(q: TQuestion, codes: readonly string[]) {
  return q.type === 'multiple'
    ? codes.map((c) => ({ code: c, id: optionCounterId(q.id, c), codes: ['1'] }))
    : [{ code: null, id: q.id, codes }];
}

/**
 * Which domains have figures of a question (`questionResults` gives them a result, not null: some respondent in
 * them answered every counter of the question), with the notes `questionResults` would add — no figure computed.
 */
function answeredQuestion(
  q: TQuestion,
  places: TPlaces,
  locale: Locale,
  estimate: TPartEstimator,
  method: TWeightingMethod,
  nDomains: number,
  notes: Set<string>
): boolean[] {
  const alive = new Array<boolean>(nDomains).fill(true);
  for (const part of partsOf(q, choiceCodes(q, places))) {
    estimate.answered(part.id, part.codes).forEach((yes, d) => (alive[d] &&= yes));
    if (!alive.some(Boolean)) break;
    addWeightingNotes(estimate.weighting(part.id), method, locale, notes);
  }
  return alive;
}

/**
 * Shares of one question in each of `domains` (null: respondents without a group), or in some of them (`pick`:
 * their indices, which the results follow), unweighted and weighted: per counter (a question, or one option of a
 * multiple-choice question) every answer of every group comes from one pass of the engine (`estimate`). A group
 * without respondents who answered gets null, as does a question whose counters cannot be estimated.
 */
function questionResults(
  q: TQuestion,
  places: TPlaces,
  locale: Locale,
  estimate: TPartEstimator,
  method: TWeightingMethod,
  domains: readonly (string | null)[],
  notes: Set<string>,
  pick?: readonly number[]
): (TQuestionResult | null)[] {
  const groups = picked(domains, pick);
  const codes = choiceCodes(q, places);
  const labels = new Map(codes.map((c) => [c, optionLabel(q, c, places, locale)]));
  const parts = partsOf(q, codes);
  const answers: TAnswerResult[][] = groups.map(() => []);
  const bases = groups.map(() => ({ base_n: 0, effective_n: null as number | null, deff: null as number | null }));
  const failed = groups.map(() => false);
  for (const part of parts) {
    const figures = estimate(part.id, part.codes, pick);
    const un = figures.un;
    groups.forEach((_, gi) => {
      if (un[gi] instanceof SurveyStatsError) failed[gi] = true;
    });
    if (failed.every(Boolean)) break;
    const wt = figures.weighted();
    addWeightingNotes(wt, method, locale, notes);
    const weighted = wt.results;
    groups.forEach((_, gi) => {
      const u = un[gi];
      if (failed[gi] || u instanceof SurveyStatsError) return;
      const wg = weighted?.[gi];
      const wp = wg && !(wg instanceof SurveyStatsError) ? wg : null;
      if (part === parts[0])
        bases[gi] = { base_n: u.base_n, effective_n: wp?.effective_n ?? null, deff: wp?.deff ?? null };
      for (const a of u.answers) {
        const code = part.code ?? a.code;
        const w = wp?.answers.find((x) => x.code === a.code) ?? null;
        const [lo, hi, kind] = interval(a);
        const [wlo, whi] = w ? interval(w) : [null, null];
        answers[gi].push({
          code,
          label: labels.get(code) ?? optionLabel(q, code, places, locale),
          n: a.n,
          proportion: a.proportion,
          se: a.se,
          ci_low: lo,
          ci_high: hi,
          weighted_proportion: w?.proportion ?? null,
          weighted_se: w?.se ?? null,
          weighted_ci_low: wlo,
          weighted_ci_high: whi,
          interval: kind,
          deff: w?.deff ?? null,
          effective_n: w?.effective_n ?? null
        });
      }
    });
  }
  return groups.map((group, gi) =>
    failed[gi]
      ? null
      : {
          question: q.id,
          text: locale === 'en' ? q.text_en : q.text_nb,
          type: q.type,
          group,
          group_label: null,
          ...bases[gi],
          unreliable: bases[gi].base_n < RELIABLE_N,
          answers: answers[gi]
        }
  );
}

/**
 * The estimator of a wave's counters read as integers (surveys.counter-read.ts `readWaveCounters`): the cells
 * are projected, grouped into domains and weighted ONCE for every counter of the wave (every counter counts each
 * cell's respondents, those who did not answer as non-respondents, so all share the cell totals the weighting
 * sees), and each counter becomes an engine count table of typed arrays — no string and no object per row. A
 * counter whose answers exceed a cell's respondents (counters out of step; a recount mends them) is estimated on
 * the per-counter path instead, with its own totals, as before. Exported for tests (the two paths agree).
 */
export function waveEstimator(
  snap: TWaveCounters,
  variables: TWeightingType[],
  by: TWeightingType | null,
  method: TWeightingMethod,
  groups: readonly (string | null)[]
): TPartEstimator {
  const waveId = snap.waveId;
  const nSnap = snap.cells.length;
  const idx = variables.map((v) => weightingTypes.indexOf(v));
  const byIdx = by ? weightingTypes.indexOf(by) : -1;
  const domains: TDomain[] = groups.map((group) => ({ strata: [waveId], group }));
  const domainOfCell = new Int32Array(nSnap);
  const projected: string[][] = [];
  for (let c = 0; c < nSnap; c++) {
    const full = cellFromKey(snap.cells[c]);
    projected.push(idx.map((i) => full[i] ?? ''));
    const group = byIdx >= 0 ? full[byIdx] || null : null;
    domainOfCell[c] = groups.indexOf(group);
  }
  // The wave's cells in the weighting's order, projected on the variables: the weighting's input, the same for every
  // counter. `cellOf` maps a cell of the wave (an index into snap.cells) to its weighting cell, or −1.
  const order = Array.from(snap.order);
  const inputN = Float64Array.from(order, (c) => snap.cellN[c]);
  const mapCells = (cellOfInput: Int32Array) => {
    const out = new Int32Array(nSnap).fill(-1);
    order.forEach((c, i) => (out[c] = cellOfInput[i]));
    return out;
  };
  const strata = order.map(() => waveId);
  const cellsIn = order.map((c) => projected[c]);
  const un = weighCells(variables, 'none', strata, cellsIn, inputN);
  const unW = un.w!;
  const unCellOf = mapCells(un.cellOf);
  const unTotals = new Float64Array(unW.cells.length);
  unW.cells.forEach((c, i) => (unTotals[i] = c.n));

  let weighted: {
    w: TWeighting | null;
    cellOf: Int32Array;
    /** The weighting's cells are the unweighted ones, in their order (raking): the same count tables serve. */
    samePlace: boolean;
    error: TWeighted['error'];
    left_out: number;
  } | null = null;
  const weighting = () => {
    if (weighted) return weighted;
    if (method === 'none' || variables.length === 0)
      return (weighted = {
        w: null,
        cellOf: new Int32Array(nSnap).fill(-1),
        samePlace: false,
        error: null,
        left_out: 0
      });
    let left_out = 0;
    order.forEach((c) => {
      if (snap.cellN[c] > 0 && !weightable(variables, projected[c])) left_out += snap.cellN[c];
    });
    const made = weighCells(variables, method, strata, cellsIn, inputN);
    const cellOf = made.w ? mapCells(made.cellOf) : new Int32Array(nSnap).fill(-1);
    return (weighted = {
      w: made.w,
      cellOf,
      samePlace: cellOf.every((i, c) => i === unCellOf[c]),
      error: made.error,
      left_out
    });
  };

  let fallbackMemo: TPartEstimator | null = null;
  const fallback = () =>
    (fallbackMemo ??= countsEstimator(variables, countsOfSnapshot(snap, variables, by), method, domains));
  const sums = new Float64Array(unW.cells.length);
  const nDomains = groups.length;
  const noRows = { length: 0, answer: new Int32Array(0), cell: new Int32Array(0), n: new Float64Array(0) };
  /** The counter's rows, if in step with the cell totals (always, unless a write went wrong; a recount mends them). */
  const inStep = (id: string) => {
    const rows = snap.counters.get(id) ?? noRows;
    sums.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const i = unCellOf[rows.cell[r]];
      if (i >= 0) sums[i] += rows.n[r];
      else if (rows.n[r] !== 0) return null;
    }
    for (let i = 0; i < sums.length; i++) if (sums[i] > unTotals[i]) return null;
    return rows;
  };
  const answered = (id: string, codes: readonly string[]) => {
    const rows = inStep(id);
    if (!rows) return fallback().answered(id, codes);
    const some = new Array<boolean>(nDomains).fill(false);
    for (let r = 0; r < rows.length; r++) {
      const c = rows.cell[r];
      if (domainOfCell[c] >= 0 && unCellOf[c] >= 0 && rows.n[r] > 0) some[domainOfCell[c]] = true;
    }
    return some;
  };
  const estimate = (id: string, codes: readonly string[], pick?: readonly number[]): TPartFigures => {
    const rows = inStep(id);
    if (!rows) return fallback()(id, codes, pick);
    const codeOfAnswer = new Int32Array(snap.answers.length).fill(-1);
    codes.forEach((code, k) => {
      const a = snap.answerIndex.get(code);
      if (a !== undefined) codeOfAnswer[a] = k;
    });
    // The rows of the domains asked for (a domain's figures read its own rows only): a row is in the domain of its
    // cell's group.
    const wanted = new Uint8Array(nDomains).fill(pick ? 0 : 1);
    if (pick) for (const d of pick) wanted[d] = 1;
    const table = (cellOf: Int32Array) => {
      const sizes = new Int32Array(nDomains);
      let m = 0;
      for (let r = 0; r < rows.length; r++) {
        const d = domainOfCell[rows.cell[r]];
        if (d >= 0 && wanted[d] && cellOf[rows.cell[r]] >= 0 && rows.n[r] > 0) {
          sizes[d]++;
          m++;
        }
      }
      // Counters count respondents, each of base weight 1: Σw0 and Σw0² are n (one array, see proportionsOfTable).
      const n = new Float64Array(m);
      const t: TCountTable = { length: m, cell: new Int32Array(m), code: new Int32Array(m), n, sw: n, sw2: n };
      // Each domain's rows, in increasing order.
      const rowsOf = Array.from(sizes, (k) => new Int32Array(k));
      const fill = new Int32Array(nDomains);
      let j = 0;
      for (let r = 0; r < rows.length; r++) {
        const c = rows.cell[r];
        const d = domainOfCell[c];
        const i = cellOf[c];
        const n = rows.n[r];
        if (d < 0 || !wanted[d] || i < 0 || !(n > 0)) continue;
        t.cell[j] = i;
        t.code[j] = codeOfAnswer[rows.answer[r]];
        t.n[j] = n;
        rowsOf[d][fill[d]++] = j;
        j++;
      }
      return { t, rowsOf };
    };
    const plain = table(unCellOf);
    const some = picked(domains, pick);
    return {
      un: proportionsOfTable(plain.t, unW, codes, some, picked(plain.rowsOf, pick)),
      weighted: () => {
        const wt = weighting();
        if (!wt.w) return { results: null, error: wt.error, left_out: wt.left_out };
        const x = wt.samePlace ? plain : table(wt.cellOf);
        return {
          results: proportionsOfTable(x.t, wt.w, codes, some, picked(x.rowsOf, pick)),
          error: null,
          left_out: wt.left_out
        };
      }
    };
  };
  const outcome = (id: string): TWeightingOutcome => {
    if (!inStep(id)) return fallback().weighting(id);
    const wt = weighting();
    return { error: wt.w ? null : wt.error, left_out: wt.left_out };
  };
  return Object.assign(estimate, { answered, weighting: outcome });
}

/** The counts (`TCellCount`) of every counter of a wave snapshot, for the per-counter path. */
export function countsOfSnapshot(
  snap: TWaveCounters,
  variables: TWeightingType[],
  by: TWeightingType | null
): Map<string, TCellCount[]> {
  const cells = snap.cellCounts.map((c) => ({ wave_id: snap.waveId, cell: c.cell, n: c.n }));
  const projections = new Map<string, { cell: string[]; group: string | null }>();
  const out = new Map<string, TCellCount[]>();
  for (const [id, rows] of snap.counters) {
    const list = Array.from({ length: rows.length }, (_, r) => ({
      wave_id: snap.waveId,
      answer: snap.answers[rows.answer[r]],
      cell: snap.cells[rows.cell[r]],
      n: rows.n[r]
    }));
    out.set(id, countsFor(variables, cells, list, by, projections));
  }
  return out;
}

export interface TResults {
  survey: { id: string; slug: string; title: string; version: number };
  wave: TWaveView;
  waves: TWaveView[];
  weighting: TWeightingMethod;
  /** The weighting used: 'none' when the one asked for cannot be applied (`weighting_note` says why). */
  weighting_applied: TWeightingMethod;
  weighting_note: string | null;
  /** A weighting variable, or the id of a breakdown question (surveys.breakdown.ts). */
  by: string | null;
  respondents: number;
  questions: TQuestionResult[];
  /** Means of the number questions. */
  means: TMeanResult[];
  /** Per group of `by`: the same results per group. */
  groups: { group: string; label: string; questions: TQuestionResult[]; means: TMeanResult[] }[];
  /**
   * Asked for with `shown` (a results page, which shows one question per group): the item the groups carry —
   * the only one — and every item they could carry (`breakdownItems` of the full results).
   */
  breakdown?: { item: TBreakdownItem | null; items: TBreakdownItem[] };
  notes: string[];
  model_note: string;
}

/** The counter ids of a definition's choice questions: the question, or `<question>/<option>` of multiple choice. */
function counterIdsOf(def: TSurveyDefinition, places: TPlaces): string[] {
  return allQuestions(def)
    .filter((q) => isChoice(q))
    .flatMap((q) => (q.type === 'multiple' ? choiceCodes(q, places).map((c) => optionCounterId(q.id, c)) : [q.id]));
}

/**
 * The cell totals and the counts of the choice questions of some waves; `counters: false`: read none (a
 * breakdown reads its own).
 */
async function countsByQuestion(
  db: DB,
  def: TSurveyDefinition,
  waveIds: string[],
  places: TPlaces,
  by: TWeightingType | null,
  read: { counters?: boolean } = {}
) {
  const variables = presentVariables(def);
  const ids = counterIdsOf(def, places);
  const [cellRows, rows] = await Promise.all([
    repo.cellCounts(db, waveIds),
    read.counters === false ? [] : readCounters(db, waveIds, null)
  ]);
  const cells = cellRows.map((c) => ({ ...c, n: Number(c.n) }));
  const projections = new Map<string, { cell: string[]; group: string | null }>();
  const byQuestion = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byQuestion.get(r.question_id) ?? [];
    list.push(r);
    byQuestion.set(r.question_id, list);
  }
  const counts = new Map<string, TCellCount[]>();
  for (const id of ids)
    counts.set(
      id,
      read.counters === false ? [] : countsFor(variables, cells, byQuestion.get(id) ?? [], by, projections)
    );
  return { variables, cells, counts };
}

/**
 * Results of one wave of a published survey: every choice question (municipality excluded: too many
 * small cells), unweighted and weighted, optionally broken down by sex, age group or county.
 */
export async function surveyResults(
  db: DB,
  idOrSlug: string | TPublishedSurvey,
  options: {
    wave?: string | null;
    weighting?: TWeightingMethod;
    by?: string | null;
    locale: Locale;
    /**
     * With a breakdown: the groups' figures of this question or number question only ('' or not one the groups
     * have: the one `chooseBreakdownItem` chooses), which `breakdown` names. Undefined: of every question.
     */
    shown?: string;
  }
): Promise<TResults> {
  const s = typeof idOrSlug === 'string' ? await getPublishedSurvey(db, idOrSlug) : idOrSlug;
  const places = await placesOf(db);
  const waves = s.waves;
  if (waves.length === 0) throw new AppError('not_found', 'surveys.error.noWaves');
  const wave = options.wave ? waves.find((w) => w.id === options.wave) : waves.at(-1);
  if (!wave)
    throw new AppError('not_found', 'surveys.error.waveNotFound', { fields: { wave: 'surveys.error.waveNotFound' } });
  // A wave collects the version it was opened with: its questions are the ones counted.
  const version = await repo.findVersion(db, wave.version_id);
  const waveDef: TSurveyDefinition = version ? versionDefinition(version) : s.definition;
  const variables = presentVariables(waveDef);
  const byQuestion = byBreakdownQuestion(waveDef, options.by);
  const by = byQuestion ? null : ((options.by ?? null) as TWeightingType | null);
  if (by !== null && !variables.includes(by))
    throw new AppError('validation', 'surveys.error.badBy', { fields: { by: 'surveys.error.badBy' } });
  const asked = options.weighting ?? 'rake';
  // The counters' generation first, then the figures kept under it, or computed (surveys.results-cache.ts).
  const key = [
    'results',
    s.version,
    wave.id,
    wave.version_id,
    await countersKey(db, [wave.id]),
    asked,
    options.by ?? '',
    options.locale,
    options.shown === undefined ? '\u0000' : options.shown
  ].join('\u001f');
  const figures = await memoized(db, key, () =>
    resultFigures(db, waveDef, wave.id, places, variables, byQuestion, by, asked, options.locale, options.shown)
  );
  return {
    survey: {
      id: s.id,
      slug: s.slug,
      title: options.locale === 'en' ? waveDef.title_en : waveDef.title_nb,
      version: s.version
    },
    wave,
    waves,
    weighting: asked,
    ...figures,
    model_note: options.locale === 'en' ? waveDef.model_note_en : waveDef.model_note_nb
  };
}

type TResultFigures = Pick<
  TResults,
  | 'weighting_applied'
  | 'weighting_note'
  | 'by'
  | 'respondents'
  | 'questions'
  | 'means'
  | 'groups'
  | 'breakdown'
  | 'notes'
>;

/** The figures of a wave's results page: everything that depends on its counters (kept by surveyResults). */
async function resultFigures(
  db: DB,
  waveDef: TSurveyDefinition,
  waveId: string,
  places: TPlaces,
  variables: TWeightingType[],
  byQuestion: TQuestion | null,
  by: TWeightingType | null,
  asked: TWeightingMethod,
  locale: Locale,
  shown: string | undefined
): Promise<TResultFigures> {
  // Without a breakdown question: the wave's counters read once as integers, shared by every question.
  const snap = byQuestion ? null : await readWaveCounters(db, waveId);
  const data = snap
    ? {
        cells: snap.cellCounts.map((c) => ({ wave_id: waveId, cell: c.cell, n: c.n })),
        counts: new Map<string, TCellCount[]>()
      }
    : await countsByQuestion(db, waveDef, [waveId], places, by, { counters: false });
  if (byQuestion)
    data.counts = await breakdownCounts(db, [waveId], byQuestion.id, counterIdsOf(waveDef, places), variables);
  const respondents = data.cells.reduce((a, c) => a + c.n, 0);
  // A margin category without respondents: unweighted figures and a note naming it.
  const fallback = weightingFallback(waveDef, places, locale, data.cells, asked);
  const method = fallback.applied;
  const sums = await numericSums(db, [waveId]);
  const means = (group: string | null) =>
    meanResults(waveDef, locale, data.cells, sums, waveId, method, by, group, notes);
  const notes = new Set<string>();
  const questions = allQuestions(waveDef).filter((q) => isChoice(q) && q.type !== 'municipality');
  const groupCodes = byQuestion
    ? groupsPresent(choiceCodes(byQuestion, places), data.counts)
    : by
      ? (() => {
          const present = new Set(
            data.cells.map((c) => cellFromKey(c.cell)[weightingTypes.indexOf(by)]).filter(Boolean)
          );
          return choiceCodes(
            questions.find((q) => q.type === by)!,
            places
          ).filter((g) => present.has(g));
        })()
      : [];
  // Every question once, for everyone (null) and every group together: one pass per counter.
  const domains: (string | null)[] = [null, ...groupCodes];
  const estimate =
    respondents > 0
      ? snap
        ? waveEstimator(snap, variables, by, method, domains)
        : countsEstimator(
            variables,
            data.counts,
            method,
            domains.map((group) => ({ strata: [waveId], group }))
          )
      : null;
  const byQ = byQuestion ?? (by ? questions.find((q) => q.type === by)! : null);
  const text = (q: TQuestion) => (locale === 'en' ? q.text_en : q.text_nb);
  const present = <T>(list: (T | null)[]) => list.filter((r): r is T => r !== null);
  const figures: TResultFigures = {
    weighting_applied: respondents > 0 ? method : asked,
    weighting_note: respondents > 0 ? fallback.note : null,
    by: byQuestion?.id ?? by,
    respondents,
    questions: [],
    means: [],
    groups: [],
    notes: []
  };
  if (estimate) {
    const groups = groupCodes.map((g) => ({
      group: g,
      label: optionLabel(byQ!, g, places, locale),
      questions: [] as TQuestionResult[],
      means: [] as TMeanResult[]
    }));
    figures.groups = groups;
    // One item for the groups (`shown`): every question for everyone, but for the groups only which have figures
    // (`answered`), to choose the item and list the others as `breakdownItems` of the full results would.
    const one = shown !== undefined && groupCodes.length > 0;
    const answered: boolean[][] = [];
    if (one)
      for (const q of questions) {
        const [everyone] = questionResults(q, places, locale, estimate, method, domains, notes, [0]);
        if (everyone) figures.questions.push(everyone);
        answered.push(answeredQuestion(q, places, locale, estimate, method, domains.length, notes));
      }
    else {
      // Every question once, for everyone (null) and every group together: one pass per counter.
      const perQuestion = questions.map((q) => questionResults(q, places, locale, estimate, method, domains, notes));
      figures.questions = present(perQuestion.map((r) => r[0]));
      groups.forEach((g, i) => (g.questions = present(perQuestion.map((r) => r[i + 1]))));
    }
    // Number questions have sums per weighting cell only, not per breakdown answer.
    if (!byQuestion) groups.forEach((g) => (g.means = means(g.group)));
    figures.means = means(null);
    if (one) {
      const outline = {
        by: figures.by,
        questions: figures.questions,
        means: figures.means,
        groups: groups.map((g, i) => ({
          questions: questions
            .filter((_, k) => answered[k][i + 1])
            .map((q) => ({ question: q.id, text: text(q), type: q.type })),
          means: g.means
        }))
      };
      const item = chooseBreakdownItem(outline, shown || null);
      const q = item?.kind === 'share' ? questions.find((x) => x.id === item.value) : undefined;
      const inGroups = q
        ? questionResults(
            q,
            places,
            locale,
            estimate,
            method,
            domains,
            notes,
            groupCodes.map((_, i) => i + 1)
          )
        : [];
      groups.forEach((g, i) => {
        g.questions = present([inGroups[i] ?? null]);
        g.means = g.means.filter((m) => item?.kind === 'mean' && m.question === item.value);
      });
      figures.breakdown = { item, items: breakdownItems(outline) };
    }
  }
  figures.notes = [...notes];
  return figures;
}

export interface TComparisonRow {
  question: string;
  text: string;
  code: string;
  label: string;
  /** 'share' of an answer, or 'mean' of a number question (code ''). */
  kind?: 'share' | 'mean';
  result: TDifference;
}

/**
 * Differences between two waves (b − a) of every single-choice answer, or between two groups of one wave,
 * weighted as asked; with the method of each wave, so a change of method can be warned about.
 */
export async function compareResults(
  db: DB,
  idOrSlug: string | TPublishedSurvey,
  options: {
    wave_a?: string | null;
    wave_b?: string | null;
    by?: string | null;
    group_a?: string | null;
    group_b?: string | null;
    weighting?: TWeightingMethod;
    locale: Locale;
  }
) {
  const s = typeof idOrSlug === 'string' ? await getPublishedSurvey(db, idOrSlug) : idOrSlug;
  const places = await placesOf(db);
  const a = s.waves.find((w) => w.id === options.wave_a);
  const b = options.by ? a : s.waves.find((w) => w.id === options.wave_b);
  if (!a || !b)
    throw new AppError('validation', 'surveys.error.compareWaves', {
      fields: { wave_a: 'surveys.error.compareWaves' }
    });
  const def = s.definition;
  const variables = presentVariables(def);
  const byQuestion = byBreakdownQuestion(def, options.by);
  const by = options.by ?? null;
  if (
    by !== null &&
    ((!byQuestion && !variables.includes(by as TWeightingType)) || !options.group_a || !options.group_b)
  )
    throw new AppError('validation', 'surveys.error.badBy', { fields: { by: 'surveys.error.badBy' } });
  const asked = options.weighting ?? 'rake';
  const waveIds = [...new Set([a.id, b.id])];
  // Kept, like a wave's results, under the generation of both waves' counters (read first).
  const key = [
    'compare',
    s.version,
    await countersKey(db, waveIds),
    asked,
    by ?? '',
    options.group_a ?? '',
    options.group_b ?? '',
    options.locale
  ].join('\u001f');
  const figures = await memoized(db, key, () =>
    comparisonFigures(db, def, places, a.id, b.id, variables, byQuestion, by, options, asked)
  );
  return {
    wave_a: a,
    wave_b: b,
    by,
    group_a: options.group_a ?? null,
    group_b: options.group_b ?? null,
    weighting: asked,
    weighting_applied: figures.weighting_applied,
    method_differs: !by && a.method !== b.method,
    rows: figures.rows,
    notes: figures.notes
  };
}

/** The rows of a comparison: everything that depends on the two waves' counters (kept by compareResults). */
async function comparisonFigures(
  db: DB,
  def: TSurveyDefinition,
  places: TPlaces,
  aId: string,
  bId: string,
  variables: TWeightingType[],
  byQuestion: TQuestion | null,
  by: string | null,
  options: { group_a?: string | null; group_b?: string | null; locale: Locale },
  asked: TWeightingMethod
): Promise<{ weighting_applied: TWeightingMethod; rows: TComparisonRow[]; notes: string[] }> {
  const a = { id: aId };
  const b = { id: bId };
  const waveIds = [...new Set([a.id, b.id])];
  const weightingBy = byQuestion ? null : (by as TWeightingType | null);
  const data = await countsByQuestion(db, def, waveIds, places, weightingBy, { counters: !byQuestion });
  if (byQuestion) data.counts = await breakdownCounts(db, waveIds, byQuestion.id, [...data.counts.keys()], variables);
  const rows: TComparisonRow[] = [];
  const notes = new Set<string>();
  const fallback = weightingFallback(def, places, options.locale, data.cells, asked);
  if (fallback.note) notes.add(fallback.note);
  const method = fallback.applied;
  const prepared = new Map<string, { useData: TSurveyData; w: TWeighting }>();
  for (const q of allQuestions(def).filter((x) => isChoice(x) && x.type !== 'municipality')) {
    const multiple = q.type === 'multiple';
    for (const code of choiceCodes(q, places)) {
      const id = multiple ? optionCounterId(q.id, code) : q.id;
      // The data and weighting of a counter once, for all its answers.
      let made = prepared.get(id);
      if (!made) {
        const raw = data.counts.get(id) ?? [];
        const wt = weigh(variables, raw, method);
        if (wt.error) notes.add(translate(options.locale, wt.error.key, wt.error.params));
        const useData = wt.w ? fromCounts(wt.w.variables, wt.counts) : fromCounts(variables, raw);
        prepared.set(id, (made = { useData, w: wt.w ?? noWeighting(useData) }));
      }
      const { useData, w } = made;
      const da = by ? { strata: [a.id], group: options.group_a } : { strata: [a.id] };
      const dbb = by ? { strata: [b.id], group: options.group_b } : { strata: [b.id] };
      try {
        rows.push({
          question: q.id,
          text: options.locale === 'en' ? q.text_en : q.text_nb,
          code,
          label: optionLabel(q, code, places, options.locale),
          result: difference(useData, w, multiple ? '1' : code, da, dbb)
        });
      } catch (e) {
        if (!isSurveyStatsError(e)) throw e;
      }
    }
  }
  // Number questions have sums per weighting cell only: no mean rows by a breakdown question.
  if (!byQuestion)
    rows.push(
      ...(await meanDifferences(db, def, options.locale, data.cells, [a.id, b.id], method, weightingBy, notes, {
        a: by ? { strata: [a.id], group: options.group_a } : { strata: [a.id] },
        b: by ? { strata: [b.id], group: options.group_b } : { strata: [b.id] }
      }))
    );
  return { weighting_applied: method, rows, notes: [...notes] };
}

/** Differences b − a of the mean of every number question (weighted as asked, else unweighted). */
async function meanDifferences(
  db: DB,
  def: TSurveyDefinition,
  locale: Locale,
  cells: readonly { wave_id: string; cell: string; n: number }[],
  waveIds: string[],
  method: TWeightingMethod,
  by: TWeightingType | null,
  notes: Set<string>,
  domains: { a: { strata: string[]; group?: string | null }; b: { strata: string[]; group?: string | null } }
): Promise<TComparisonRow[]> {
  const questions = allQuestions(def).filter((x) => x.type === 'number');
  if (questions.length === 0) return [];
  const sums = await numericSums(db, waveIds);
  const variables = presentVariables(def);
  const rows: TComparisonRow[] = [];
  for (const q of questions) {
    const { unweighted, weighted } = numericData(
      variables,
      numericCellsOf(variables, cells, sums, q.id, by),
      method,
      notes,
      locale
    );
    const data = weighted?.data ?? unweighted;
    try {
      rows.push({
        question: q.id,
        text: locale === 'en' ? q.text_en : q.text_nb,
        code: '',
        label: translate(locale, 'surveys.results.mean'),
        kind: 'mean',
        result: difference(data, weighted?.w ?? noWeighting(unweighted), null, domains.a, domains.b)
      });
    } catch (e) {
      if (!isSurveyStatsError(e)) throw e;
    }
  }
  return rows;
}

// ——— Trend across waves ———

/**
 * Questions of the template that match a published Scottish indicator (data/surveys/scotland-reference.csv):
 * `question id:answer code` → reference indicator. Only answers asked about the same thing are mapped; the
 * wording differs (the Scottish wording is not published), so the series is shown beside, never compared.
 */
export const referenceIndicators: Readonly<Record<string, string>> = {
  'problem_world:great': 'issue_great_extent_world',
  'problem_europe:great': 'issue_great_extent_europe',
  'would_do:police': 'would_report_police',
  'would_do:friends': 'would_tell_friends_family',
  'would_do:find_out': 'would_find_out_more',
  'would_do:stop_using': 'would_stop_using_service',
  'would_do:nothing': 'would_do_nothing'
};

export interface TTrendWave {
  wave_id: string;
  name: string;
  /** The wave's first day (ISO date): orders the waves. */
  date: string;
  method: string;
  base_n: number;
  /** Respondents who gave the answer. */
  n: number;
  /** Weighted share when the wave could be weighted, else unweighted; `weighted` tells which. */
  proportion: number;
  /** Standard error of `proportion`. */
  se: number;
  ci_low: number;
  ci_high: number;
  weighted: boolean;
  unreliable: boolean;
}

export interface TTrend {
  question: string;
  text: string;
  answer: string;
  label: string;
  weighting: TWeightingMethod;
  waves: TTrendWave[];
  /** The Scottish reference indicator mapped to this question and answer, if any. */
  reference: string | null;
  notes: string[];
}

/** Every choice question × answer a trend can be drawn for, in the order of the survey. */
export function trendIndicators(def: TSurveyDefinition, places: TPlaces, locale: Locale) {
  return allQuestions(def)
    .filter((q) => (q.type === 'single' || q.type === 'multiple' || q.type === 'likert') && isChoice(q))
    .flatMap((q) =>
      choiceCodes(q, places).map((code) => ({
        value: `${q.id}:${code}`,
        question: locale === 'en' ? q.text_en : q.text_nb,
        label: optionLabel(q, code, places, locale)
      }))
    );
}

/**
 * One answer of one choice question across the survey's waves in date order: the share (weighted as asked,
 * each wave to the population margins on its own) with its interval and the wave's method, computed from the
 * counters like the results of a wave. Waves whose version did not ask the question, or without answers, are
 * left out.
 */
export async function trend(
  db: DB,
  idOrSlug: string | TPublishedSurvey,
  questionId: string,
  answer: string,
  weighting: TWeightingMethod,
  locale: Locale
): Promise<TTrend> {
  const s = typeof idOrSlug === 'string' ? await getPublishedSurvey(db, idOrSlug) : idOrSlug;
  const places = await placesOf(db);
  const bad = () =>
    new AppError('validation', 'surveys.error.badIndicator', { fields: { indicator: 'surveys.error.badIndicator' } });
  const q = allQuestions(s.definition).find((x) => x.id === questionId);
  if (!q || !isChoice(q) || q.type === 'municipality' || !choiceCodes(q, places).includes(answer)) throw bad();
  const ordered = [...s.waves].sort((a, b) => a.opens_on.localeCompare(b.opens_on) || a.name.localeCompare(b.name));
  // Kept under the generation of every wave's counters (read first) and what the series shows of each wave.
  const key = [
    'trend',
    s.version,
    questionId,
    answer,
    weighting,
    locale,
    await countersKey(
      db,
      ordered.map((w) => w.id)
    ),
    JSON.stringify(ordered.map((w) => [w.version_id, w.name, w.opens_on, w.method]))
  ].join('\u001f');
  const { waves, notes } = await memoized(db, key, () =>
    trendWaves(db, s.definition, ordered, q, answer, weighting, locale)
  );
  return {
    question: q.id,
    text: locale === 'en' ? q.text_en : q.text_nb,
    answer,
    label: optionLabel(q, answer, places, locale),
    weighting,
    waves,
    reference: referenceIndicators[`${q.id}:${answer}`] ?? null,
    notes
  };
}

/** The trend's points, wave by wave (kept by `trend`). */
async function trendWaves(
  db: DB,
  definition: TSurveyDefinition,
  ordered: readonly TWaveView[],
  q: TQuestion,
  answer: string,
  weighting: TWeightingMethod,
  locale: Locale
): Promise<{ waves: TTrendWave[]; notes: string[] }> {
  const questionId = q.id;
  const places = await placesOf(db);
  const notes = new Set<string>();
  const waves: TTrendWave[] = [];
  for (const wave of ordered) {
    const version = await repo.findVersion(db, wave.version_id);
    const def: TSurveyDefinition = version ? versionDefinition(version) : definition;
    const wq = allQuestions(def).find((x) => x.id === questionId && x.type === q.type);
    if (!wq || !choiceCodes(wq, places).includes(answer)) continue;
    // The wave's counters as kept in memory (surveys.counter-read.ts), as its results page reads them.
    const snap = await readWaveCounters(db, wave.id);
    if (snap.cellCounts.length === 0) continue;
    const cells = snap.cellCounts.map((c) => ({ wave_id: wave.id, cell: c.cell, n: c.n }));
    const fallback = weightingFallback(def, places, locale, cells, weighting);
    if (fallback.note) notes.add(`${wave.name}: ${fallback.note}`);
    const estimate = waveEstimator(snap, presentVariables(def), null, fallback.applied, [null]);
    const r = questionResults(wq, places, locale, estimate, fallback.applied, [null], notes)[0];
    const a = r?.answers.find((x) => x.code === answer);
    if (!r || !a || r.base_n === 0) continue;
    const weighted = weighting !== 'none' && a.weighted_proportion !== null;
    waves.push({
      wave_id: wave.id,
      name: wave.name,
      date: wave.opens_on,
      method: wave.method,
      base_n: r.base_n,
      n: a.n,
      proportion: weighted ? a.weighted_proportion! : a.proportion,
      se: weighted ? a.weighted_se! : a.se,
      ci_low: Math.max(0, weighted ? a.weighted_ci_low! : a.ci_low),
      ci_high: Math.min(1, weighted ? a.weighted_ci_high! : a.ci_high),
      weighted,
      unreliable: r.unreliable
    });
  }
  return { waves, notes: [...notes] };
}
