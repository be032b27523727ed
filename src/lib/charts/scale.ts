/**
 * Axis arithmetic for the server-rendered charts (pure): round axis bounds, ticks that cover the domain,
 * and linear scales from data values to SVG user units.
 */

/** A round step (1, 2, 2.5 or 5 × 10^k) so that `span` is split into at most about `maxTicks` intervals. */
export function niceStep(span: number, maxTicks = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const rough = span / Math.max(1, maxTicks);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough * (1 - 1e-12)) ?? 10 * magnitude;
}

export interface TNiceDomain {
  lo: number;
  hi: number;
  step: number;
  ticks: number[];
}

/** Rounds values to the step's decimals so ticks print as 0.1, not 0.30000000000000004. */
function clean(x: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(x.toFixed(Math.min(decimals, 15)));
}

/**
 * Round bounds lo ≤ min and hi ≥ max, clamped to [floor, ceiling] when given (a proportion axis never
 * goes below 0 or above 1), with the ticks lo, lo + step, …, hi.
 */
export function niceDomain(
  min: number,
  max: number,
  options: { maxTicks?: number; floor?: number; ceiling?: number } = {}
): TNiceDomain {
  let a = Number.isFinite(min) ? min : 0;
  let b = Number.isFinite(max) ? max : 1;
  if (a > b) [a, b] = [b, a];
  if (b - a < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) {
    const pad = Math.abs(a) < 1e-9 ? 1 : Math.abs(a) * 0.1;
    a -= pad;
    b += pad;
  }
  if (options.floor !== undefined) a = Math.max(a, options.floor);
  if (options.ceiling !== undefined) b = Math.min(b, options.ceiling);
  if (a >= b) b = a + 1;
  const step = niceStep(b - a, options.maxTicks ?? 5);
  let lo = clean(Math.floor(a / step + 1e-9) * step, step);
  let hi = clean(Math.ceil(b / step - 1e-9) * step, step);
  if (lo > a) lo = clean(lo - step, step);
  if (hi < b) hi = clean(hi + step, step);
  if (options.floor !== undefined && lo < options.floor) lo = options.floor;
  if (options.ceiling !== undefined && hi > options.ceiling) hi = options.ceiling;
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const v = clean(lo + i * step, step);
    if (v > hi + step * 1e-9) break;
    ticks.push(v);
    if (i > 100) break;
  }
  if (ticks[ticks.length - 1] < hi - step * 1e-9) ticks.push(hi);
  return { lo, hi, step, ticks };
}

/** The linear map of [d0, d1] onto [r0, r1]. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number]
): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Keeps a value inside [lo, hi]. */
export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** A coordinate rounded to 0.1 for compact markup. */
export const r1 = (n: number): number => Math.round(n * 10) / 10;
