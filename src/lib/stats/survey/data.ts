/**
 * The input of the engine: respondents grouped by everything an estimate can tell apart —
 * stratum (the wave), weighting cell, answer and subgroup. A group holds sums, not people, so the
 * same numbers come from a counter table (one row per wave × question × answer × cell, `fromCounts`)
 * and from microdata (one row per respondent, `fromMicrodata`), and the cost of weighting and of
 * every estimate depends on the number of groups, never on the number of respondents.
 */
import { SurveyStatsError } from './errors';

/** Sums over the respondents of one group (w = base weight, y = numeric answer). */
export interface TGroupSums {
  n: number;
  sw: number;
  sw2: number;
  /** Numeric answers only: Σy, Σw·y, Σw·y², Σw²·y, Σw²·y². */
  sy: number;
  swy: number;
  swy2: number;
  sw2y: number;
  sw2y2: number;
}

export interface TUnitGroup extends TGroupSums {
  stratum: string;
  /** Levels of the weighting variables, in the order of `TSurveyData.variables`. */
  cell: readonly string[];
  /** Stratum and cell as one key. */
  cellKey: string;
  /** Answer code of a choice question; null = did not answer. For a numeric question: 'answered' or null. */
  answer: string | null;
  /** Subgroup for breakdowns (`by`), or null. */
  group: string | null;
}

export interface TSurveyData {
  /** The weighting variables that make up a cell, e.g. ['sex', 'age']. */
  variables: readonly string[];
  /** 'choice': proportions per answer code; 'numeric': means of the y sums. */
  kind: 'choice' | 'numeric';
  groups: TUnitGroup[];
}

const SEP = '\u001f';
export const cellKeyOf = (stratum: string, cell: readonly string[]): string => {
  let key = stratum;
  for (const level of cell) key += SEP + level;
  return key;
};

/** One counter: respondents of a stratum and cell who gave `answer` (null: no answer) — base weight 1. */
export interface TCellCount {
  stratum: string;
  cell: readonly string[];
  answer: string | null;
  group?: string | null;
  n: number;
  /** Σ base weights and Σ base weights² of these respondents; default n (base weight 1). */
  sw?: number;
  sw2?: number;
}

function checkCell(variables: readonly string[], cell: readonly string[], where: string): void {
  if (cell.length !== variables.length)
    throw new SurveyStatsError(
      'surveys.error.badInput',
      { where },
      `${where}: a cell needs one level for each weighting variable (${variables.join(', ')})`
    );
}

/**
 * The key and a copy of a cell, made once per cell array and stratum: counters of many questions and answers share
 * one projected cell array (the server makes one per distinct cell), so their groups share one key and one copy.
 */
const cellMemo = new WeakMap<readonly string[], { stratum: string; key: string; cell: readonly string[] }>();
function cellOfCount(stratum: string, cell: readonly string[]): { key: string; cell: readonly string[] } {
  const kept = cellMemo.get(cell);
  if (kept && kept.stratum === stratum && kept.cell.length === cell.length && kept.cell.every((x, i) => x === cell[i]))
    return kept;
  const made = { stratum, key: cellKeyOf(stratum, cell), cell: [...cell] };
  cellMemo.set(cell, made);
  return made;
}

/**
 * Data from counters (the sufficient statistics of a choice question). Respondents who did not answer
 * the question must be counted with `answer: null`, because they still carry weight in their cell.
 */
export function fromCounts(variables: readonly string[], counts: readonly TCellCount[]): TSurveyData {
  const byKey = new Map<string, TUnitGroup>();
  counts.forEach((c, i) => {
    checkCell(variables, c.cell, `count ${i + 1}`);
    if (!Number.isInteger(c.n) || c.n < 0)
      throw new SurveyStatsError(
        'surveys.error.badInput',
        { where: `count ${i + 1}` },
        `count ${i + 1}: n must be a whole number ≥ 0`
      );
    if (c.n === 0) return;
    const sw = c.sw ?? c.n;
    const sw2 = c.sw2 ?? c.n;
    if (!(sw > 0) || !(sw2 > 0) || !Number.isFinite(sw) || !Number.isFinite(sw2))
      throw new SurveyStatsError(
        'surveys.error.badInput',
        { where: `count ${i + 1}` },
        `count ${i + 1}: base weights must be positive`
      );
    const group = c.group ?? null;
    const { key: cellKey, cell } = cellOfCount(c.stratum, c.cell);
    const key = cellKey + '\u001e' + (c.answer ?? '\u0000') + '\u001e' + (group ?? '\u0000');
    const g = byKey.get(key);
    if (g) {
      g.n += c.n;
      g.sw += sw;
      g.sw2 += sw2;
    } else
      byKey.set(key, {
        stratum: c.stratum,
        cell,
        cellKey,
        answer: c.answer,
        group,
        n: c.n,
        sw,
        sw2,
        sy: 0,
        swy: 0,
        swy2: 0,
        sw2y: 0,
        sw2y2: 0
      });
  });
  return { variables: [...variables], kind: 'choice', groups: [...byKey.values()] };
}

/** One respondent. `value`: the answer code (choice) or number (numeric), null when not answered. */
export interface TRespondent {
  stratum: string;
  cell: readonly string[];
  value: string | number | null;
  group?: string | null;
  /** Base weight, default 1. */
  weight?: number;
}

/** Data from microdata: respondents with identical stratum, cell, answer and subgroup are summed. */
export function fromMicrodata(
  variables: readonly string[],
  respondents: Iterable<TRespondent>,
  kind: 'choice' | 'numeric' = 'choice'
): TSurveyData {
  const byKey = new Map<string, TUnitGroup>();
  let i = 0;
  for (const r of respondents) {
    i++;
    checkCell(variables, r.cell, `respondent ${i}`);
    const w = r.weight ?? 1;
    if (!(w > 0) || !Number.isFinite(w))
      throw new SurveyStatsError(
        'surveys.error.badInput',
        { where: `respondent ${i}` },
        `respondent ${i}: the base weight must be a positive number`
      );
    let answer: string | null;
    let y = 0;
    if (r.value === null) answer = null;
    else if (kind === 'numeric') {
      if (typeof r.value !== 'number' || !Number.isFinite(r.value))
        throw new SurveyStatsError(
          'surveys.error.badInput',
          { where: `respondent ${i}` },
          `respondent ${i}: the answer must be a number`
        );
      answer = 'answered';
      y = r.value;
    } else answer = String(r.value);
    const group = r.group ?? null;
    const cellKey = cellKeyOf(r.stratum, r.cell);
    const key = [cellKey, answer ?? '\u0000', group ?? '\u0000'].join('\u001e');
    let g = byKey.get(key);
    if (!g) {
      g = {
        stratum: r.stratum,
        cell: [...r.cell],
        cellKey,
        answer,
        group,
        n: 0,
        sw: 0,
        sw2: 0,
        sy: 0,
        swy: 0,
        swy2: 0,
        sw2y: 0,
        sw2y2: 0
      };
      byKey.set(key, g);
    }
    g.n += 1;
    g.sw += w;
    g.sw2 += w * w;
    if (y !== 0) {
      g.sy += y;
      g.swy += w * y;
      g.swy2 += w * y * y;
      g.sw2y += w * w * y;
      g.sw2y2 += w * w * y * y;
    }
  }
  return { variables: [...variables], kind, groups: [...byKey.values()] };
}
