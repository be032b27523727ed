import type { MessageKey, TParams } from '../../i18n';

/**
 * The pure rules of the statistics module: reading periods and figures, checking imported rows,
 * planning an import against what is stored (the dry run and the real run share the plan), and the
 * attrition from report to conviction. No I/O.
 */

/** Earliest year a value may have; the latest is next year (a plan or an estimate). */
export const MIN_YEAR = 1990;
export function maxYear(now = new Date()): number {
  return now.getUTCFullYear() + 1;
}

/** Imports above this size are refused before they are parsed. */
export const MAX_IMPORT_BYTES = 256 * 1024;
/** And above this many rows or cells. */
export const MAX_IMPORT_ROWS = 5000;

export interface TPeriod {
  from: number;
  to: number;
}

/** "2017" → 2017–2017, "2004–2017" or "2004-2017" → 2004–2017; anything else null. */
export function parsePeriod(text: string): TPeriod | null {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { from: Number(m[1]), to: Number(m[1]) };
  m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(t);
  if (m && Number(m[1]) <= Number(m[2])) return { from: Number(m[1]), to: Number(m[2]) };
  return null;
}

export function periodLabel(p: TPeriod): string {
  return p.from === p.to ? String(p.to) : `${p.from}–${p.to}`;
}

export function periodInRange(p: TPeriod, now = new Date()): boolean {
  return p.from >= MIN_YEAR && p.to <= maxYear(now) && p.from <= p.to;
}

/** SSB's and Eurostat's symbols for a missing figure: the cell is a gap. */
const GAP_SYMBOLS = new Set(['', '.', '..', '...', ':', '-', '–']);

/**
 * Reads a figure: `1234`, `1 234`, `12,5` (decimal comma) or `12.5`. A missing-value symbol or an empty
 * cell is a gap (null). Anything else is not a number (undefined).
 */
export function parseFigure(text: string): number | null | undefined {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (GAP_SYMBOLS.has(t)) return null;
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

export interface TSourceInput {
  title: string;
  publisher: string;
  url: string;
  accessedOn: string | null;
}

export function sourceKey(s: Pick<TSourceInput, 'title' | 'publisher' | 'url'>): string {
  return JSON.stringify([s.title.trim(), s.publisher.trim(), s.url.trim()]);
}

/** One figure to import, already tied to a breakdown code, a period and a source. */
export interface TImportRow {
  /** Where it came from, for messages: "rad 4" / "row 4" is built from this. */
  ref: string;
  breakdown: string;
  period: TPeriod;
  value: number | null;
  note: string;
  source: TSourceInput;
}

export interface TImportIssue {
  /** The row or cell, e.g. "4" for CSV row 4 or "2017 / total" for a JSON-stat cell; empty for the file. */
  ref: string;
  field: string;
  message: MessageKey;
  params?: TParams;
}

export interface TBreakdownRef {
  code: string;
  labelNb: string;
  labelEn: string;
}

/** Finds an indicator's breakdown by its code or by its bokmål or English label (any case). */
export function resolveBreakdown(breakdowns: TBreakdownRef[], text: string): string | null {
  const t = text.trim().toLocaleLowerCase('nb');
  const hit = breakdowns.find(
    (b) =>
      b.code.toLocaleLowerCase('nb') === t || b.labelNb.toLocaleLowerCase('nb') === t || b.labelEn.toLowerCase() === t
  );
  return hit?.code ?? null;
}

/** A stored value as the planner sees it. */
export interface TStoredValue {
  id: string;
  breakdown: string;
  period: TPeriod;
  value: number | null;
  note: string;
  sourceKey: string;
}

export type TPlanAction = 'insert' | 'update' | 'unchanged';

export interface TPlannedRow {
  row: TImportRow;
  action: TPlanAction;
  /** The stored row an update changes. */
  existingId?: string;
  /** Other sources' different figures for the same cell: kept beside this one, never overwritten. */
  conflicts: { value: number | null; sourceKey: string }[];
}

export interface TImportPlan {
  rows: TPlannedRow[];
  counts: { insert: number; update: number; unchanged: number; conflicts: number };
}

function cellKey(breakdown: string, p: TPeriod): string {
  return `${breakdown}|${p.from}|${p.to}`;
}

/**
 * Compares incoming rows with stored values. The same cell from the same source is unchanged when the
 * figure and note agree and an update (a correction by that source) otherwise; a cell from a new source
 * is inserted beside any other source's figure, which is reported as a conflict. Running the plan twice
 * gives only `unchanged` the second time. Within one file, a later duplicate of a cell and source wins
 * (it is counted once).
 */
export function planImport(stored: TStoredValue[], incoming: TImportRow[]): TImportPlan {
  const bySourceCell = new Map<string, TStoredValue>();
  const byCell = new Map<string, TStoredValue[]>();
  for (const v of stored) {
    const c = cellKey(v.breakdown, v.period);
    bySourceCell.set(`${c}|${v.sourceKey}`, v);
    byCell.set(c, [...(byCell.get(c) ?? []), v]);
  }
  const latest = new Map<string, TImportRow>();
  for (const row of incoming) latest.set(`${cellKey(row.breakdown, row.period)}|${sourceKey(row.source)}`, row);
  const rows: TPlannedRow[] = [];
  const counts = { insert: 0, update: 0, unchanged: 0, conflicts: 0 };
  for (const [key, row] of latest) {
    const c = cellKey(row.breakdown, row.period);
    const sk = sourceKey(row.source);
    const same = bySourceCell.get(key);
    const conflicts = [...(byCell.get(c) ?? []), ...incomingOthers(latest, c, sk)]
      .filter((v) => v.sourceKey !== sk && v.value !== row.value)
      .map((v) => ({ value: v.value, sourceKey: v.sourceKey }));
    let action: TPlanAction = 'insert';
    if (same) action = same.value === row.value && same.note === row.note ? 'unchanged' : 'update';
    rows.push({ row, action, existingId: same?.id, conflicts });
    counts[action] += 1;
    if (conflicts.length) counts.conflicts += 1;
  }
  return { rows, counts };
}

function incomingOthers(latest: Map<string, TImportRow>, cell: string, sk: string) {
  const out: { value: number | null; sourceKey: string }[] = [];
  for (const row of latest.values()) {
    const rsk = sourceKey(row.source);
    if (rsk !== sk && cellKey(row.breakdown, row.period) === cell) out.push({ value: row.value, sourceKey: rsk });
  }
  return out;
}

/** Checks the parts of a row every import format shares: the period's range and the breakdown. */
export function checkRow(
  row: { ref: string; breakdownText: string; periodText: string; valueText: string },
  breakdowns: TBreakdownRef[],
  now = new Date()
): { issues: TImportIssue[]; breakdown?: string; period?: TPeriod; value?: number | null } {
  const issues: TImportIssue[] = [];
  const period = parsePeriod(row.periodText);
  if (!period)
    issues.push({
      ref: row.ref,
      field: 'period',
      message: 'stats.import.error.period',
      params: { value: row.periodText }
    });
  else if (!periodInRange(period, now))
    issues.push({
      ref: row.ref,
      field: 'period',
      message: 'stats.import.error.yearRange',
      params: { value: row.periodText, min: String(MIN_YEAR), max: String(maxYear(now)) }
    });
  const breakdown = resolveBreakdown(breakdowns, row.breakdownText);
  if (!breakdown)
    issues.push({
      ref: row.ref,
      field: 'breakdown',
      message: 'stats.import.error.breakdown',
      params: { value: row.breakdownText }
    });
  const value = parseFigure(row.valueText);
  if (value === undefined)
    issues.push({
      ref: row.ref,
      field: 'value',
      message: 'stats.import.error.value',
      params: { value: row.valueText }
    });
  return { issues, breakdown: breakdown ?? undefined, period: period ?? undefined, value };
}

/** The stages of the chain from a police report to a conviction, in order. */
export const attritionStages = ['reports', 'completed', 'prosecuted', 'convictions'] as const;
export type TAttritionStage = (typeof attritionStages)[number];

export interface TStageFigure {
  /** Every source's figure for the stage and year (several when sources differ). */
  values: number[];
}

export interface TAttritionYear {
  year: number;
  stages: Record<TAttritionStage, TStageFigure | null>;
  /** Convictions ÷ reports, when both are known and every source agrees on each; else null. */
  convictionShare: number | null;
  missing: TAttritionStage[];
}

/**
 * One row per year that has a figure for any stage, with the stages that are missing named. Shares are
 * computed only from undisputed figures — a disputed stage shows every source's figure instead.
 */
export function buildAttrition(figures: { stage: TAttritionStage; year: number; value: number }[]): TAttritionYear[] {
  const years = [...new Set(figures.map((f) => f.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const stages = Object.fromEntries(
      attritionStages.map((stage) => {
        const values = [...new Set(figures.filter((f) => f.year === year && f.stage === stage).map((f) => f.value))];
        return [stage, values.length ? { values: values.sort((a, b) => a - b) } : null];
      })
    ) as Record<TAttritionStage, TStageFigure | null>;
    const reports = stages.reports?.values.length === 1 ? stages.reports.values[0] : null;
    const convictions = stages.convictions?.values.length === 1 ? stages.convictions.values[0] : null;
    return {
      year,
      stages,
      convictionShare: reports && convictions !== null ? convictions / reports : null,
      missing: attritionStages.filter((s) => !stages[s])
    };
  });
}
