/**
 * The comparison of campaigns (issue 8): one row per campaign with its indicator, design, respondents,
 * effect with interval, cost per point and activity uplift; sortable by link; exportable as CSV through the
 * shared writer (src/lib/server/http/csv.ts).
 */
import { z } from 'zod';
import type { TSessionUser } from '../auth/auth.types';
import type { DB } from '../db/schema';
import { toCsv } from '../http/csv';
import { translate, type Locale } from '../../i18n';
import { campaignActivity, listCampaignsForStaff, type TCampaign } from './campaigns.service';

export const compareSorts = ['name', 'start', 'budget', 'n', 'effect', 'cost', 'uplift'] as const;
export type TCompareSort = (typeof compareSorts)[number];
export const ZCompareQuery = z.object({
  sort: z.enum(compareSorts).catch('start'),
  dir: z.enum(['asc', 'desc']).catch('desc')
});

/** What the comparison needs of a campaign's effect (percentage points); null when not computed. */
export interface TEffectSummary {
  n: number;
  estimate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  tooFew: boolean;
  cost: { estimate: number; ci_low: number; ci_high: number } | null;
}

export interface TCompareRow {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  design: TCampaign['design'];
  indicator: string | null;
  budget: number | null;
  effect: TEffectSummary | null;
  /** Checks done during ÷ the weeks before − 1; null when nothing before or a week was suppressed. */
  uplift: number | null;
}

export async function compareCampaigns(
  db: DB,
  actor: TSessionUser,
  query: z.infer<typeof ZCompareQuery>,
  effectOf: (c: TCampaign) => Promise<TEffectSummary | null> = async () => null
): Promise<TCompareRow[]> {
  const rows: TCompareRow[] = [];
  for (const c of await listCampaignsForStaff(db, actor)) {
    const activity = await campaignActivity(db, c);
    rows.push({
      id: c.id,
      name: c.name,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      design: c.design,
      indicator: c.indicator ? `${c.indicator.questionId} = ${c.indicator.answerCode}` : null,
      budget: c.budget,
      effect: await effectOf(c),
      uplift: activity.uplift.find((u) => u.metric === 'checks')?.ratio ?? null
    });
  }
  return sortRows(rows, query.sort, query.dir);
}

const keyOf: Record<TCompareSort, (r: TCompareRow) => string | number | null> = {
  name: (r) => r.name.toLocaleLowerCase('nb'),
  start: (r) => r.startsOn,
  budget: (r) => r.budget,
  n: (r) => r.effect?.n ?? null,
  effect: (r) => r.effect?.estimate ?? null,
  cost: (r) => r.effect?.cost?.estimate ?? null,
  uplift: (r) => r.uplift
};

/** Sorts by one column; rows without a value go last in either direction. Pure. */
export function sortRows(rows: readonly TCompareRow[], sort: TCompareSort, dir: 'asc' | 'desc'): TCompareRow[] {
  const key = keyOf[sort];
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
    if (x < y) return -sign;
    if (x > y) return sign;
    return a.name.localeCompare(b.name);
  });
}

export function compareCsv(rows: readonly TCompareRow[], locale: Locale): string {
  const t = (k: Parameters<typeof translate>[1]) => translate(locale, k);
  return toCsv(
    [
      'campaign',
      'starts_on',
      'ends_on',
      'design',
      'indicator',
      'budget_nok',
      'n',
      'effect_points',
      'ci_low',
      'ci_high',
      'too_few',
      'cost_per_point_nok',
      'cost_ci_low',
      'cost_ci_high',
      'checks_uplift'
    ],
    rows.map((r) => [
      r.name,
      r.startsOn,
      r.endsOn,
      t(`campaigns.design.${r.design}`),
      r.indicator,
      r.budget,
      r.effect?.n ?? null,
      r.effect?.estimate ?? null,
      r.effect?.ci_low ?? null,
      r.effect?.ci_high ?? null,
      r.effect ? (r.effect.tooFew ? 'yes' : 'no') : null,
      r.effect?.cost?.estimate ?? null,
      r.effect?.cost?.ci_low ?? null,
      r.effect?.cost?.ci_high ?? null,
      r.uplift
    ])
  );
}
