/**
 * The counts a campaign effect is estimated from, as numbers (issue 8: the effect answers in < 50 ms when a
 * response has just arrived, at 1,000,000 responses): one indicator's respondents per wave, weighting cell, kind
 * of answer (the indicator's answer, another one, none) and group (exposed/unexposed, target/comparison…), made
 * from the integer-indexed counters of `readSomeWaveCounters` with no string and no object per counter row, and the
 * estimator over them: the weighting of the cells, then shares, differences and a difference-in-differences with
 * the engine's linearization SEs (`linearContrastOfRows`, src/lib/stats/survey). The figures are those the engine
 * gives on `TCellCount`s of the same counters (surveys.breakdown.ts `breakdownCounts`, surveys.results.ts
 * `countsFor`) — the tests compare them, and with the answers respondent by respondent.
 */
import {
  contrastRows,
  isSurveyStatsError,
  linearContrastOfRows,
  twoSidedP,
  waldInterval,
  type TDomain,
  type TRowsTerm
} from '../../stats/survey';
import { weightingTypes, type TWeightingType } from '../../surveys/definition';
import { cellFromKey } from '../../surveys/response';
import { AppError } from '../errors';
import type { DB } from '../db/schema';
import { readSomeWaveCounters, type TWaveCounters, type TWaveCountersOnly } from './surveys.counter-read';
import { memoized } from './surveys.results-cache';
import { weighCells, type TWeightingMethod } from './surveys.results';

/** Kinds of answer: the indicator's answer, another answer, no answer (non-respondents carry weight in their cell). */
const INDICATOR = 0;
const OTHER = 1;
const NONE = 2;
const KINDS = 3;

/**
 * Respondents of one indicator in some waves (strata): for wave s, `cells[s]` are its cell keys (survey_cell_count's
 * `cell`), and n[s][(c·3 + kind)·(G + 1) + group] the respondents of cell c who gave that kind of answer, in group
 * `groups[group]` (group = G: in no group). G = groups.length.
 */
export interface TEffectCounts {
  waveIds: readonly string[];
  groups: readonly string[];
  cells: readonly (readonly string[])[];
  n: Float64Array[];
}

/**
 * The counters of the waves of an effect (`only`: the indicator's, and the joint counters by the exposure or group
 * question), each wave's kept under its own generation (`keys`: surveys.results-cache.ts `waveKeys`, read before):
 * a response to the follow-up wave makes the effect compute again, but the baseline's counters, unchanged, are not
 * read again. Callers must not change the counters they get.
 */
export function effectWaveCounters(
  db: DB,
  keys: readonly string[],
  waveIds: readonly string[],
  only: TWaveCountersOnly
): Promise<TWaveCounters[]> {
  const what = JSON.stringify(only);
  return Promise.all(
    waveIds.map((id, i) =>
      memoized(db, ['wave-counters', keys[i], what].join('\u001f'), () => readSomeWaveCounters(db, id, only))
    )
  );
}

/** What a counter's answer is to the indicator, per answer index of a wave's dictionary. */
function kindsOf(snap: TWaveCounters, code: string): Int8Array {
  const kinds = new Int8Array(snap.answers.length).fill(OTHER);
  const at = snap.answerIndex.get(code);
  if (at !== undefined) kinds[at] = INDICATOR;
  return kinds;
}

/**
 * Counts of counter `counterId` (answer `code` = the indicator) without groups, or grouped by the cell (`groupOfCell`
 * of a cell key: a group index, or −1 for none), as surveys.results.ts `countsFor` makes them: the counter rows,
 * and per cell the respondents who did not answer (the cell's total less those who did).
 */
export function plainEffectCounts(
  snaps: readonly TWaveCounters[],
  counterId: string,
  code: string,
  groups: readonly string[] = [],
  groupOfCell: ((cell: string) => number) | null = null
): TEffectCounts {
  const G1 = groups.length + 1;
  const n = snaps.map((snap) => {
    const C = snap.cells.length;
    const out = new Float64Array(C * KINDS * G1);
    const groupOf = Int32Array.from(snap.cells, (cell) => {
      const g = groupOfCell ? groupOfCell(cell) : -1;
      return g < 0 ? G1 - 1 : g;
    });
    const kinds = kindsOf(snap, code);
    const answered = new Float64Array(C);
    const rows = snap.counters.get(counterId);
    if (rows)
      for (let r = 0; r < rows.length; r++) {
        const c = rows.cell[r];
        out[(c * KINDS + kinds[rows.answer[r]]) * G1 + groupOf[c]] += rows.n[r];
        answered[c] += rows.n[r];
      }
    for (const c of snap.order) {
      const missing = snap.cellN[c] - answered[c];
      if (missing > 0) out[(c * KINDS + NONE) * G1 + groupOf[c]] += missing;
    }
    return out;
  });
  return { waveIds: snaps.map((s) => s.waveId), groups, cells: snaps.map((s) => s.cells), n };
}

/**
 * Counts of counter `counterId` grouped by the answer to a breakdown question, from its joint counters (read with
 * `only.joint` for `counterId` and the breakdown question itself), as surveys.breakdown.ts `breakdownCounts` makes
 * them: `groupOfAnswer` gives the group index of a breakdown answer. Respondents who answered the counter but not
 * the breakdown question are in no group; those who answered the breakdown question but not the counter are the
 * group's non-respondents; the rest of each cell answered neither.
 */
export function jointEffectCounts(
  snaps: readonly TWaveCounters[],
  counterId: string,
  code: string,
  byQuestionId: string,
  groups: readonly string[],
  groupOfAnswer: (answer: string) => number
): TEffectCounts {
  const G = groups.length;
  const G1 = G + 1;
  const n = snaps.map((snap) => {
    const C = snap.cells.length;
    const A = snap.answers.length;
    const out = new Float64Array(C * KINDS * G1);
    const kinds = kindsOf(snap, code);
    const groupOf = Int32Array.from(snap.answers, (a) => groupOfAnswer(a));
    // Respondents per cell and group who answered the breakdown question: its joint counts with itself.
    const groupTotals = new Float64Array(C * G);
    const groupedInCell = new Float64Array(C);
    const by = snap.joint.get(byQuestionId);
    if (by)
      for (let r = 0; r < by.length; r++)
        if (by.answer[r] === by.byAnswer[r]) {
          const c = by.cell[r];
          const g = groupOf[by.byAnswer[r]];
          if (g >= 0) groupTotals[c * G + g] += by.n[r];
          groupedInCell[c] += by.n[r];
        }
    const answeredInGroup = new Float64Array(C * G);
    const answeredWithGroup = new Float64Array(C * A);
    const joint = snap.joint.get(counterId);
    if (joint)
      for (let r = 0; r < joint.length; r++) {
        const c = joint.cell[r];
        const g = groupOf[joint.byAnswer[r]];
        const k = joint.n[r];
        out[(c * KINDS + kinds[joint.answer[r]]) * G1 + (g >= 0 ? g : G)] += k;
        if (g >= 0) answeredInGroup[c * G + g] += k;
        answeredWithGroup[c * A + joint.answer[r]] += k;
      }
    const answeredNoGroup = new Float64Array(C);
    const plain = snap.counters.get(counterId);
    if (plain)
      for (let r = 0; r < plain.length; r++) {
        const c = plain.cell[r];
        const k = plain.n[r] - answeredWithGroup[c * A + plain.answer[r]];
        if (k > 0) out[(c * KINDS + kinds[plain.answer[r]]) * G1 + G] += k;
        answeredNoGroup[c] += Math.max(0, k);
      }
    for (let c = 0; c < C; c++)
      for (let g = 0; g < G; g++) {
        const k = groupTotals[c * G + g] - answeredInGroup[c * G + g];
        if (k > 0) out[(c * KINDS + NONE) * G1 + g] += k;
      }
    for (const c of snap.order) {
      const k = snap.cellN[c] - groupedInCell[c] - answeredNoGroup[c];
      if (k > 0) out[(c * KINDS + NONE) * G1 + G] += k;
    }
    return out;
  });
  return { waveIds: snaps.map((s) => s.waveId), groups, cells: snaps.map((s) => s.cells), n };
}

/** A contrast with its interval and test (R: svycontrast), as the effect shows it. */
export interface TContrastFigures {
  estimate: number;
  se: number;
  ci_low: number;
  ci_high: number;
  p_value: number;
}

/** A domain of an effect: waves (by id) and a group (by label); any group when absent. */
export interface TEffectDomain {
  strata: readonly string[];
  group?: string;
}

/**
 * The weighted estimator over effect counts: the cells projected on the weighting `variables` and weighted as asked
 * (an engine error, such as a margin category without respondents, refused on the `weighting` field), then per
 * domain the share of the indicator's answer (`share`: p, se and the respondents who answered, n), and linear
 * contrasts of shares (`contrast`: a difference, a difference-in-differences) with their linearization SEs, 95 %
 * Wald intervals and two-sided p-values. A domain without respondents (or a stratum of one respondent) is a
 * SurveyStatsError, as in the engine.
 */
export function effectCountsEstimator(variables: TWeightingType[], counts: TEffectCounts, method: TWeightingMethod) {
  const G1 = counts.groups.length + 1;
  const idx = variables.map((v) => weightingTypes.indexOf(v));
  // Every wave cell, projected on the variables, with its respondents: the weighting's input.
  const strata: string[] = [];
  const projected: string[][] = [];
  const totals: number[] = [];
  const first: number[] = [];
  counts.waveIds.forEach((waveId, s) => {
    first.push(projected.length);
    const n = counts.n[s];
    counts.cells[s].forEach((cell, c) => {
      const full = cellFromKey(cell);
      let total = 0;
      for (let x = c * KINDS * G1; x < (c + 1) * KINDS * G1; x++) total += n[x];
      strata.push(waveId);
      projected.push(idx.map((i) => full[i] ?? ''));
      totals.push(total);
    });
  });
  const weighted = weighCells(variables, method, strata, projected, Float64Array.from(totals));
  const w = weighted.w;
  if (!w)
    throw new AppError('validation', weighted.error!.key, {
      params: weighted.error!.params,
      fields: { weighting: weighted.error!.key }
    });
  // The answered respondents per weighting cell, kind (indicator or other) and group, then one row per count.
  const nW = w.cells.length;
  const sums = new Float64Array(nW * 2 * G1);
  const stratumOfCell = new Int32Array(nW).fill(-1);
  counts.waveIds.forEach((_, s) => {
    const n = counts.n[s];
    for (let c = 0; c < counts.cells[s].length; c++) {
      const i = weighted.cellOf[first[s] + c];
      if (i < 0) continue;
      stratumOfCell[i] = s;
      for (let kind = 0; kind < 2; kind++)
        for (let g = 0; g < G1; g++) sums[(i * 2 + kind) * G1 + g] += n[(c * KINDS + kind) * G1 + g];
    }
  });
  let m = 0;
  for (let x = 0; x < sums.length; x++) if (sums[x] > 0) m++;
  const rows = contrastRows(m);
  const rowStratum = new Int32Array(m);
  const rowGroup = new Int32Array(m);
  let j = 0;
  for (let x = 0; x < sums.length; x++) {
    const k = sums[x];
    if (!(k > 0)) continue;
    const g = x % G1;
    const kind = Math.floor(x / G1) % 2;
    const i = Math.floor(x / (2 * G1));
    const y = kind === INDICATOR ? k : 0;
    rows.cell[j] = i;
    rows.n[j] = rows.sw[j] = rows.sw2[j] = k;
    rows.sy[j] = rows.swy[j] = rows.sw2y[j] = rows.sw2y2[j] = y;
    rowStratum[j] = stratumOfCell[i];
    rowGroup[j] = g;
    j++;
  }
  const rowsOf = (d: TEffectDomain): Int32Array => {
    const s = new Set(d.strata.map((id) => counts.waveIds.indexOf(id)));
    const g = d.group === undefined ? -1 : counts.groups.indexOf(d.group);
    const list: number[] = [];
    for (let r = 0; r < m; r++)
      if (s.has(rowStratum[r]) && (d.group === undefined || (g >= 0 && rowGroup[r] === g))) list.push(r);
    return Int32Array.from(list);
  };
  const term = (d: TEffectDomain, coef: number): TRowsTerm => {
    const domain: TDomain = d.group === undefined ? { strata: d.strata } : { strata: d.strata, group: d.group };
    return { rows: rowsOf(d), coef, domain };
  };
  return {
    /** The share of the indicator's answer in a domain and the (unweighted) respondents who answered there. */
    share(d: TEffectDomain): { p: number; se: number; n: number } {
      const t = term(d, 1);
      const e = linearContrastOfRows(rows, w, [t]);
      let n = 0;
      for (let x = 0; x < t.rows.length; x++) n += rows.n[t.rows[x]];
      return { p: e.estimate, se: e.se, n };
    },
    /** Σ coef · share over domains, with its 95 % interval and two-sided p-value. */
    contrast(parts: readonly { domain: TEffectDomain; coef: number }[]): TContrastFigures {
      const e = linearContrastOfRows(
        rows,
        w,
        parts.map((p) => term(p.domain, p.coef))
      );
      const [ci_low, ci_high] = waldInterval(e.estimate, e.se);
      const z = e.se > 0 ? e.estimate / e.se : e.estimate === 0 ? 0 : Math.sign(e.estimate) * Infinity;
      return { estimate: e.estimate, se: e.se, ci_low, ci_high, p_value: twoSidedP(z) };
    }
  };
}

/** Runs an engine estimate; a domain without respondents or a one-respondent wave gives null. */
export function orNull<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (isSurveyStatsError(e)) return null;
    throw e;
  }
}
