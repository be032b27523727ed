import { formatDate, translate, type Locale, type MessageKey } from '../../i18n';
import { listPlans } from '../actionplan/actionplan.service';
import { formatSuppressed, suppressGroup } from '../../stats/suppress';
import { weekTotals } from '../check/check.repository';
import type { DB } from '../db/schema';
import { lastStatisticsUpdate, listIndicators } from './statistics.service';

/**
 * The prevention barometer: one tile per module with its latest public figure and when it was updated.
 * A module that is not on the platform yet, or has collected nothing, gets a tile that says so plainly —
 * never a placeholder figure. A module adds its figures here when it lands (one provider each).
 */
export interface TBarometerTile {
  module: string;
  titleKey: MessageKey;
  bodyKey: MessageKey;
  /** The module's page, or null while the module is not on the platform. */
  href: string | null;
  status: 'data' | 'no_data';
  lastUpdated: string | null;
  figures: { label: string; value: string; source: string }[];
}

/**
 * Checks per ISO week as the public check summary shows them (checksSummary(db, {}).byWeek: the weeks in
 * order, suppressed together as one group), read from the week totals of the check counters alone — the
 * tile needs no sectors, counties or indicators (a property test checks both give the same).
 */
export async function publicWeeklyChecks(db: DB): Promise<{ week: string; display: string }[]> {
  const weeks = (await weekTotals(db)).sort((a, b) => a.week.localeCompare(b.week));
  const counts = suppressGroup(weeks.map((w) => w.n));
  return weeks.map((w, i) => ({ week: w.week, display: formatSuppressed(counts[i]) }));
}

async function checkTile(db: DB, locale: Locale): Promise<TBarometerTile> {
  const weeks = (await publicWeeklyChecks(db)).slice(-4);
  const tile: TBarometerTile = {
    module: 'check',
    titleKey: 'stats.prevention.tile.checks',
    bodyKey: 'stats.prevention.tile.checks.body',
    href: '/check',
    status: weeks.length ? 'data' : 'no_data',
    lastUpdated: weeks.at(-1)?.week ?? null,
    figures: weeks.map((w) => ({
      label: translate(locale, 'stats.prevention.week', { week: w.week }),
      value: w.display,
      source: translate(locale, 'stats.prevention.checkSource')
    }))
  };
  return tile;
}

/** The action plan: per plan with entered measures, how many have a deadline — or that none are entered yet. */
async function actionPlanTile(db: DB, locale: Locale): Promise<TBarometerTile> {
  const plans = (await listPlans(db)).filter((p) => !p.scorecard.notEntered);
  return {
    module: 'action-plan',
    titleKey: 'stats.prevention.tile.plan',
    bodyKey: 'stats.prevention.tile.plan.body',
    href: '/action-plan',
    status: plans.length ? 'data' : 'no_data',
    lastUpdated: null,
    figures: plans.map((p) => ({
      label: p.title,
      value: translate(locale, 'ap.barometer.value', {
        withDeadline: p.scorecard.entered - p.scorecard.noDeadline,
        entered: p.scorecard.entered
      }),
      source: translate(locale, 'ap.barometer.source')
    }))
  };
}

function absent(module: string, titleKey: MessageKey, bodyKey: MessageKey): TBarometerTile {
  return { module, titleKey, bodyKey, href: null, status: 'no_data', lastUpdated: null, figures: [] };
}

export async function getBarometer(db: DB, locale: Locale): Promise<TBarometerTile[]> {
  const indicators = await listIndicators(db);
  const updated = await lastStatisticsUpdate(db);
  const values = indicators.reduce((n, i) => n + i.valueCount, 0);
  return [
    absent('surveys', 'stats.prevention.tile.surveys', 'stats.prevention.tile.surveys.body'),
    absent('campaigns', 'stats.prevention.tile.campaigns', 'stats.prevention.tile.campaigns.body'),
    await checkTile(db, locale),
    absent('report', 'stats.prevention.tile.reports', 'stats.prevention.tile.reports.body'),
    absent('youth', 'stats.prevention.tile.quiz', 'stats.prevention.tile.quiz.body'),
    await actionPlanTile(db, locale),
    {
      module: 'statistics',
      titleKey: 'stats.prevention.tile.statistics',
      bodyKey: 'stats.prevention.tile.statistics.body',
      href: '/statistics',
      status: values ? 'data' : 'no_data',
      lastUpdated: updated ? formatDate(locale, updated) : null,
      figures: [
        {
          label: translate(locale, 'stats.prevention.series'),
          value: String(indicators.length),
          source: translate(locale, 'stats.prevention.statisticsSource')
        },
        {
          label: translate(locale, 'stats.prevention.values'),
          value: String(values),
          source: translate(locale, 'stats.prevention.statisticsSource')
        }
      ]
    }
  ];
}
