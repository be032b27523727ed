/**
 * The evaluation planner (issue 8): the planner form's percentages turned into proportions and passed to
 * the pure formulas of `stats/power.ts`. No storage: the plan is a computation.
 */
import type { TRole, TSessionUser } from '../auth/auth.types';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import type { TPlannerForm, TPlannerLevelQuery } from '../../schemas/campaigns';
import { plan, PowerInputError, type TPlanDesign } from '../../stats/power';
import type { TWeightingMethod } from '../surveys/surveys.results';
import { indicatorLevel, type TIndicatorLevel } from './campaigns.level';
import { campaignOptions, getCampaignForStaff } from './campaigns.service';

/** Who may use the planner: analysts and editors (issue 8). */
export const plannerRoles: readonly TRole[] = ['analyst', 'editor'];

export const PLANNER_ALPHA = 0.05;
export const PLANNER_POWER = 0.8;

export interface TPlannerResult {
  designs: TPlanDesign[];
  /** The hoped-for change in percentage points, as typed. */
  hopedPoints: number;
  underpowered: TPlanDesign['design'][];
}

export function planCampaign(form: TPlannerForm): TPlannerResult {
  try {
    const designs = plan({
      level: form.level / 100,
      n_before: form.nBefore,
      n_after: form.nAfter,
      share_exposed: form.shareExposed / 100,
      deff: form.deff,
      hoped_change: form.hopedChange / 100,
      alpha: PLANNER_ALPHA,
      power: PLANNER_POWER
    });
    return {
      designs,
      hopedPoints: form.hopedChange,
      underpowered: designs.filter((d) => d.underpowered).map((d) => d.design)
    };
  } catch (e) {
    // The form schema keeps every input in range; this is a guard, never a 500.
    if (e instanceof PowerInputError) throw new AppError('validation', 'validation.invalid');
    throw e;
  }
}

export interface TPlannerLevelView {
  /** Every indicator a campaign can have: `survey|question|answer`, labelled with the survey's title. */
  indicators: { value: string; label_nb: string; label_en: string }[];
  indicator: string;
  weighting: TWeightingMethod;
  /** The campaign the indicator and weighting came from (`?campaign=`). */
  campaign: { id: string; name: string } | null;
  /** Null when no indicator is chosen or its survey has no closed wave yet (see `asked`). */
  level: TIndicatorLevel | null;
  asked: boolean;
}

/**
 * The planner page's "current level" part: the indicator's share in the last closed wave of its survey
 * (weighted as chosen), from `?indicator=&weighting=` or from a campaign's own (`?campaign=`).
 */
export async function plannerLevel(
  db: DB,
  actor: TSessionUser,
  query: TPlannerLevelQuery,
  now = new Date()
): Promise<TPlannerLevelView> {
  if (!actor.roles.some((r) => plannerRoles.includes(r))) throw new AppError('forbidden', 'auth.error.forbidden');
  const options = await campaignOptions(db);
  const indicators = options.surveys.flatMap((s) =>
    s.indicators.map((i) => ({
      value: i.value,
      label_nb: `${s.title_nb}: ${i.label_nb}`,
      label_en: `${s.title_en}: ${i.label_en}`
    }))
  );
  let indicator = query.indicator ?? '';
  let weighting: TWeightingMethod = query.weighting ?? 'none';
  let campaign: TPlannerLevelView['campaign'] = null;
  if (query.campaign && !query.indicator) {
    const c = await getCampaignForStaff(db, actor, query.campaign);
    campaign = { id: c.id, name: c.name };
    if (c.indicator) indicator = `${c.indicator.surveyId}|${c.indicator.questionId}|${c.indicator.answerCode}`;
    if (!query.weighting) weighting = c.weighting;
  }
  if (!indicator) return { indicators, indicator, weighting, campaign, level: null, asked: false };
  const [surveyId, questionId, answerCode] = indicator.split('|') as [string, string, string];
  const level = await indicatorLevel(db, { surveyId, questionId, answerCode, weighting }, now);
  return { indicators, indicator, weighting, campaign, level, asked: true };
}
