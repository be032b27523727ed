/**
 * The evaluation planner's formulas (issue 8, research notes `surveys.md` §5): the minimum detectable
 * effect (MDE) of a campaign on an indicator that is a proportion, and the reverse — the sample needed
 * to detect a given change — for three designs:
 *
 * - (a) before/after: two independent survey waves (the two-proportion test of R's `power.prop.test`,
 *   two-sided, `strict = FALSE`, generalised to unequal samples);
 * - (b) exposed vs not exposed in the follow-up wave (the same test, the wave split by the share exposed);
 * - (c) difference-in-differences over exposed/unexposed × before/after, with the closed form of the notes
 *   MDE = (z₁₋α/₂ + z₁₋β) · √(deff · p(1 − p) · Σ 1/n_cell).
 *
 * A design effect deff divides every sample size (effective n = n / deff). Pure functions, no I/O.
 */
import { pnorm, qnorm } from './survey/normal';

export interface TPowerOptions {
  /** Two-sided significance level; default 0.05. */
  alpha?: number;
  /** Power wanted; default 0.8. */
  power?: number;
  /** Design effect of the weighting (≥ 1 usually); default 1. */
  deff?: number;
}

export class PowerInputError extends RangeError {}

function settings(o: TPowerOptions): { za: number; zb: number; deff: number } {
  const alpha = o.alpha ?? 0.05;
  const power = o.power ?? 0.8;
  const deff = o.deff ?? 1;
  if (!(alpha > 0 && alpha < 1)) throw new PowerInputError(`alpha must lie in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new PowerInputError(`power must lie in (0, 1), got ${power}`);
  if (!(deff > 0 && Number.isFinite(deff))) throw new PowerInputError(`deff must be > 0, got ${deff}`);
  return { za: qnorm(1 - alpha / 2), zb: qnorm(power), deff };
}

function checkP(p: number, name: string): void {
  if (!(p > 0 && p < 1)) throw new PowerInputError(`${name} must lie strictly between 0 and 1, got ${p}`);
}

function checkN(n: number, name: string): void {
  if (!(n > 0 && Number.isFinite(n))) throw new PowerInputError(`${name} must be > 0, got ${n}`);
}

/**
 * Power of the two-sided test of p1 = p2 with independent samples n1 and n2 (R `power.prop.test`,
 * strict = FALSE, for n1 = n2 = n): Φ((|p2 − p1| − z·√(p̄q̄(1/n1 + 1/n2))) / √(p1q1/n1 + p2q2/n2)),
 * p̄ the pooled proportion (n1p1 + n2p2)/(n1 + n2). Sample sizes are divided by deff.
 */
export function twoProportionPower(p1: number, p2: number, n1: number, n2: number, o: TPowerOptions = {}): number {
  checkP(p1, 'p1');
  checkP(p2, 'p2');
  checkN(n1, 'n1');
  checkN(n2, 'n2');
  const { za, deff } = settings(o);
  const e1 = n1 / deff;
  const e2 = n2 / deff;
  const pbar = (e1 * p1 + e2 * p2) / (e1 + e2);
  const null_ = Math.sqrt(pbar * (1 - pbar) * (1 / e1 + 1 / e2));
  const alt = Math.sqrt((p1 * (1 - p1)) / e1 + (p2 * (1 - p2)) / e2);
  return pnorm((Math.abs(p2 - p1) - za * null_) / alt);
}

/**
 * The smallest rise d (0 < d < 1 − p1) such that the test of p1 against p1 + d reaches the power, found
 * by bisection to 1e-12; null when even p1 → 1 is not detectable with these samples.
 */
function smallestRise(power: (d: number) => number, target: number, max: number): number | null {
  let hi = max * (1 - 1e-12);
  if (power(hi) < target) return null;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (power(mid) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The result of a planner computation: an MDE in proportion units (0.046 = 4.6 points) or null if none. */
export interface TMde {
  /** Smallest rise from the current level that the design detects with the power wanted; null: none below 100 %. */
  mde: number | null;
  /** Effective sample sizes used (n / deff), per compared group. */
  effective_n: number[];
}

/** (a) Before/after: current level p, n1 respondents before and n2 after. */
export function mdeBeforeAfter(p: number, n1: number, n2: number, o: TPowerOptions = {}): TMde {
  checkP(p, 'p');
  checkN(n1, 'n1');
  checkN(n2, 'n2');
  const { deff } = settings(o);
  const target = o.power ?? 0.8;
  const mde = smallestRise((d) => twoProportionPower(p, p + d, n1, n2, o), target, 1 - p);
  return { mde, effective_n: [n1 / deff, n2 / deff] };
}

function checkShare(s: number): void {
  if (!(s > 0 && s < 1)) throw new PowerInputError(`the share exposed must lie strictly between 0 and 1, got ${s}`);
}

/** (b) Exposed vs not exposed in one wave of n respondents, a share s exposed; p is the unexposed level. */
export function mdeExposed(p: number, n: number, share: number, o: TPowerOptions = {}): TMde {
  checkP(p, 'p');
  checkN(n, 'n');
  checkShare(share);
  const { deff } = settings(o);
  const target = o.power ?? 0.8;
  const nU = n * (1 - share);
  const nE = n * share;
  const mde = smallestRise((d) => twoProportionPower(p, p + d, nU, nE, o), target, 1 - p);
  return { mde, effective_n: [nU / deff, nE / deff] };
}

/**
 * (c) Difference-in-differences: waves of n1 and n2 respondents, each with a share s exposed; closed form of
 * the notes: (z₁₋α/₂ + z₁₋β) · √(deff · p(1−p) · (1/(s·n1) + 1/((1−s)·n1) + 1/(s·n2) + 1/((1−s)·n2))).
 */
export function mdeDid(p: number, n1: number, n2: number, share: number, o: TPowerOptions = {}): TMde {
  checkP(p, 'p');
  checkN(n1, 'n1');
  checkN(n2, 'n2');
  checkShare(share);
  const { za, zb, deff } = settings(o);
  const cells = [share * n1, (1 - share) * n1, share * n2, (1 - share) * n2];
  const sumInv = cells.reduce((a, c) => a + 1 / c, 0);
  const mde = (za + zb) * Math.sqrt(deff * p * (1 - p) * sumInv);
  return { mde: mde < 1 - p ? mde : null, effective_n: cells.map((c) => c / deff) };
}

/**
 * (a) reverse: respondents needed in EACH wave to detect a change from p1 to p2 (R `power.prop.test`):
 * n = deff · [z₁₋α/₂ √(2p̄q̄) + z₁₋β √(p1q1 + p2q2)]² / (p2 − p1)², p̄ = (p1 + p2)/2. Not rounded.
 */
export function sampleBeforeAfter(p1: number, p2: number, o: TPowerOptions = {}): number {
  checkP(p1, 'p1');
  checkP(p2, 'p2');
  if (p1 === p2) throw new PowerInputError('the change must not be zero');
  const { za, zb, deff } = settings(o);
  const pbar = (p1 + p2) / 2;
  const root = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return (deff * root * root) / ((p2 - p1) * (p2 - p1));
}

/**
 * (b) reverse: respondents needed in the follow-up wave, a share s exposed, to detect exposed p2 against
 * unexposed p1: n = deff · [z₁₋α/₂ √(p̄q̄(1/s + 1/(1−s))) + z₁₋β √(p1q1/(1−s) + p2q2/s)]² / (p2 − p1)²,
 * p̄ = (1−s)p1 + s·p2.
 */
export function sampleExposed(p1: number, p2: number, share: number, o: TPowerOptions = {}): number {
  checkP(p1, 'p1');
  checkP(p2, 'p2');
  checkShare(share);
  if (p1 === p2) throw new PowerInputError('the change must not be zero');
  const { za, zb, deff } = settings(o);
  const pbar = (1 - share) * p1 + share * p2;
  const root =
    za * Math.sqrt(pbar * (1 - pbar) * (1 / share + 1 / (1 - share))) +
    zb * Math.sqrt((p1 * (1 - p1)) / (1 - share) + (p2 * (1 - p2)) / share);
  return (deff * root * root) / ((p2 - p1) * (p2 - p1));
}

/** (c) reverse: respondents needed in EACH of the two waves for a DiD of `change` (closed form above). */
export function sampleDid(p: number, change: number, share: number, o: TPowerOptions = {}): number {
  checkP(p, 'p');
  checkShare(share);
  if (!(change !== 0 && Math.abs(change) < 1)) throw new PowerInputError(`bad change ${change}`);
  const { za, zb, deff } = settings(o);
  const z = za + zb;
  return (deff * z * z * p * (1 - p) * 2 * (1 / share + 1 / (1 - share))) / (change * change);
}

/** The whole plan as the planner page and `POST /api/v1/campaigns/plan` show it. */
export interface TPlanInput {
  /** Current level of the indicator (0–1). */
  level: number;
  /** Respondents planned before and after. */
  n_before: number;
  n_after: number;
  /** Expected share exposed to the campaign (0–1). */
  share_exposed: number;
  deff: number;
  /** The change the campaign hopes for, in proportion units (0.05 = 5 points, a rise). */
  hoped_change: number;
  alpha?: number;
  power?: number;
}

export interface TPlanDesign {
  design: 'before_after' | 'exposed' | 'did';
  mde: number | null;
  /** Respondents needed for the hoped-for change: per wave (before_after, did) or in the follow-up (exposed). */
  needed: number | null;
  /** True when the planned samples cannot detect the hoped-for change (mde null or above it). */
  underpowered: boolean;
}

export function plan(input: TPlanInput): TPlanDesign[] {
  const o: TPowerOptions = { alpha: input.alpha, power: input.power, deff: input.deff };
  const { level: p, n_before, n_after, share_exposed: s, hoped_change: d } = input;
  const reachable = p + d < 1;
  const a = mdeBeforeAfter(p, n_before, n_after, o).mde;
  const b = mdeExposed(p, n_after, s, o).mde;
  const c = mdeDid(p, n_before, n_after, s, o).mde;
  const row = (design: TPlanDesign['design'], mde: number | null, needed: number | null): TPlanDesign => ({
    design,
    mde,
    needed: needed === null ? null : Math.ceil(needed),
    underpowered: mde === null || mde > d
  });
  return [
    row('before_after', a, reachable ? sampleBeforeAfter(p, p + d, o) : null),
    row('exposed', b, reachable ? sampleExposed(p, p + d, s, o) : null),
    row('did', c, sampleDid(p, d, s, o))
  ];
}
