/**
 * Design-based estimates with linearization (Taylor) standard errors, as R's survey package computes
 * them for `svydesign(ids = ~1, strata = ~wave, weights = ~w0)` after `postStratify` or `rake`:
 * the influence values of a ratio (a mean or a proportion) are replaced by their residuals from the
 * weighting cells' means (post-stratification, Valliant 1993) or by ten back-fitting passes over the
 * raking margins (as `survey:::svyrecvar`), then the stratified with-replacement variance
 * Σ_h n_h/(n_h − 1) Σ_i (x_i − x̄_h)² is taken. Everything is done on sums per group and cell, so the
 * cost does not depend on the number of respondents.
 */
import { SurveyStatsError } from './errors';
import type { TSurveyData, TUnitGroup } from './data';
import type { TWeighting } from './weighting';
import { qnorm, twoSidedP } from './normal';

/** Which respondents an estimate is about (always only those who answered the question). */
export interface TDomain {
  /** Strata (waves) to include; all when absent. */
  strata?: readonly string[];
  /** Subgroup (a `by` level); any when absent. */
  group?: string | null;
}

/** y of a group: an indicator of one answer code, or the numeric answer. */
type TOutcome = { kind: 'answer'; code: string } | { kind: 'numeric' };

interface TTerm {
  domain: TDomain;
  coef: number;
}

export interface TLinearEstimate {
  estimate: number;
  /** Ratio estimates of each term (for one term, the estimate itself). */
  parts: number[];
  variance: number;
  se: number;
}

const inDomain = (g: TUnitGroup, d: TDomain): boolean =>
  g.answer !== null &&
  (d.strata === undefined || d.strata.includes(g.stratum)) &&
  (d.group === undefined || g.group === d.group);

function ySums(g: TUnitGroup, y: TOutcome) {
  if (y.kind === 'numeric') return { sy: g.sy, swy: g.swy, swy2: g.swy2, sw2y: g.sw2y, sw2y2: g.sw2y2 };
  const v = g.answer === y.code ? 1 : 0;
  return { sy: v * g.n, swy: v * g.sw, swy2: v * g.sw, sw2y: v * g.sw2, sw2y2: v * g.sw2 };
}

/** A partition of a weighting's cells (a margin, a post-stratum) as part numbers, made once per weighting. */
const partIndexes = new WeakMap<TWeighting, Map<readonly string[], { index: Int32Array; count: number }>>();

function partIndex(w: TWeighting, parts: readonly string[]): { index: Int32Array; count: number } {
  let byParts = partIndexes.get(w);
  if (!byParts) partIndexes.set(w, (byParts = new Map()));
  let made = byParts.get(parts);
  if (!made) {
    const ids = new Map<string, number>();
    const index = new Int32Array(parts.length);
    parts.forEach((label, i) => {
      let id = ids.get(label);
      if (id === undefined) ids.set(label, (id = ids.size));
      index[i] = id;
    });
    made = { index, count: ids.size };
    byParts.set(parts, made);
  }
  return made;
}

/**
 * Rows of sums for `linearContrastOfRows`, as numbers only: row j holds n[j] respondents of the weighting cell
 * cell[j] (an index into the weighting's cells) with their Σw0, Σw0² and, of the outcome y, Σy, Σw0·y, Σw0²·y and
 * Σw0²·y² (for the share of an answer: y is 1 for those who gave it, so these are n, Σw0, Σw0², Σw0² or 0). A server
 * can make them straight from integer-indexed counters, with no string and no object per row.
 */
export interface TContrastRows {
  length: number;
  cell: Int32Array;
  n: Float64Array;
  sw: Float64Array;
  sw2: Float64Array;
  sy: Float64Array;
  swy: Float64Array;
  sw2y: Float64Array;
  sw2y2: Float64Array;
}

/** A term of a contrast over rows: the rows of its domain (increasing), its coefficient, the domain (for errors). */
export interface TRowsTerm {
  rows: Int32Array;
  coef: number;
  domain: TDomain;
}

/** A weighting's cells as typed arrays and their strata as numbers (in first-seen order), made once per weighting. */
interface TCellArrays {
  n: Float64Array;
  sw: Float64Array;
  sw2: Float64Array;
  g: Float64Array;
  t: Float64Array;
  stratumOf: Int32Array;
  strata: string[];
}
const cellArrays = new WeakMap<TWeighting, TCellArrays>();

function cellArraysOf(w: TWeighting): TCellArrays {
  let made = cellArrays.get(w);
  if (made) return made;
  const ids = new Map<string, number>();
  const stratumOf = new Int32Array(w.cells.length);
  w.cells.forEach((c, i) => {
    let id = ids.get(c.stratum);
    if (id === undefined) ids.set(c.stratum, (id = ids.size));
    stratumOf[i] = id;
  });
  made = {
    n: Float64Array.from(w.cells, (c) => c.n),
    sw: Float64Array.from(w.cells, (c) => c.sw),
    sw2: Float64Array.from(w.cells, (c) => c.sw2),
    g: Float64Array.from(w.cells, (c) => c.g),
    t: Float64Array.from(w.cells, (c) => c.t),
    stratumOf,
    strata: [...ids.keys()]
  };
  cellArrays.set(w, made);
  return made;
}

/**
 * Σ coef_k · R_k for ratio estimators R_k = Σ_{D_k} w·y / Σ_{D_k} w of one outcome, with its linearization
 * variance, on rows of sums (`linearContrast` makes them from the engine's data; a server from its counters). The
 * weighting's residualization runs on the sums per cell: one pass per post-stratification, ten back-fitting passes
 * over the raking margins (R: survey:::svyrecvar), then the stratified with-replacement variance.
 */
export function linearContrastOfRows(rows: TContrastRows, w: TWeighting, terms: readonly TRowsTerm[]): TLinearEstimate {
  const nCells = w.cells.length;
  const c = cellArraysOf(w);
  const { cell: cellOf, n: rowN, sw: rowSw, sw2: rowSw2, sy, swy, sw2y, sw2y2 } = rows;
  for (let j = 0; j < rows.length; j++)
    if (!(cellOf[j] >= 0 && cellOf[j] < nCells)) throw new RangeError('the weighting was made from other data');
  const K = terms.length;
  const W = new Float64Array(K);
  const T = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const list = terms[k].rows;
    let Wk = 0;
    let Tk = 0;
    for (let x = 0; x < list.length; x++) {
      const j = list[x];
      const i = cellOf[j];
      const f = c.g[i] * c.t[i];
      Wk += f * rowSw[j];
      Tk += f * swy[j];
    }
    W[k] = Wk;
    T[k] = Tk;
    if (!(Wk > 0)) {
      const where = describeDomain(terms[k].domain);
      throw new SurveyStatsError('surveys.error.noRespondents', { cell: where }, `no respondents answered in ${where}`);
    }
  }
  const R = Array.from(T, (t, k) => t / W[k]);
  // Per row: u = α·y + β, with α = Σ_k coef_k/W_k and β = −Σ_k coef_k·R_k/W_k over the terms the row is in.
  const alpha = new Float64Array(rows.length);
  const beta = new Float64Array(rows.length);
  const inTerm = new Uint8Array(rows.length);
  for (let k = 0; k < K; k++) {
    const { rows: list, coef } = terms[k];
    const da = coef / W[k];
    const db = (coef * R[k]) / W[k];
    for (let x = 0; x < list.length; x++) {
      const j = list[x];
      alpha[j] += da;
      beta[j] -= db;
      inTerm[j] = 1;
    }
  }
  // Per cell: Σu, Σw0·u, Σw0²·u, Σw0²·u².
  const Su = new Float64Array(nCells);
  const Swu = new Float64Array(nCells);
  const Sw2u = new Float64Array(nCells);
  const Sw2u2 = new Float64Array(nCells);
  for (let j = 0; j < rows.length; j++) {
    if (!inTerm[j]) continue;
    const a = alpha[j];
    const b = beta[j];
    if (a === 0 && b === 0) continue;
    const i = cellOf[j];
    Su[i] += a * sy[j] + b * rowN[j];
    Swu[i] += a * swy[j] + b * rowSw[j];
    Sw2u[i] += a * sw2y[j] + b * rowSw2[j];
    Sw2u2[i] += a * a * sw2y2[j] + 2 * a * b * sw2y[j] + b * b * rowSw2[j];
  }
  // Residualization: x_i = w0·g·(t·u_i − a_c); a_c collects the cell adjustments.
  const a = new Float64Array(nCells);
  const pass = (parts: readonly string[], input: Float64Array, base: Float64Array) => {
    const { index, count } = partIndex(w, parts);
    const num = new Float64Array(count);
    const den = new Float64Array(count);
    for (let i = 0; i < nCells; i++) {
      num[index[i]] += c.t[i] * input[i] - a[i] * base[i];
      den[index[i]] += base[i];
    }
    for (let k = 0; k < count; k++) num[k] /= den[k];
    for (let i = 0; i < nCells; i++) a[i] += num[index[i]];
  };
  for (const step of w.steps) {
    // R: psmeans = rowsum(x·oldw/psw, cell)/Σ oldw, x ← x − psmeans·psw (base-weighted cell means).
    if (step.kind === 'poststratify') pass(step.parts, Swu, c.sw);
    // R: 10 passes of x ← x − psw·ave(x/psw, margin) (unweighted means over respondents).
    else for (let p = 0; p < 10; p++) for (const parts of step.margins) pass(parts, Su, c.n);
  }
  // Stratified with-replacement variance.
  const nStrata = c.strata.length;
  const sn = new Float64Array(nStrata);
  const sx = new Float64Array(nStrata);
  const sxx = new Float64Array(nStrata);
  for (let i = 0; i < nCells; i++) {
    const s = c.stratumOf[i];
    const g = c.g[i];
    const t = c.t[i];
    sn[s] += c.n[i];
    sx[s] += g * (t * Swu[i] - a[i] * c.sw[i]);
    sxx[s] += g * g * (t * t * Sw2u2[i] - 2 * t * a[i] * Sw2u[i] + a[i] * a[i] * c.sw2[i]);
  }
  let variance = 0;
  for (let s = 0; s < nStrata; s++) {
    // R refuses any stratum with one respondent; one that the estimate does not touch cannot matter.
    if (sn[s] < 2 && sxx[s] === 0 && sx[s] === 0) continue;
    if (sn[s] < 2)
      throw new SurveyStatsError(
        'surveys.error.singleRespondentStratum',
        { stratum: c.strata[s] },
        `stratum ${c.strata[s]} has a single respondent: its variance cannot be estimated`
      );
    variance += (sn[s] / (sn[s] - 1)) * Math.max(0, sxx[s] - (sx[s] * sx[s]) / sn[s]);
  }
  const estimate = terms.reduce((acc, term, k) => acc + term.coef * R[k], 0);
  return { estimate, parts: R, variance, se: Math.sqrt(variance) };
}

/** `m` rows of sums, all 0, for `linearContrastOfRows`. */
export function contrastRows(m: number): TContrastRows {
  return {
    length: m,
    cell: new Int32Array(m),
    n: new Float64Array(m),
    sw: new Float64Array(m),
    sw2: new Float64Array(m),
    sy: new Float64Array(m),
    swy: new Float64Array(m),
    sw2y: new Float64Array(m),
    sw2y2: new Float64Array(m)
  };
}

/** Σ coef_k · R_k over the engine's data (groups with string keys): its rows of sums, then `linearContrastOfRows`. */
function linearContrast(data: TSurveyData, w: TWeighting, y: TOutcome, terms: readonly TTerm[]): TLinearEstimate {
  const m = data.groups.length;
  const rows = contrastRows(m);
  data.groups.forEach((g, j) => {
    const i = w.index.get(g.cellKey);
    if (i === undefined) throw new RangeError('the weighting was made from other data');
    const s = ySums(g, y);
    rows.cell[j] = i;
    rows.n[j] = g.n;
    rows.sw[j] = g.sw;
    rows.sw2[j] = g.sw2;
    rows.sy[j] = s.sy;
    rows.swy[j] = s.swy;
    rows.sw2y[j] = s.sw2y;
    rows.sw2y2[j] = s.sw2y2;
  });
  return linearContrastOfRows(
    rows,
    w,
    terms.map((term) => {
      const list: number[] = [];
      data.groups.forEach((g, j) => {
        if (inDomain(g, term.domain)) list.push(j);
      });
      return { rows: Int32Array.from(list), coef: term.coef, domain: term.domain };
    })
  );
}

function describeDomain(d: TDomain): string {
  const bits = [];
  if (d.strata) bits.push(`stratum ${d.strata.join('+')}`);
  if (d.group !== undefined) bits.push(`group ${d.group}`);
  return bits.length ? bits.join(', ') : 'the whole sample';
}

const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** Wald interval est ± z·se and, for proportions, R's svyciprop(method = "logit") interval (df = Inf). */
export function waldInterval(est: number, se: number, level = 0.95): [number, number] {
  const z = qnorm(1 - (1 - level) / 2);
  return [est - z * se, est + z * se];
}

export function logitInterval(p: number, se: number, level = 0.95): [number, number] {
  if (p <= 0 || p >= 1) return [p, p];
  const z = qnorm(1 - (1 - level) / 2);
  const l = Math.log(p / (1 - p));
  const s = se / (p * (1 - p));
  return [expit(l - z * s), expit(l + z * s)];
}

interface TDomainSums {
  n: number;
  W: number;
  W2: number;
}

function domainSums(data: TSurveyData, w: TWeighting, d: TDomain): TDomainSums {
  let n = 0;
  let W = 0;
  let W2 = 0;
  for (const g of data.groups) {
    if (!inDomain(g, d)) continue;
    const c = w.cells[w.index.get(g.cellKey)!];
    n += g.n;
    W += c.g * c.t * g.sw;
    W2 += (c.g * c.t) ** 2 * g.sw2;
  }
  return { n, W, W2 };
}

/** Design effect against simple random sampling with replacement (R: svymean(deff = "replace")). */
function deffOf(data: TSurveyData, w: TWeighting, d: TDomain, y: TOutcome, est: number, variance: number, n: number) {
  let num = 0;
  let W = 0;
  for (const g of data.groups) {
    if (!inDomain(g, d)) continue;
    const c = w.cells[w.index.get(g.cellKey)!];
    const f = c.g * c.t;
    const s = ySums(g, y);
    num += f * (s.swy2 - 2 * est * s.swy + est * est * g.sw);
    W += f * g.sw;
  }
  const vsrs = num / W / (n - 1);
  return n > 1 && vsrs > 0 ? variance / vsrs : NaN;
}

export interface TProportion {
  code: string;
  /** Respondents in the domain who gave this answer (unweighted). */
  n: number;
  proportion: number;
  se: number;
  ci_low: number;
  ci_high: number;
  logit_ci_low: number;
  logit_ci_high: number;
  /** Design effect of this proportion (variance / SRS-with-replacement variance). */
  deff: number;
  /** n / deff. */
  effective_n: number;
}

export interface TProportions {
  /** Respondents in the domain who answered. */
  base_n: number;
  sum_weights: number;
  /** Kish: (Σw)²/Σw², and n divided by it. */
  effective_n: number;
  deff: number;
  answers: TProportion[];
}

export interface TEstimateOptions {
  level?: number;
}

/** The codes answered in the data, in first-seen order, or `codes` when given (answers nobody gave show 0). */
function codesOf(data: TSurveyData, codes?: readonly string[]): string[] {
  if (codes) return [...codes];
  const seen = new Set<string>();
  for (const g of data.groups) if (g.answer !== null) seen.add(g.answer);
  return [...seen].sort();
}

/** Weighted shares of every answer of a choice question (R: svymean(~factor(q), subset(design, …), deff = "replace")). */
export function proportions(
  data: TSurveyData,
  w: TWeighting,
  domain: TDomain = {},
  options: TEstimateOptions & { codes?: readonly string[] } = {}
): TProportions {
  const [result] = proportionsMany(data, w, [domain], options);
  if (result instanceof SurveyStatsError) throw result;
  return result;
}

/**
 * The per-answer path: one linearization over all groups for each answer code. Kept as the reference the
 * one-pass path (`proportionsMany`) is tested against; pages and the API use `proportions`.
 */
export function proportionsPerAnswer(
  data: TSurveyData,
  w: TWeighting,
  domain: TDomain = {},
  options: TEstimateOptions & { codes?: readonly string[] } = {}
): TProportions {
  if (data.kind !== 'choice')
    throw new SurveyStatsError(
      'surveys.error.badInput',
      { where: 'kind' },
      'proportions need a choice question; use mean()'
    );
  const level = options.level ?? 0.95;
  const ds = domainSums(data, w, domain);
  if (ds.n === 0)
    throw new SurveyStatsError(
      'surveys.error.noRespondents',
      { cell: describeDomain(domain) },
      `no respondents answered in ${describeDomain(domain)}`
    );
  const answers = codesOf(data, options.codes).map((code): TProportion => {
    const y: TOutcome = { kind: 'answer', code };
    const e = linearContrast(data, w, y, [{ domain, coef: 1 }]);
    const p = e.estimate;
    let n = 0;
    for (const g of data.groups) if (g.answer === code && inDomain(g, domain)) n += g.n;
    const [ci_low, ci_high] = waldInterval(p, e.se, level);
    const [logit_ci_low, logit_ci_high] = logitInterval(p, e.se, level);
    const deff = deffOf(data, w, domain, y, p, e.variance, ds.n);
    return {
      code,
      n,
      proportion: p,
      se: e.se,
      ci_low,
      ci_high,
      logit_ci_low,
      logit_ci_high,
      deff,
      effective_n: ds.n / deff
    };
  });
  const kish = (ds.W * ds.W) / ds.W2;
  return { base_n: ds.n, sum_weights: ds.W, effective_n: kish, deff: ds.n / kish, answers };
}

export interface TMean {
  n: number;
  sum_weights: number;
  mean: number;
  se: number;
  ci_low: number;
  ci_high: number;
  deff: number;
  effective_n: number;
}

/** Weighted mean of a numeric question (R: svymean(~y, subset(design, …), deff = "replace")). */
export function mean(data: TSurveyData, w: TWeighting, domain: TDomain = {}, options: TEstimateOptions = {}): TMean {
  if (data.kind !== 'numeric')
    throw new SurveyStatsError('surveys.error.badInput', { where: 'kind' }, 'mean() needs a numeric question');
  const ds = domainSums(data, w, domain);
  const y: TOutcome = { kind: 'numeric' };
  const e = linearContrast(data, w, y, [{ domain, coef: 1 }]);
  const [ci_low, ci_high] = waldInterval(e.estimate, e.se, options.level);
  const deff = deffOf(data, w, domain, y, e.estimate, e.variance, ds.n);
  return {
    n: ds.n,
    sum_weights: ds.W,
    mean: e.estimate,
    se: e.se,
    ci_low,
    ci_high,
    deff,
    effective_n: ds.n / deff
  };
}

/** The subgroups present in the data, sorted. */
export function groupsOf(data: TSurveyData): string[] {
  return [...new Set(data.groups.map((g) => g.group).filter((g): g is string => g !== null))].sort();
}

/** Proportions per subgroup (R: svyby(~factor(q), ~group, design, svymean)). */
export function proportionsBy(
  data: TSurveyData,
  w: TWeighting,
  domain: Omit<TDomain, 'group'> = {},
  options: TEstimateOptions & { codes?: readonly string[] } = {}
): { group: string; result: TProportions }[] {
  const codes = options.codes ?? codesOf(data);
  const groups = groupsOf(data).filter((group) => domainSums(data, w, { ...domain, group }).n > 0);
  const results = proportionsMany(
    data,
    w,
    groups.map((group) => ({ ...domain, group })),
    { ...options, codes }
  );
  return groups.map((group, i) => {
    const result = results[i];
    if (result instanceof SurveyStatsError) throw result;
    return { group, result };
  });
}

export interface TDifference {
  estimate_a: number;
  estimate_b: number;
  /** estimate_b − estimate_a. */
  difference: number;
  se: number;
  ci_low: number;
  ci_high: number;
  z: number;
  /** Two-sided p-value of "no difference". */
  p_value: number;
  significant: boolean;
}

/**
 * Difference b − a of a proportion (answer `code`) or a mean (`code` null) between two domains — two
 * waves, or two groups — with its linearization SE including the covariance the weighting creates
 * (R: svycontrast of the two domain estimates; the same as a saturated svyglm).
 */
export function difference(
  data: TSurveyData,
  w: TWeighting,
  code: string | null,
  a: TDomain,
  b: TDomain,
  options: TEstimateOptions = {}
): TDifference {
  const level = options.level ?? 0.95;
  const y: TOutcome = code === null ? { kind: 'numeric' } : { kind: 'answer', code };
  const e = linearContrast(data, w, y, [
    { domain: a, coef: -1 },
    { domain: b, coef: 1 }
  ]);
  const [ci_low, ci_high] = waldInterval(e.estimate, e.se, level);
  const z = e.se > 0 ? e.estimate / e.se : e.estimate === 0 ? 0 : Math.sign(e.estimate) * Infinity;
  const p_value = twoSidedP(z);
  return {
    estimate_a: e.parts[0],
    estimate_b: e.parts[1],
    difference: e.estimate,
    se: e.se,
    ci_low,
    ci_high,
    z,
    p_value,
    significant: p_value < 1 - level
  };
}

/** Final weights of every group's respondents (per respondent), for exports and checks. */
export function unitWeight(w: TWeighting, g: TUnitGroup): number {
  const c = w.cells[w.index.get(g.cellKey)!];
  return (g.sw / g.n) * c.g * c.t;
}

export interface TDidArgs {
  /** The answer code whose share is the indicator; null for the mean of a numeric question. */
  code: string | null;
  /** Strata (waves) before and after. */
  before: string;
  after: string;
  /** Subgroups (`group` of the data) of the exposed and of the unexposed respondents. */
  exposed: string;
  unexposed: string;
}

export interface TDifferenceInDifferences {
  /** (after,exposed − after,unexposed) − (before,exposed − before,unexposed). */
  estimate: number;
  se: number;
  ci_low: number;
  ci_high: number;
  z: number;
  p_value: number;
  significant: boolean;
  /** The four domain means (shares) the estimate is made of. */
  parts: { before_exposed: number; before_unexposed: number; after_exposed: number; after_unexposed: number };
  /** Respondents who answered, per domain (unweighted). */
  n: { before_exposed: number; before_unexposed: number; after_exposed: number; after_unexposed: number };
}

/**
 * Difference-in-differences of a share (or mean) between waves and exposure groups: the linear contrast
 * of four domain means with its linearization SE (covariances from the weighting included). In a design
 * stratified by wave this equals the coefficient of `wave:exposed` in R's saturated
 * `svyglm(y ~ wave * exposed, design)` and its SE. A domain without respondents is a SurveyStatsError.
 */
export function differenceInDifferences(
  data: TSurveyData,
  w: TWeighting,
  args: TDidArgs,
  options: TEstimateOptions = {}
): TDifferenceInDifferences {
  const level = options.level ?? 0.95;
  const y: TOutcome = args.code === null ? { kind: 'numeric' } : { kind: 'answer', code: args.code };
  const domains = {
    before_exposed: { strata: [args.before], group: args.exposed },
    before_unexposed: { strata: [args.before], group: args.unexposed },
    after_exposed: { strata: [args.after], group: args.exposed },
    after_unexposed: { strata: [args.after], group: args.unexposed }
  };
  const e = linearContrast(data, w, y, [
    { domain: domains.after_exposed, coef: 1 },
    { domain: domains.after_unexposed, coef: -1 },
    { domain: domains.before_exposed, coef: -1 },
    { domain: domains.before_unexposed, coef: 1 }
  ]);
  const [ci_low, ci_high] = waldInterval(e.estimate, e.se, level);
  const z = e.se > 0 ? e.estimate / e.se : e.estimate === 0 ? 0 : Math.sign(e.estimate) * Infinity;
  const p_value = twoSidedP(z);
  const nOf = (d: TDomain) => domainSums(data, w, d).n;
  return {
    estimate: e.estimate,
    se: e.se,
    ci_low,
    ci_high,
    z,
    p_value,
    significant: p_value < 1 - level,
    parts: {
      after_exposed: e.parts[0],
      after_unexposed: e.parts[1],
      before_exposed: e.parts[2],
      before_unexposed: e.parts[3]
    },
    n: {
      before_exposed: nOf(domains.before_exposed),
      before_unexposed: nOf(domains.before_unexposed),
      after_exposed: nOf(domains.after_exposed),
      after_unexposed: nOf(domains.after_unexposed)
    }
  };
}

// ——— One pass: every answer of a question in every domain ———

/**
 * The residualization of a weighting as a linear operator. In `linearContrast` the cell adjustments `a` are a
 * linear function of the per-cell sums Σu (raking: unweighted margin means) and Σw0·u (post-stratification:
 * base-weighted means), and `a` of a cell is the sum of one coefficient θ per partition it belongs to (a margin
 * category, a post-stratum). Each pass of a step adds (v_x − (Mθ)_x) / M_xx to the θ of each part x of its
 * partition, where v_x sums the step's input t·Σu (or t·Σw0u) over the part's cells and M_xy is the n (or Σw0)
 * of the cells in both parts x and y. So θ = Ψ·v: Ψ (L × L) is made once per weighting by composing the steps
 * from the last to the first, and every outcome then costs (cells it touches × partitions) for v plus L² for
 * Ψ·v, instead of ten passes over every margin. With more than `QUADRATIC_MAX_PARTS` coefficients Ψ is not
 * made: up to `OPERATOR_MAX_CELLS` cells the passes run once per cell's unit vector (K: cell → θ), beyond
 * that once per outcome.
 */
interface TResidualizer {
  nCells: number;
  /** Number of θ coefficients (parts of every partition used). */
  L: number;
  /** `useSw`: the partition's steps post-stratify (input Σw0u, means weighted by Σw0), else they rake (Σu, n). */
  partitions: { index: Int32Array; count: number; offset: number; useSw: boolean }[];
  /** Ψ, column-major (part x → Psi[x·L … x·L + L)): θ = Ψ·v. Null above QUADRATIC_MAX_PARTS. */
  Psi: Float64Array | null;
  /** Without Ψ: column-major (cell j → K[j·L … j·L + L)); null when that input is not used or not made. */
  Ku: Float64Array | null;
  Kw: Float64Array | null;
  usesSu: boolean;
  usesSwu: boolean;
  stratumOf: Int32Array;
  strata: string[];
  strataN: Float64Array;
  /** Per cell: g, t, Σw0, Σw0² (typed, for the loops below). */
  g: Float64Array;
  t: Float64Array;
  sw: Float64Array;
  sw2: Float64Array;
  /** Per cell: the calibration factor g·t. */
  f: Float64Array;
  /**
   * With Ψ: per coefficient its stratum, G1_l = Σ_{i∈l} g·Σw0 and Q_lm = Σ_{i∈l∩m} g²·Σw0², so the cells an
   * outcome does not touch add −θ·G1 to Σx and θᵀQθ to Σx² at once.
   */
  levelStratum: Int32Array | null;
  G1: Float64Array | null;
  Q: Float64Array | null;
  /** Q's entries that are not 0, row by row (two parts of one margin share no cell): row l at [Qstart[l], Qstart[l + 1]). */
  Qstart: Int32Array | null;
  Qcol: Int32Array | null;
  Qval: Float64Array | null;
  /** Scratch for v (length L). */
  v: Float64Array;
  /** Per cell its coefficient in each partition (offset included): levelOf[i·P + p], P = partitions.length. */
  levelOf: Int32Array;
}

const OPERATOR_MAX_CELLS = 1500;
const QUADRATIC_MAX_PARTS = 400;
const residualizers = new WeakMap<TWeighting, TResidualizer>();

/** The passes of linearContrast on (Σu, Σw0u), recording θ; `a` receives the adjustments. */
function runSteps(
  w: TWeighting,
  r: Pick<TResidualizer, 'partitions'>,
  Su: Float64Array,
  Swu: Float64Array,
  a: Float64Array,
  theta: Float64Array | null
): void {
  a.fill(0);
  theta?.fill(0);
  const cells = w.cells;
  const one = (part: { index: Int32Array; count: number; offset: number; useSw: boolean }) => {
    const { index, count, offset, useSw } = part;
    const num = new Float64Array(count);
    const den = new Float64Array(count);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (useSw) {
        num[index[i]] += c.t * Swu[i] - a[i] * c.sw;
        den[index[i]] += c.sw;
      } else {
        num[index[i]] += c.t * Su[i] - a[i] * c.n;
        den[index[i]] += c.n;
      }
    }
    for (let k = 0; k < count; k++) num[k] /= den[k];
    if (theta) for (let k = 0; k < count; k++) theta[offset + k] += num[k];
    for (let i = 0; i < cells.length; i++) a[i] += num[index[i]];
  };
  for (const p of stepSequence(w)) one(r.partitions[p]);
}

/** The partitions in the order the passes visit them: a post-stratum once, a raking step's margins 10 times. */
function stepSequence(w: TWeighting): number[] {
  const out: number[] = [];
  let p = 0;
  for (const step of w.steps) {
    if (step.kind === 'poststratify') out.push(p++);
    else {
      for (let pass = 0; pass < 10; pass++) for (let m = 0; m < step.margins.length; m++) out.push(p + m);
      p += step.margins.length;
    }
  }
  return out;
}

/**
 * Ψ (see TResidualizer), from the last step to the first: B is the product of the steps after the current one
 * (I − E·D⁻¹·M each, E the step's parts, D their M_xx), and each step adds B·E·D⁻¹ to Ψ. M is kept sparse (two
 * parts of one margin share no cell, nor do parts of two strata). O(steps × parts × L × parts per row).
 */
function composeOperator(w: TWeighting, r: Pick<TResidualizer, 'partitions' | 'L' | 'nCells'>): Float64Array {
  const { partitions, L, nCells } = r;
  const Mn = new Float64Array(L * L);
  const Msw = new Float64Array(L * L);
  const levels = new Int32Array(partitions.length);
  for (let i = 0; i < nCells; i++) {
    for (let p = 0; p < partitions.length; p++) levels[p] = partitions[p].offset + partitions[p].index[i];
    const n = w.cells[i].n;
    const sw = w.cells[i].sw;
    for (const x of levels)
      for (const y of levels) {
        Mn[x * L + y] += n;
        Msw[x * L + y] += sw;
      }
  }
  const rowsOf = (M: Float64Array) =>
    Array.from({ length: L }, (_, x) => {
      const cols: number[] = [];
      for (let y = 0; y < L; y++) if (M[x * L + y] !== 0) cols.push(y);
      return { col: Int32Array.from(cols), val: Float64Array.from(cols, (y) => M[x * L + y]) };
    });
  const sparseN = rowsOf(Mn);
  const sparseSw = rowsOf(Msw);
  // Column-major: column x at [x·L, x·L + L).
  const B = new Float64Array(L * L);
  for (let x = 0; x < L; x++) B[x * L + x] = 1;
  const Psi = new Float64Array(L * L);
  const sequence = stepSequence(w);
  const c = new Float64Array(L * L);
  for (let s = sequence.length - 1; s >= 0; s--) {
    const { offset, count, useSw } = partitions[sequence[s]];
    const M = useSw ? Msw : Mn;
    const rows = useSw ? sparseSw : sparseN;
    // c_x = B[:, x] / M_xx for the step's parts, from B before this step's update.
    for (let x = offset; x < offset + count; x++) {
      const d = M[x * L + x];
      const base = x * L;
      for (let l = 0; l < L; l++) {
        const v = d !== 0 ? B[base + l] / d : 0;
        c[base + l] = v;
        Psi[base + l] += v;
      }
    }
    // B ← B − Σ_x c_x ⊗ M[x, :].
    for (let x = offset; x < offset + count; x++) {
      const { col, val } = rows[x];
      const base = x * L;
      for (let e = 0; e < col.length; e++) {
        const y = col[e] * L;
        const m = val[e];
        for (let l = 0; l < L; l++) B[y + l] -= c[base + l] * m;
      }
    }
  }
  return Psi;
}

function residualizerOf(w: TWeighting): TResidualizer {
  const made = residualizers.get(w);
  if (made) return made;
  const partitions: TResidualizer['partitions'] = [];
  let L = 0;
  let usesSu = false;
  let usesSwu = false;
  for (const step of w.steps) {
    const useSw = step.kind === 'poststratify';
    const lists = step.kind === 'poststratify' ? [step.parts] : step.margins;
    if (useSw) usesSwu = true;
    else usesSu = true;
    for (const parts of lists) {
      const { index, count } = partIndex(w, parts);
      partitions.push({ index, count, offset: L, useSw });
      L += count;
    }
  }
  const nCells = w.cells.length;
  const strataIds = new Map<string, number>();
  const stratumOf = new Int32Array(nCells);
  w.cells.forEach((c, i) => {
    let id = strataIds.get(c.stratum);
    if (id === undefined) strataIds.set(c.stratum, (id = strataIds.size));
    stratumOf[i] = id;
  });
  const strataN = new Float64Array(strataIds.size);
  w.cells.forEach((c, i) => (strataN[stratumOf[i]] += c.n));
  const r: TResidualizer = {
    nCells,
    L,
    partitions,
    Psi: null,
    Ku: null,
    Kw: null,
    usesSu,
    usesSwu,
    stratumOf,
    strata: [...strataIds.keys()],
    strataN,
    g: Float64Array.from(w.cells, (c) => c.g),
    t: Float64Array.from(w.cells, (c) => c.t),
    sw: Float64Array.from(w.cells, (c) => c.sw),
    sw2: Float64Array.from(w.cells, (c) => c.sw2),
    f: Float64Array.from(w.cells, (c) => c.g * c.t),
    levelStratum: null,
    G1: null,
    Q: null,
    Qstart: null,
    Qcol: null,
    Qval: null,
    v: new Float64Array(L),
    levelOf: new Int32Array(nCells * partitions.length)
  };
  for (let i = 0; i < nCells; i++)
    for (let p = 0; p < partitions.length; p++)
      r.levelOf[i * partitions.length + p] = partitions[p].offset + partitions[p].index[i];
  if (L > 0 && L <= QUADRATIC_MAX_PARTS) {
    r.Psi = composeOperator(w, r);
    const levelStratum = new Int32Array(L);
    const G1 = new Float64Array(L);
    const Q = new Float64Array(L * L);
    const levels = new Int32Array(partitions.length);
    for (let i = 0; i < nCells; i++) {
      partitions.forEach((part, p) => (levels[p] = part.offset + part.index[i]));
      const gsw = r.g[i] * r.sw[i];
      const g2sw2 = r.g[i] * r.g[i] * r.sw2[i];
      for (const x of levels) {
        levelStratum[x] = stratumOf[i];
        G1[x] += gsw;
        for (const y of levels) Q[x * L + y] += g2sw2;
      }
    }
    const Qstart = new Int32Array(L + 1);
    const cols: number[] = [];
    for (let x = 0; x < L; x++) {
      for (let y = 0; y < L; y++) if (Q[x * L + y] !== 0) cols.push(x * L + y);
      Qstart[x + 1] = cols.length;
    }
    const Qcol = Int32Array.from(cols, (e) => e % L);
    const Qval = Float64Array.from(cols, (e) => Q[e]);
    Object.assign(r, { levelStratum, G1, Q, Qstart, Qcol, Qval });
  } else if (L > 0 && nCells <= OPERATOR_MAX_CELLS) {
    const unit = new Float64Array(nCells);
    const zero = new Float64Array(nCells);
    const a = new Float64Array(nCells);
    const theta = new Float64Array(L);
    const columns = (su: boolean) => {
      const K = new Float64Array(nCells * L);
      for (let j = 0; j < nCells; j++) {
        unit[j] = 1;
        runSteps(w, r, su ? unit : zero, su ? zero : unit, a, theta);
        unit[j] = 0;
        K.set(theta, j * L);
      }
      return K;
    };
    if (usesSu) r.Ku = columns(true);
    if (usesSwu) r.Kw = columns(false);
  }
  residualizers.set(w, r);
  return r;
}

/**
 * The coefficients θ of (Σu, Σw0u) — Su and Swu are 0 outside the `touched` cells — and, unless the weighting
 * has Ψ (the caller then takes the variance from θ), the adjustments `a` of every cell.
 */
function residualize(
  w: TWeighting,
  r: TResidualizer,
  Su: Float64Array,
  Swu: Float64Array,
  touched: Int32Array,
  nTouched: number,
  a: Float64Array,
  theta: Float64Array
): void {
  if (r.L === 0) {
    a.fill(0);
    return;
  }
  const L = r.L;
  theta.fill(0);
  if (r.Psi) {
    const { v, partitions, t: ct, levelOf } = r;
    const P = partitions.length;
    v.fill(0);
    if (!r.usesSwu)
      for (let t = 0; t < nTouched; t++) {
        const j = touched[t];
        const u = ct[j] * Su[j];
        for (let p = 0, at = j * P; p < P; p++) v[levelOf[at + p]] += u;
      }
    else
      for (let t = 0; t < nTouched; t++) {
        const j = touched[t];
        const u = ct[j] * Su[j];
        const uw = ct[j] * Swu[j];
        for (let p = 0, at = j * P; p < P; p++) v[levelOf[at + p]] += partitions[p].useSw ? uw : u;
      }
    const Psi = r.Psi;
    for (let x = 0; x < L; x++) {
      const vx = v[x];
      if (vx === 0) continue;
      for (let l = 0, base = x * L; l < L; l++) theta[l] += Psi[base + l] * vx;
    }
    return; // the caller uses θ: a is needed only in the touched cells
  }
  if (!(r.usesSu ? r.Ku : true) || !(r.usesSwu ? r.Kw : true)) {
    runSteps(w, r, Su, Swu, a, null);
    return;
  }
  for (let t = 0; t < nTouched; t++) {
    const j = touched[t];
    const base = j * L;
    if (r.Ku && Su[j] !== 0) {
      const x = Su[j];
      for (let l = 0; l < L; l++) theta[l] += r.Ku[base + l] * x;
    }
    if (r.Kw && Swu[j] !== 0) {
      const x = Swu[j];
      for (let l = 0; l < L; l++) theta[l] += r.Kw[base + l] * x;
    }
  }
  a.fill(0);
  for (const { index, offset } of r.partitions) for (let i = 0; i < r.nCells; i++) a[i] += theta[offset + index[i]];
}

/**
 * A choice question's counts as numbers only, for `proportionsOfTable`: row r holds n[r] respondents of the
 * weighting cell cell[r] (an index into the weighting's cells) whose answer is code[r] (an index into the codes;
 * −1 an answer not asked about, −2 no answer), with the sums of their base weights sw[r] and squared base weights
 * sw2[r]. `proportionsMany` makes one from a TSurveyData; a server can make one straight from integer-indexed
 * counters, with no string per row.
 */
export interface TCountTable {
  length: number;
  cell: Int32Array;
  code: Int32Array;
  n: Float64Array;
  sw: Float64Array;
  sw2: Float64Array;
}

/**
 * `proportions` of one choice question in several domains at once — every answer code of every domain from
 * one pass over the groups and one residualization per answer (the operator of the weighting is made once and
 * kept with it). The figures are those of `proportionsPerAnswer` up to the order of floating-point sums. A domain
 * whose estimate cannot be made (no respondents, a stratum with one respondent) gets its SurveyStatsError.
 */
export function proportionsMany(
  data: TSurveyData,
  w: TWeighting,
  domains: readonly TDomain[],
  options: TEstimateOptions & { codes?: readonly string[] } = {}
): (TProportions | SurveyStatsError)[] {
  if (data.kind !== 'choice')
    throw new SurveyStatsError(
      'surveys.error.badInput',
      { where: 'kind' },
      'proportions need a choice question; use mean()'
    );
  const codes = codesOf(data, options.codes);
  const codeIndex = new Map(codes.map((c, k) => [c, k]));
  const groups = data.groups;
  const m = groups.length;
  const table: TCountTable = {
    length: m,
    cell: new Int32Array(m),
    code: new Int32Array(m),
    n: new Float64Array(m),
    sw: new Float64Array(m),
    sw2: new Float64Array(m)
  };
  groups.forEach((g, j) => {
    const i = w.index.get(g.cellKey);
    if (i === undefined) throw new RangeError('the weighting was made from other data');
    table.cell[j] = i;
    table.code[j] = g.answer === null ? -2 : (codeIndex.get(g.answer) ?? -1);
    table.n[j] = g.n;
    table.sw[j] = g.sw;
    table.sw2[j] = g.sw2;
  });
  const rowsOf = domains.map((d) => {
    const rows: number[] = [];
    for (let j = 0; j < m; j++) if (inDomain(groups[j], d)) rows.push(j);
    return Int32Array.from(rows);
  });
  return proportionsOfTable(table, w, codes, domains, rowsOf, options);
}

/**
 * The core of `proportionsMany` on a count table: `rowsOf[d]` lists the rows in domain d, in increasing order
 * (`domains[d]` names it in errors), so each domain costs its own rows — all groups of a breakdown together cost
 * one pass over the table. Rows without an answer (code −2) are never counted.
 */
export function proportionsOfTable(
  table: TCountTable,
  w: TWeighting,
  codes: readonly string[],
  domains: readonly TDomain[],
  rowsOf: readonly Int32Array[],
  options: TEstimateOptions = {}
): (TProportions | SurveyStatsError)[] {
  const level = options.level ?? 0.95;
  const K = codes.length;
  const nCells = w.cells.length;
  const { cell: cellOf, code: codeOf, n: rowN, sw: rowSw, sw2: rowSw2 } = table;
  const r = residualizerOf(w);
  // Base weights of 1 (a table whose sw and sw2 are its n): Σw0 and Σw0² are n, summed once.
  const unit = rowSw === rowN && rowSw2 === rowN;
  const Dn = new Float64Array(nCells);
  const Dsw = unit ? Dn : new Float64Array(nCells);
  const Dsw2 = unit ? Dn : new Float64Array(nCells);
  const An = new Float64Array(nCells * K);
  const Asw = unit ? An : new Float64Array(nCells * K);
  const Asw2 = unit ? An : new Float64Array(nCells * K);
  const inCell = new Uint8Array(nCells);
  const touched = new Int32Array(nCells);
  const Su = new Float64Array(nCells);
  const Swu = new Float64Array(nCells);
  const a = new Float64Array(nCells);
  const theta = new Float64Array(Math.max(1, r.L));
  const nStrata = r.strata.length;
  const sx = new Float64Array(nStrata);
  const sxx = new Float64Array(nStrata);
  return domains.map((domain, d): TProportions | SurveyStatsError => {
    const rows = rowsOf[d];
    let nTouched = 0;
    for (let x = 0; x < rows.length; x++) {
      const j = rows[x];
      if (codeOf[j] === -2) continue;
      const c = cellOf[j];
      if (!inCell[c]) {
        inCell[c] = 1;
        touched[nTouched++] = c;
        Dn[c] = 0;
        An.fill(0, c * K, c * K + K);
        if (!unit) {
          Dsw[c] = 0;
          Dsw2[c] = 0;
          Asw.fill(0, c * K, c * K + K);
          Asw2.fill(0, c * K, c * K + K);
        }
      }
      const k = codeOf[j];
      Dn[c] += rowN[j];
      if (k >= 0) An[c * K + k] += rowN[j];
      if (!unit) {
        Dsw[c] += rowSw[j];
        Dsw2[c] += rowSw2[j];
        if (k >= 0) {
          Asw[c * K + k] += rowSw[j];
          Asw2[c * K + k] += rowSw2[j];
        }
      }
    }
    // The touched cells are cleared when next touched; inCell is cleared at the end of the domain.
    const result = domainProportions(domain, r, w, codes, level, touched, nTouched, inCell, {
      Dn,
      Dsw,
      Dsw2,
      An,
      Asw,
      Asw2,
      Su,
      Swu,
      a,
      theta,
      sx,
      sxx
    });
    for (let t = 0; t < nTouched; t++) inCell[touched[t]] = 0;
    return result;
  });
}

function domainProportions(
  domain: TDomain,
  r: TResidualizer,
  w: TWeighting,
  codes: readonly string[],
  level: number,
  touched: Int32Array,
  nTouched: number,
  inCell: Uint8Array,
  s: {
    Dn: Float64Array;
    Dsw: Float64Array;
    Dsw2: Float64Array;
    An: Float64Array;
    Asw: Float64Array;
    Asw2: Float64Array;
    Su: Float64Array;
    Swu: Float64Array;
    a: Float64Array;
    theta: Float64Array;
    sx: Float64Array;
    sxx: Float64Array;
  }
): TProportions | SurveyStatsError {
  const { Dn, Dsw, Dsw2, An, Asw, Asw2, Su, Swu, a, theta, sx, sxx } = s;
  const K = codes.length;
  const nCells = r.nCells;
  const nStrata = r.strata.length;
  const f = r.f;
  let n = 0;
  let W = 0;
  let W2 = 0;
  for (let t = 0; t < nTouched; t++) {
    const c = touched[t];
    n += Dn[c];
    W += f[c] * Dsw[c];
    W2 += f[c] * f[c] * Dsw2[c];
  }
  if (n === 0 || !(W > 0))
    return new SurveyStatsError(
      'surveys.error.noRespondents',
      { cell: describeDomain(domain) },
      `no respondents answered in ${describeDomain(domain)}`
    );
  const answers: TProportion[] = [];
  for (let k = 0; k < K; k++) {
    let T = 0;
    let nk = 0;
    for (let t = 0; t < nTouched; t++) {
      const c = touched[t];
      T += f[c] * Asw[c * K + k];
      nk += An[c * K + k];
    }
    const p = T / W;
    const alpha = 1 / W;
    const beta = -p / W;
    // Su and Swu are 0 outside the touched cells (cleared after each answer below).
    for (let t = 0; t < nTouched; t++) {
      const c = touched[t];
      Su[c] = alpha * An[c * K + k] + beta * Dn[c];
      Swu[c] = alpha * Asw[c * K + k] + beta * Dsw[c];
    }
    residualize(w, r, Su, Swu, touched, nTouched, a, theta);
    sx.fill(0);
    sxx.fill(0);
    const { g: cg, t: ct, sw: csw, sw2: csw2, stratumOf } = r;
    // Per touched cell i with adjustment ai (inlined, no closure per answer): withA adds the a-terms of the cell
    // itself; without, they come from θ below.
    const { levelOf } = r;
    const P = r.partitions.length;
    const viaTheta = r.L !== 0 && r.Q !== null && r.G1 !== null && r.levelStratum !== null;
    if (r.L === 0 || viaTheta)
      for (let t = 0; t < nTouched; t++) {
        const i = touched[t];
        let ai = 0;
        if (viaTheta) for (let p = 0, at = i * P; p < P; p++) ai += theta[levelOf[at + p]];
        const asw2 = Asw2[i * K + k];
        const sw2u = alpha * asw2 + beta * Dsw2[i];
        const sw2u2 = alpha * alpha * asw2 + 2 * alpha * beta * asw2 + beta * beta * Dsw2[i];
        const st = stratumOf[i];
        const gi = cg[i];
        const ti = ct[i];
        if (!viaTheta) {
          // No calibration: a = 0, and cells outside the domain add nothing.
          sx[st] += gi * (ti * Swu[i] - ai * csw[i]);
          sxx[st] += gi * gi * (ti * ti * sw2u2 - 2 * ti * ai * sw2u + ai * ai * csw2[i]);
        } else {
          sx[st] += gi * ti * Swu[i];
          sxx[st] += gi * gi * (ti * ti * sw2u2 - 2 * ti * ai * sw2u);
        }
      }
    if (r.L === 0) {
      // (done above)
    } else if (viaTheta) {
      // a = Σ_p θ of the cell's parts: the touched cells above, the a-only terms of all cells from θ.
      const L = r.L;
      const G1 = r.G1!;
      const Qstart = r.Qstart!;
      const Qcol = r.Qcol!;
      const Qval = r.Qval!;
      const levelStratum = r.levelStratum!;
      for (let l = 0; l < L; l++) {
        const th = theta[l];
        if (th === 0) continue;
        let q = 0;
        for (let e = Qstart[l], end = Qstart[l + 1]; e < end; e++) q += Qval[e] * theta[Qcol[e]];
        sx[levelStratum[l]] -= th * G1[l];
        sxx[levelStratum[l]] += th * q;
      }
    } else
      for (let i = 0; i < nCells; i++) {
        if (inCell[i]) {
          const ai = a[i];
          const asw2 = Asw2[i * K + k];
          const sw2u = alpha * asw2 + beta * Dsw2[i];
          const sw2u2 = alpha * alpha * asw2 + 2 * alpha * beta * asw2 + beta * beta * Dsw2[i];
          const st = stratumOf[i];
          const gi = cg[i];
          const ti = ct[i];
          sx[st] += gi * (ti * Swu[i] - ai * csw[i]);
          sxx[st] += gi * gi * (ti * ti * sw2u2 - 2 * ti * ai * sw2u + ai * ai * csw2[i]);
        } else {
          const st = stratumOf[i];
          sx[st] -= cg[i] * a[i] * csw[i];
          sxx[st] += cg[i] * cg[i] * a[i] * a[i] * csw2[i];
        }
      }
    for (let t = 0; t < nTouched; t++) {
      Su[touched[t]] = 0;
      Swu[touched[t]] = 0;
    }
    let variance = 0;
    for (let st = 0; st < nStrata; st++) {
      const sn = r.strataN[st];
      if (sn < 2 && sxx[st] === 0 && sx[st] === 0) continue;
      if (sn < 2)
        return new SurveyStatsError(
          'surveys.error.singleRespondentStratum',
          { stratum: r.strata[st] },
          `stratum ${r.strata[st]} has a single respondent: its variance cannot be estimated`
        );
      variance += (sn / (sn - 1)) * Math.max(0, sxx[st] - (sx[st] * sx[st]) / sn);
    }
    const se = Math.sqrt(variance);
    let num = 0;
    for (let t = 0; t < nTouched; t++) {
      const c = touched[t];
      const asw = Asw[c * K + k];
      num += f[c] * (asw - 2 * p * asw + p * p * Dsw[c]);
    }
    const vsrs = num / W / (n - 1);
    const deff = n > 1 && vsrs > 0 ? variance / vsrs : NaN;
    const [ci_low, ci_high] = waldInterval(p, se, level);
    const [logit_ci_low, logit_ci_high] = logitInterval(p, se, level);
    answers.push({
      code: codes[k],
      n: nk,
      proportion: p,
      se,
      ci_low,
      ci_high,
      logit_ci_low,
      logit_ci_high,
      deff,
      effective_n: n / deff
    });
  }
  const kish = (W * W) / W2;
  return { base_n: n, sum_weights: W, effective_n: kish, deff: n / kish, answers };
}
