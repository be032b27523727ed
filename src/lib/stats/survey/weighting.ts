/**
 * Weighting to population totals, at the level of weighting cells (stratum × levels of the weighting
 * variables). Every respondent of a cell gets base weight × g (× t after trimming), so weighting costs
 * the number of cells. The algorithms follow R's survey package step by step (`postStratify`,
 * `rake`, `trimWeights`), so the weights agree with it to rounding.
 */
import { SurveyStatsError } from './errors';
import { cellKeyOf, type TSurveyData } from './data';

/** Population totals of the cells of some weighting variables, the same in every stratum (wave). */
export interface TTarget {
  variables: readonly string[];
  cells: readonly { levels: readonly string[]; total: number }[];
}

/** A weighting cell: its respondents, their base weights, and the factors applied to them. */
export interface TWeightCell {
  key: string;
  stratum: string;
  cell: readonly string[];
  n: number;
  sw: number;
  sw2: number;
  /** Calibration factor: final weight = base weight × g × t. */
  g: number;
  /** Trimming factor (1 unless trimmed). */
  t: number;
}

/** How the weights were made; the variance needs the partitions (R's `design$postStrata`). */
export type TWeightingStep = { kind: 'poststratify'; parts: string[] } | { kind: 'rake'; margins: string[][] };

export interface TWeighting {
  method: 'none' | 'poststratify' | 'rake';
  variables: readonly string[];
  cells: TWeightCell[];
  index: Map<string, number>;
  steps: TWeightingStep[];
  iterations: number;
  /** Largest change of a cell's weight total in the last raking sweep. */
  lastChange: number;
  trimmed: boolean;
}

export interface TRakeControl {
  /** Largest number of sweeps over all margins (R: maxit). Default 50. */
  maxit?: number;
  /**
   * Convergence: stop when no cell total changes by more than epsilon in a sweep; below 1 it is
   * relative to the sum of base weights (as R's rake). Default 1e-9.
   */
  epsilon?: number;
}

const describe = (stratum: string, variables: readonly string[], levels: readonly string[]) =>
  `${variables.map((v, i) => `${v}=${levels[i]}`).join(', ')} (stratum ${stratum})`;

function baseCells(data: TSurveyData): TWeighting {
  const index = new Map<string, number>();
  const cells: TWeightCell[] = [];
  for (const g of data.groups) {
    let i = index.get(g.cellKey);
    if (i === undefined) {
      i = cells.length;
      index.set(g.cellKey, i);
      cells.push({ key: g.cellKey, stratum: g.stratum, cell: g.cell, n: 0, sw: 0, sw2: 0, g: 1, t: 1 });
    }
    const c = cells[i];
    c.n += g.n;
    c.sw += g.sw;
    c.sw2 += g.sw2;
  }
  return {
    method: 'none',
    variables: data.variables,
    cells,
    index,
    steps: [],
    iterations: 0,
    lastChange: 0,
    trimmed: false
  };
}

/** No calibration: the base weights as they are. */
export function noWeighting(data: TSurveyData): TWeighting {
  return baseCells(data);
}

function positions(all: readonly string[], variables: readonly string[]): number[] {
  return variables.map((v) => {
    const i = all.indexOf(v);
    if (i < 0)
      throw new SurveyStatsError(
        'surveys.error.badInput',
        { variable: v },
        `"${v}" is not one of the weighting variables (${all.join(', ')})`
      );
    return i;
  });
}

/** The part (stratum × levels of the target's variables) each cell belongs to. */
function partsOf(w: TWeighting, target: TTarget): { parts: string[]; pos: number[] } {
  const pos = positions(w.variables, target.variables);
  return {
    pos,
    parts: w.cells.map((c) =>
      cellKeyOf(
        c.stratum,
        pos.map((p) => c.cell[p])
      )
    )
  };
}

function totalOf(target: TTarget): number {
  return target.cells.reduce((s, c) => s + c.total, 0);
}

function checkTarget(target: TTarget): void {
  const seen = new Set<string>();
  for (const c of target.cells) {
    if (c.levels.length !== target.variables.length || !Number.isFinite(c.total) || c.total < 0)
      throw new SurveyStatsError(
        'surveys.error.badInput',
        { cell: c.levels.join(', ') },
        `margin ${target.variables.join(' × ')}: bad cell ${c.levels.join(', ')} (a total must be a number ≥ 0)`
      );
    const k = c.levels.join('\u001f');
    if (seen.has(k))
      throw new SurveyStatsError(
        'surveys.error.badInput',
        { cell: c.levels.join(', ') },
        `margin ${target.variables.join(' × ')}: cell ${c.levels.join(', ')} is given twice`
      );
    seen.add(k);
  }
}

/** Labels as numbers 0, 1, … in first-seen order. */
function indexOf(labels: readonly string[]): { index: Int32Array; count: number } {
  const ids = new Map<string, number>();
  const index = new Int32Array(labels.length);
  labels.forEach((label, i) => {
    let id = ids.get(label);
    if (id === undefined) ids.set(label, (id = ids.size));
    index[i] = id;
  });
  return { index, count: ids.size };
}

/** One post-stratification step on the current factors g (R's postStratify). Returns the cells' parts. */
function postStratifyStep(w: TWeighting, target: TTarget): string[] {
  const { parts, pos } = partsOf(w, target);
  const sample = new Map<string, number>();
  w.cells.forEach((c, i) => sample.set(parts[i], (sample.get(parts[i]) ?? 0) + c.sw * c.g));
  const population = new Map<string, number>();
  for (const c of target.cells) population.set(c.levels.join('\u001f'), c.total);
  const ratio = new Map<string, number>();
  // Every respondent's cell must have a population total …
  w.cells.forEach((c, i) => {
    if (ratio.has(parts[i])) return;
    const levels = pos.map((p) => c.cell[p]);
    const total = population.get(levels.join('\u001f'));
    if (total === undefined || total === 0) {
      const where = describe(c.stratum, target.variables, levels);
      throw new SurveyStatsError(
        'surveys.error.notInMargins',
        { cell: where },
        `respondents in ${where} have no population total in the margins`
      );
    }
    ratio.set(parts[i], total / sample.get(parts[i])!);
  });
  // … and every population cell of every stratum needs respondents.
  const strata = [...new Set(w.cells.map((c) => c.stratum))];
  for (const stratum of strata)
    for (const c of target.cells) {
      if (c.total === 0) continue;
      if (!sample.get(cellKeyOf(stratum, c.levels))) {
        const where = describe(stratum, target.variables, c.levels);
        throw new SurveyStatsError(
          'surveys.error.noRespondents',
          { cell: where },
          `no respondents in ${where}, which has a population total of ${c.total}`
        );
      }
    }
  w.cells.forEach((c, i) => {
    c.g *= ratio.get(parts[i])!;
  });
  return parts;
}

/** Post-stratification to one set of cells (R: postStratify(design, ~wave + vars, population)). */
export function postStratify(data: TSurveyData, target: TTarget): TWeighting {
  checkTarget(target);
  const w = baseCells(data);
  const parts = postStratifyStep(w, target);
  w.method = 'poststratify';
  w.steps = [{ kind: 'poststratify', parts }];
  return w;
}

/** Raking (iterative proportional fitting) to several margins (R: rake(design, …, control)). */
export function rake(data: TSurveyData, margins: readonly TTarget[], control: TRakeControl = {}): TWeighting {
  if (margins.length === 0)
    throw new SurveyStatsError('surveys.error.badInput', { where: 'margins' }, 'raking needs at least one margin');
  margins.forEach(checkTarget);
  const totals = margins.map(totalOf);
  for (let i = 1; i < margins.length; i++)
    if (Math.abs(totals[i] - totals[0]) > 1e-9 * Math.max(totals[0], totals[i]))
      throw new SurveyStatsError(
        'surveys.error.marginTotals',
        {
          first: margins[0].variables.join(' × '),
          firstTotal: totals[0],
          other: margins[i].variables.join(' × '),
          otherTotal: totals[i]
        },
        `the margins do not sum to the same total: ${margins[0].variables.join(' × ')} sums to ${totals[0]}, ` +
          `${margins[i].variables.join(' × ')} to ${totals[i]}`
      );
  const maxit = control.maxit ?? 50;
  const epsilon0 = control.epsilon ?? 1e-9;
  const w = baseCells(data);
  const epsilon = epsilon0 < 1 ? epsilon0 * w.cells.reduce((s, c) => s + c.sw, 0) : epsilon0;
  // R compares the weighted table over (stratum × all raking variables) between sweeps.
  const used = [...new Set(margins.flatMap((m) => m.variables))];
  const pos = positions(w.variables, used);
  const tableKey = w.cells.map((c) =>
    cellKeyOf(
      c.stratum,
      pos.map((p) => c.cell[p])
    )
  );
  const cells = w.cells;
  const tableIndex = indexOf(tableKey);
  const table = () => {
    const t = new Float64Array(tableIndex.count);
    for (let i = 0; i < cells.length; i++) t[tableIndex.index[i]] += cells[i].sw * cells[i].g;
    return t;
  };
  let old = table();
  let iter = 0;
  let converged = false;
  let delta = Infinity;
  let parts: string[][] = [];
  // The first sweep checks every margin against the cells (postStratifyStep); the parts of the cells never
  // change, so later sweeps run on their indexes — the same sums in the same order, without a string per cell.
  let sweeps: { index: Int32Array; count: number; total: Float64Array }[] | null = null;
  while (iter < maxit) {
    if (!sweeps) {
      parts = margins.map((m) => postStratifyStep(w, m));
      sweeps = margins.map((m, k) => {
        const { index, count } = indexOf(parts[k]);
        const population = new Map<string, number>();
        for (const c of m.cells) population.set(c.levels.join('\u001f'), c.total);
        const pos = positions(w.variables, m.variables);
        const total = new Float64Array(count);
        cells.forEach((c, i) => (total[index[i]] = population.get(pos.map((p) => c.cell[p]).join('\u001f'))!));
        return { index, count, total };
      });
    } else
      for (const { index, count, total } of sweeps) {
        const sample = new Float64Array(count);
        for (let i = 0; i < cells.length; i++) sample[index[i]] += cells[i].sw * cells[i].g;
        for (let k = 0; k < count; k++) sample[k] = total[k] / sample[k];
        for (let i = 0; i < cells.length; i++) cells[i].g *= sample[index[i]];
      }
    const now = table();
    delta = 0;
    for (let k = 0; k < now.length; k++) delta = Math.max(delta, Math.abs(now[k] - old[k]));
    if (delta < epsilon) {
      converged = true;
      break;
    }
    old = now;
    iter++;
  }
  w.method = 'rake';
  w.steps = [{ kind: 'rake', margins: parts }];
  w.iterations = converged ? iter + 1 : iter;
  w.lastChange = delta;
  if (!converged)
    throw new SurveyStatsError(
      'surveys.error.notConverged',
      { iterations: iter, lastChange: delta },
      `raking did not converge after ${iter} sweeps: the last sweep still changed a cell total by ${delta} ` +
        `(needed < ${epsilon})`
    );
  return w;
}

/**
 * Trimming of final weights to [lower, upper] (R: trimWeights): the weight cut off is spread equally
 * over the respondents whose weights were inside; `strict` repeats until none is outside. Needs equal
 * base weights within each cell (always so for counters, where the base weight is 1).
 */
export function trimWeights(w: TWeighting, bounds: { lower?: number; upper?: number; strict?: boolean }): TWeighting {
  const lower = bounds.lower ?? -Infinity;
  const upper = bounds.upper ?? Infinity;
  for (const c of w.cells)
    if (Math.abs(c.sw2 * c.n - c.sw * c.sw) > 1e-9 * c.sw * c.sw)
      throw new SurveyStatsError(
        'surveys.error.trimNeedsEqualBaseWeights',
        { cell: describe(c.stratum, w.variables, c.cell) },
        `trimming needs equal base weights within each cell; ${describe(c.stratum, w.variables, c.cell)} has unequal ones`
      );
  const cells = w.cells.map((c) => ({ ...c }));
  const unit = (c: TWeightCell) => (c.sw / c.n) * c.g * c.t;
  for (let round = 0; round < 1000; round++) {
    const outside = cells.map((c) => unit(c) < lower || unit(c) > upper);
    if (!outside.some(Boolean)) break;
    let trimmings = 0;
    let inside = 0;
    cells.forEach((c, i) => {
      if (outside[i]) {
        const u = unit(c);
        const clamped = Math.max(lower, Math.min(u, upper));
        trimmings += c.n * (u - clamped);
        c.t *= clamped / u;
      } else inside += c.n;
    });
    if (inside === 0)
      throw new SurveyStatsError(
        'surveys.error.badInput',
        { where: 'trim' },
        'every weight lies outside the trimming bounds'
      );
    cells.forEach((c, i) => {
      if (!outside[i]) {
        const u = unit(c);
        c.t *= (u + trimmings / inside) / u;
      }
    });
    if (!bounds.strict) break;
  }
  return { ...w, cells, trimmed: true };
}

/** The final weight of one respondent with base weight `base` in the cell `cellKey`. */
export function weightOf(w: TWeighting, cellKey: string, base = 1): number {
  const i = w.index.get(cellKey);
  if (i === undefined) throw new RangeError(`no weighting cell ${cellKey}`);
  return base * w.cells[i].g * w.cells[i].t;
}
