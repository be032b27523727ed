/**
 * The action plan's pure rules: a measure's flags (the source report's criticisms as numbers) and a plan's
 * scorecard. No I/O; dates are ISO calendar dates (YYYY-MM-DD) compared as text.
 */

import { chainLinks, gretaAssessments, measureStatuses, sdgTargets } from '../../schemas/actionplan';

export { chainLinks, gretaAssessments, measureStatuses, sdgTargets };
export type TMeasureStatus = (typeof measureStatuses)[number];

export type TChainLink = (typeof chainLinks)[number];

export type TSdgTarget = (typeof sdgTargets)[number];

export type TGretaAssessment = (typeof gretaAssessments)[number];

/** What the rules need to know about a measure. */
export interface TMeasureFacts {
  id: string;
  /** ISO date or null when the plan sets no deadline. */
  deadline: string | null;
  status: TMeasureStatus;
  /** '' when the plan sets no measurable indicator. */
  indicator: string;
  /** The date of the latest assessment, or null when none was made. */
  lastAssessedOn: string | null;
  /** The date the measure was entered (the fallback for staleness). */
  enteredOn: string;
  chainLink: TChainLink;
  budgetNok: number | null;
  sdgTargets: readonly TSdgTarget[];
}

export interface TMeasureFlags {
  noDeadline: boolean;
  overdue: boolean;
  /** No assessment for 12 months (counted from entry when never assessed). */
  stale: boolean;
  noIndicator: boolean;
}

const finished: readonly TMeasureStatus[] = ['done', 'discontinued'];

/** The ISO date twelve months before `today` (29 February falls back to 28 February). */
export function twelveMonthsBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  const year = y - 1;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function measureFlags(measure: TMeasureFacts, today: string): TMeasureFlags {
  const isFinished = finished.includes(measure.status);
  const reference = measure.lastAssessedOn ?? measure.enteredOn;
  return {
    noDeadline: measure.deadline === null,
    overdue: measure.deadline !== null && measure.deadline < today && !isFinished,
    stale: !isFinished && reference < twelveMonthsBefore(today),
    noIndicator: measure.indicator.trim() === ''
  };
}

export interface TChainShare {
  measures: number;
  /** Share of entered measures (0–1), null when none are entered. */
  share: number | null;
  budgetNok: number;
  /** Share of the earmarked budget (0–1), null when no measure states a budget. */
  budgetShare: number | null;
}

export interface TScorecard {
  /** Measures entered on the platform. */
  entered: number;
  /** Measures the plan states it has, or null when the source gives no number. */
  declared: number | null;
  /** True when no measure is entered: the scorecard says so rather than showing zeros as facts. */
  notEntered: boolean;
  byStatus: Record<TMeasureStatus, number>;
  noDeadline: number;
  overdue: number;
  stale: number;
  noIndicator: number;
  withBudget: number;
  totalBudgetNok: number;
  byChainLink: Record<TChainLink, TChainShare>;
  /** Ids of the measures serving each SDG target. */
  bySdg: Record<TSdgTarget, string[]>;
}

function zeroes<K extends string>(keys: readonly K[], make: () => number): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, make()])) as Record<K, number>;
}

export function planScorecard(
  plan: { declaredMeasures: number | null },
  measures: readonly TMeasureFacts[],
  today: string
): TScorecard {
  const byStatus = zeroes(measureStatuses, () => 0);
  let noDeadline = 0;
  let overdue = 0;
  let stale = 0;
  let noIndicator = 0;
  let withBudget = 0;
  let totalBudgetNok = 0;
  const counts = zeroes(chainLinks, () => 0);
  const budgets = zeroes(chainLinks, () => 0);
  const bySdg = Object.fromEntries(sdgTargets.map((t) => [t, [] as string[]])) as Record<TSdgTarget, string[]>;
  for (const m of measures) {
    byStatus[m.status] += 1;
    const flags = measureFlags(m, today);
    if (flags.noDeadline) noDeadline += 1;
    if (flags.overdue) overdue += 1;
    if (flags.stale) stale += 1;
    if (flags.noIndicator) noIndicator += 1;
    counts[m.chainLink] += 1;
    if (m.budgetNok !== null) {
      withBudget += 1;
      totalBudgetNok += m.budgetNok;
      budgets[m.chainLink] += m.budgetNok;
    }
    for (const t of new Set(m.sdgTargets)) bySdg[t].push(m.id);
  }
  const entered = measures.length;
  const byChainLink = Object.fromEntries(
    chainLinks.map((link) => [
      link,
      {
        measures: counts[link],
        share: entered ? counts[link] / entered : null,
        budgetNok: budgets[link],
        budgetShare: totalBudgetNok > 0 ? budgets[link] / totalBudgetNok : null
      }
    ])
  ) as Record<TChainLink, TChainShare>;
  return {
    entered,
    declared: plan.declaredMeasures,
    notEntered: entered === 0,
    byStatus,
    noDeadline,
    overdue,
    stale,
    noIndicator,
    withBudget,
    totalBudgetNok,
    byChainLink,
    bySdg
  };
}

/** A plan's row in the comparison: the scorecard's headline numbers. */
export interface TPlanComparison {
  entered: number;
  declared: number | null;
  withDeadline: number;
  withIndicator: number;
  totalBudgetNok: number;
  withBudget: number;
  preventionShare: number | null;
  preventionBudgetShare: number | null;
}

export function comparePlan(card: TScorecard): TPlanComparison {
  return {
    entered: card.entered,
    declared: card.declared,
    withDeadline: card.entered - card.noDeadline,
    withIndicator: card.entered - card.noIndicator,
    totalBudgetNok: card.totalBudgetNok,
    withBudget: card.withBudget,
    preventionShare: card.byChainLink.prevention.share,
    preventionBudgetShare: card.byChainLink.prevention.budgetShare
  };
}

/** Recommendations grouped by a theme they share, keeping only themes raised in more than one round. */
export function repeatedRecommendations<T extends { theme: string; round: string }>(
  recs: readonly T[]
): [string, T[]][] {
  const byTheme = new Map<string, T[]>();
  for (const r of recs) {
    if (!r.theme) continue;
    byTheme.set(r.theme, [...(byTheme.get(r.theme) ?? []), r]);
  }
  return [...byTheme].filter(([, list]) => new Set(list.map((r) => r.round).filter(Boolean)).size > 1);
}

/** A measure's deadline must fall inside its plan: not before the plan's first year. */
export function deadlineBeforePlan(deadline: string | null, planFrom: number): boolean {
  return deadline !== null && Number(deadline.slice(0, 4)) < planFrom;
}

/** The fields that differ between two versions of a row, for the public history. */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[] = ['updated_at', 'created_at']
): { field: string; before: unknown; after: unknown }[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: { field: string; before: unknown; after: unknown }[] = [];
  for (const k of keys) {
    if (ignore.includes(k)) continue;
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field: k, before: b, after: a });
  }
  return out;
}
