/**
 * A campaign's effect on its indicator (issue 8): the survey engine's `indicatorEffect`
 * (src/lib/server/surveys/surveys.effect.ts, counters only) for the campaign's waves, exposure question
 * and weighting, read for non-statisticians (verdict in points with its 95 % interval, "too few answers"
 * under 30), with the cost per point when the headline change is significant, and the weekly activity.
 */
import type { AppContext } from '../app';
import { isAppError } from '../errors';
import { indicatorEffect, type TEffectContrast, type TIndicatorEffect } from '../surveys/surveys.effect';
import { groupDidEffect, type TGroupDidEffect } from '../surveys/surveys.effect-group';
import type { TSessionUser } from '../auth/auth.types';
import { costPerPoint, verdictOf, type TChange, type TVerdict } from './campaigns.core';
import type { TEffectSummary } from './campaigns.compare';
import { campaignActivity, getCampaignForStaff, getPublishedCampaign, type TCampaign } from './campaigns.service';

/** A contrast as the API gives it: proportions (0.06 = 6 points), with `too_few` when a part has < 30. */
export interface TContrastView {
  estimate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  p_value: number | null;
  too_few: boolean;
}

const view = (c: TEffectContrast | null | undefined, tooFew: boolean): TContrastView | null =>
  c
    ? {
        estimate: c.estimate,
        ci_low: tooFew ? null : c.ci_low,
        ci_high: tooFew ? null : c.ci_high,
        p_value: tooFew ? null : c.p_value,
        too_few: tooFew
      }
    : null;

/** Proportions → percentage points. */
const points = (c: TContrastView | null): TChange | null =>
  c
    ? {
        estimate: c.estimate === null ? null : c.estimate * 100,
        ci_low: c.ci_low === null ? null : c.ci_low * 100,
        ci_high: c.ci_high === null ? null : c.ci_high * 100
      }
    : null;

/** Whether the campaign's design is linked far enough to compute: indicator, both waves, exposure if asked. */
export function effectReady(c: TCampaign): boolean {
  if (!c.indicator || !c.baselineWaveId || !c.followupWaveId) return false;
  if (c.design === 'did_group') return !!c.didGroup;
  return c.design === 'before_after' || !!c.exposure;
}

/** The shape both engines share: the DiD of a comparison group is read as "exposed" = the target group. */
function fromGroup(e: TGroupDidEffect): TIndicatorEffect {
  const rename: Record<string, string> = {
    target: 'exposed',
    comparison: 'unexposed',
    before_target: 'before_exposed',
    before_comparison: 'before_unexposed'
  };
  return {
    indicator: e.indicator,
    weighting: e.weighting,
    before: e.before,
    after: e.after,
    change: e.change,
    exposed_vs_unexposed: null,
    did: {
      ...e.did,
      n: {
        before_exposed: e.did.n.before_target,
        before_unexposed: e.did.n.before_comparison,
        after_exposed: e.did.n.after_target,
        after_unexposed: e.did.n.after_comparison
      }
    },
    too_few: e.too_few.map((p) => rename[p] ?? p)
  };
}

async function compute(
  ctx: AppContext,
  c: TCampaign
): Promise<(TIndicatorEffect & { group?: TGroupDidEffect }) | null> {
  if (!effectReady(c)) return null;
  if (c.design === 'did_group') {
    const g = await groupDidEffect(ctx, {
      surveyId: c.indicator!.surveyId,
      beforeWaveId: c.baselineWaveId!,
      afterWaveId: c.followupWaveId!,
      questionId: c.indicator!.questionId,
      answerCode: c.indicator!.answerCode,
      group: c.didGroup!,
      weighting: c.weighting
    });
    return { ...fromGroup(g), group: g };
  }
  return indicatorEffect(ctx, {
    surveyId: c.indicator!.surveyId,
    beforeWaveId: c.baselineWaveId!,
    afterWaveId: c.followupWaveId!,
    questionId: c.indicator!.questionId,
    answerCode: c.indicator!.answerCode,
    ...(c.design !== 'before_after' && c.exposure ? { exposure: c.exposure } : {}),
    weighting: c.weighting
  });
}

/** How a difference-in-differences was formed (API `did.formed`). */
export interface TDidFormed {
  by: 'exposure' | 'group';
  question_id: string;
  target: string[];
  /** null: everyone who gave another answer to the exposure question. */
  comparison: string[] | null;
}

export interface TCampaignEffect {
  indicator: { survey_id: string; question_id: string; answer_code: string } | null;
  before: { p: number | null; se: number | null; n: number } | null;
  after: { p: number | null; se: number | null; n: number } | null;
  change: TContrastView | null;
  exposed_vs_unexposed: TContrastView | null;
  did: (TContrastView & { formed: TDidFormed }) | null;
  cost_per_point: { estimate: number; ci_low: number; ci_high: number } | null;
  /** The design's headline estimate in points and its plain reading. */
  headline: { design: TCampaign['design']; verdict: TVerdict };
  activity: Awaited<ReturnType<typeof campaignActivity>>['rows'];
}

/** The effect of one campaign from its stored design (the caller has checked access). */
export async function effectOfCampaign(ctx: AppContext, c: TCampaign): Promise<TCampaignEffect> {
  const [e, activity] = await Promise.all([compute(ctx, c), campaignActivity(ctx.db, c)]);
  const few = new Set(e?.too_few ?? []);
  const change = e ? view(e.change, few.has('before') || few.has('after')) : null;
  const exposed = e?.exposed_vs_unexposed
    ? view(e.exposed_vs_unexposed.difference, few.has('exposed') || few.has('unexposed'))
    : null;
  const didView = e?.did
    ? view(
        e.did,
        ['exposed', 'unexposed', 'before_exposed', 'before_unexposed'].some((p) => few.has(p))
      )
    : null;
  const formed: TDidFormed | null = e?.group
    ? {
        by: 'group',
        question_id: e.group.group.questionId,
        target: e.group.group.target,
        comparison: e.group.group.comparison
      }
    : c.exposure
      ? { by: 'exposure', question_id: c.exposure.questionId, target: [c.exposure.answerCode], comparison: null }
      : null;
  const did = didView && formed ? { ...didView, formed } : null;
  const headline = c.design === 'before_after' ? change : c.design === 'exposure' ? exposed : didView;
  return {
    indicator: c.indicator
      ? { survey_id: c.indicator.surveyId, question_id: c.indicator.questionId, answer_code: c.indicator.answerCode }
      : null,
    before: e ? e.before : null,
    after: e ? e.after : null,
    change,
    exposed_vs_unexposed: exposed,
    did,
    cost_per_point: costPerPoint(c.budget, points(headline)),
    headline: { design: c.design, verdict: verdictOf(points(headline), headline?.too_few ?? false) },
    activity: activity.rows
  };
}

/** `GET /api/v1/campaigns/{id}/effect` (published) and the staff page (any campaign, with `actor`). */
export async function campaignEffect(ctx: AppContext, idOrSlug: string, actor?: TSessionUser) {
  const c = actor ? await getCampaignForStaff(ctx.db, actor, idOrSlug) : await getPublishedCampaign(ctx.db, idOrSlug);
  return effectOfCampaign(ctx, c);
}

/** The comparison's figures of one campaign; null when its design is not complete or cannot be computed. */
export async function campaignEffectSummary(ctx: AppContext, c: TCampaign): Promise<TEffectSummary | null> {
  if (!effectReady(c)) return null;
  try {
    const e = await effectOfCampaign(ctx, c);
    const head = c.design === 'before_after' ? e.change : c.design === 'exposure' ? e.exposed_vs_unexposed : e.did;
    const p = points(head);
    return {
      n: (e.before?.n ?? 0) + (e.after?.n ?? 0),
      estimate: p?.estimate ?? null,
      ci_low: p?.ci_low ?? null,
      ci_high: p?.ci_high ?? null,
      tooFew: head?.too_few ?? false,
      cost: e.cost_per_point
    };
  } catch (err) {
    if (isAppError(err)) return null;
    throw err;
  }
}

/** For the pages: the effect, or the reason it cannot be computed (an AppError's message key), never a 500. */
export async function effectForPage(
  ctx: AppContext,
  c: TCampaign
): Promise<{ effect: TCampaignEffect | null; problem: string | null }> {
  if (!effectReady(c)) return { effect: null, problem: null };
  try {
    return { effect: await effectOfCampaign(ctx, c), problem: null };
  } catch (err) {
    if (isAppError(err)) return { effect: null, problem: err.message };
    throw err;
  }
}
