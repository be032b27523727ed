/**
 * Pure parts of the Campaigns module: the weeks of a campaign and the same number of weeks before it,
 * activity per week with small counts suppressed, and the uplift of activity during the campaign.
 */
import { isoWeek } from '../../stats/iso-week';
import { suppressCount } from '../../stats/suppress';

export const activityMetrics = [
  'checks',
  'letters',
  'quiz_answers',
  'quiz_sessions',
  'class_sessions',
  'reports',
  'survey_responses'
] as const;
/** The counts, and the classroom quizzes' knowledge gain (a difference of shares in points, not a count). */
export type TActivityMetric = (typeof activityMetrics)[number] | 'knowledge_gain';

/**
 * Metrics that count people or groups of people (who may be at risk, or a class that could be recognised):
 * shown as counts only, under 5 suppressed. Quiz answers are counted per question, not per person.
 */
const suppressedMetrics: ReadonlySet<TActivityMetric> = new Set([
  'reports',
  'checks',
  'letters',
  'survey_responses',
  'quiz_sessions',
  'class_sessions'
]);

const DAY = 86_400_000;
/** Longest period the activity compares (two years of weeks either side would be meaningless). */
export const MAX_ACTIVITY_WEEKS = 104;

/**
 * The ISO weeks a campaign touches (start to end, inclusive) and as many weeks right before it.
 * Dates are ISO `YYYY-MM-DD`; a period over MAX_ACTIVITY_WEEKS is cut to its first weeks.
 */
export function activityWeeks(startsOn: string, endsOn: string): { before: string[]; during: string[] } {
  const start = Date.parse(`${startsOn}T00:00:00Z`);
  const end = Date.parse(`${endsOn}T00:00:00Z`);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return { before: [], during: [] };
  const monday = (t: number) => {
    const day = new Date(t).getUTCDay() || 7;
    return t - (day - 1) * DAY;
  };
  const first = monday(start);
  const during: string[] = [];
  for (let t = first; t <= end && during.length < MAX_ACTIVITY_WEEKS; t += 7 * DAY) during.push(isoWeek(new Date(t)));
  const before: string[] = [];
  for (let i = during.length; i >= 1; i--) before.push(isoWeek(new Date(first - i * 7 * DAY)));
  return { before, during };
}

export interface TActivityRow {
  week: string;
  metric: TActivityMetric;
  value: number | null;
  suppressed: boolean;
  during: boolean;
}

/**
 * One row per (week, metric) over both periods, zero where nothing was counted; counts of 1–4 of the
 * metrics about people are suppressed (src/lib/stats/suppress.ts).
 */
export function activityRows(
  weeks: { before: string[]; during: string[] },
  counts: Partial<Record<TActivityMetric, { week: string; n: number | string | null }[]>>
): TActivityRow[] {
  const rows: TActivityRow[] = [];
  const all = [...weeks.before.map((w) => [w, false] as const), ...weeks.during.map((w) => [w, true] as const)];
  for (const metric of activityMetrics) {
    const byWeek = new Map((counts[metric] ?? []).map((r) => [r.week, Number(r.n ?? 0)]));
    for (const [week, during] of all) {
      const n = byWeek.get(week) ?? 0;
      if (suppressedMetrics.has(metric)) {
        const c = suppressCount(n);
        rows.push({ week, metric, value: c.suppressed ? null : c.count, suppressed: c.suppressed, during });
      } else rows.push({ week, metric, value: n, suppressed: false, during });
    }
  }
  return rows;
}

export interface TUplift {
  metric: TActivityMetric;
  /** 'count': sums of the weeks; 'points': the knowledge gain of all classes of each period, in points. */
  unit: 'count' | 'points';
  /** Counts: the sum; points: the gain, null when it cannot be shown (no class, or fewer than 5 answers). */
  before: number | null;
  during: number | null;
  /** during ÷ before − 1; null when nothing was counted before or a week was suppressed (always null for points). */
  ratio: number | null;
  /** Points: during − before, in points; null for counts or when either gain is not shown. */
  difference: number | null;
  /** A suppressed week makes the sums a lower bound: the totals are then not shown. */
  suppressed: boolean;
}

/** Sum per metric before and during the campaign, and the relative change. */
export function activityUplift(rows: readonly TActivityRow[]): TUplift[] {
  return activityMetrics.map((metric) => {
    const mine = rows.filter((r) => r.metric === metric);
    const suppressed = mine.some((r) => r.suppressed);
    const before = mine.filter((r) => !r.during).reduce((s, r) => s + (r.value ?? 0), 0);
    const during = mine.filter((r) => r.during).reduce((s, r) => s + (r.value ?? 0), 0);
    return {
      metric,
      unit: 'count' as const,
      before,
      during,
      ratio: !suppressed && before > 0 ? during / before - 1 : null,
      difference: null,
      suppressed
    };
  });
}

// ——— Knowledge gain of the classroom quizzes ———

/** Answers and right answers of the classroom quizzes' before or after run in one ISO week (youth_class_tally). */
export interface TClassTally {
  week: string;
  run: string;
  answered: number | string | null;
  correct: number | string | null;
}

/**
 * Knowledge gain in points: (right ÷ answered after − right ÷ answered before) × 100 over the given tallies.
 * Null without answers in either run; `suppressed` when either run has 1–4 answers (src/lib/stats/suppress.ts:
 * a share of so few pupils is not shown).
 */
export function knowledgeGain(tallies: readonly TClassTally[]): { points: number | null; suppressed: boolean } {
  const sum = { before: { answered: 0, correct: 0 }, after: { answered: 0, correct: 0 } };
  for (const t of tallies)
    if (t.run === 'before' || t.run === 'after') {
      sum[t.run].answered += Number(t.answered ?? 0);
      sum[t.run].correct += Number(t.correct ?? 0);
    }
  const b = suppressCount(sum.before.answered);
  const a = suppressCount(sum.after.answered);
  if (b.suppressed || a.suppressed) return { points: null, suppressed: true };
  if (!sum.before.answered || !sum.after.answered) return { points: null, suppressed: false };
  return {
    points: (sum.after.correct / sum.after.answered - sum.before.correct / sum.before.answered) * 100,
    suppressed: false
  };
}

/**
 * The weekly knowledge-gain rows (metric 'knowledge_gain', value in points) and the gain of each period: all
 * classes of the weeks before against all classes of the campaign weeks — a difference of two gains in points,
 * not a relative change of counts. A period with a suppressed week gives no gain (suppressed).
 */
export function knowledgeGainActivity(
  weeks: { before: string[]; during: string[] },
  tallies: readonly TClassTally[]
): { rows: TActivityRow[]; uplift: TUplift } {
  const rows: TActivityRow[] = [];
  for (const [list, during] of [
    [weeks.before, false],
    [weeks.during, true]
  ] as const)
    for (const week of list) {
      const g = knowledgeGain(tallies.filter((t) => t.week === week));
      rows.push({ week, metric: 'knowledge_gain', value: g.points, suppressed: g.suppressed, during });
    }
  // A period with a suppressed week shows no gain: the week's few pupils could be read back by subtraction.
  const period = (list: string[], during: boolean) =>
    rows.some((r) => r.during === during && r.suppressed)
      ? { points: null, suppressed: true }
      : knowledgeGain(tallies.filter((t) => list.includes(t.week)));
  const before = period(weeks.before, false);
  const during = period(weeks.during, true);
  return {
    rows,
    uplift: {
      metric: 'knowledge_gain',
      unit: 'points',
      before: before.points,
      during: during.points,
      ratio: null,
      difference: before.points !== null && during.points !== null ? during.points - before.points : null,
      suppressed: before.suppressed || during.suppressed
    }
  };
}

/** A readable, unique-ish slug from a campaign name: lower case ASCII, hyphens, ≤ 60 characters. */
export function slugOf(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return s || 'kampanje';
}

export interface TChange {
  /** Percentage points. */
  estimate: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** True when the 95 % interval lies wholly above or below zero. */
export function isSignificant(c: TChange | null): boolean {
  return !!c && c.ci_low !== null && c.ci_high !== null && (c.ci_low > 0 || c.ci_high < 0);
}

/**
 * Cost per percentage point of change: budget ÷ change, its interval budget ÷ the interval's bounds
 * (a larger change costs less per point, so the bounds swap). Only for a significant rise with a budget;
 * otherwise null — a cost per point of a change we cannot tell from chance would pretend.
 */
export function costPerPoint(
  budget: number | null,
  change: TChange | null
): { estimate: number; ci_low: number; ci_high: number } | null {
  if (budget === null || !change || change.estimate === null || change.ci_low === null || change.ci_high === null)
    return null;
  if (!(change.ci_low > 0) || !(change.estimate > 0)) return null;
  return { estimate: budget / change.estimate, ci_low: budget / change.ci_high, ci_high: budget / change.ci_low };
}

export type TVerdict =
  | { kind: 'too_few' }
  | { kind: 'none' }
  | { kind: 'rise' | 'fall' | 'no_change'; points: number; low: number; high: number };

/**
 * The plain-language reading of a change in percentage points with its 95 % interval: a rise or a fall
 * when the interval lies wholly on one side of zero, otherwise "no change we can tell from chance"; no
 * interval (too few answers) → "too few answers". Never "the campaign worked".
 */
export function verdictOf(change: TChange | null, tooFew: boolean): TVerdict {
  if (tooFew) return { kind: 'too_few' };
  if (!change || change.estimate === null) return { kind: 'none' };
  if (change.ci_low === null || change.ci_high === null) return { kind: 'too_few' };
  const kind = change.ci_low > 0 ? 'rise' : change.ci_high < 0 ? 'fall' : 'no_change';
  return { kind, points: change.estimate, low: change.ci_low, high: change.ci_high };
}

/** Rounds points for reading: whole points from 10 up, one decimal below. */
export function roundPoints(p: number): number {
  return Math.abs(p) >= 10 ? Math.round(p) : Math.round(p * 10) / 10;
}
