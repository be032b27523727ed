import { translate, type Locale } from '../../i18n';
import {
  ZCampaignDetail,
  ZCampaignEffect,
  ZCampaignSummary,
  ZPlanRequest,
  ZPlanResponse
} from '../../schemas/campaigns';
import type { AppContext } from '../app';
import { campaignEffect } from './campaigns.effect';
import { plan } from '../../stats/power';
import type { TApiOperation } from '../api/openapi';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { getPublishedCampaign, listPublishedCampaigns, type TCampaign } from './campaigns.service';
import { PLANNER_ALPHA, PLANNER_POWER } from './planner.service';
import { apiMaterialFiles } from './materials.api';

/** The Campaigns module's API (issue 8): so far the evaluation planner, a pure computation. */
export const campaignsOperations: TApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/campaigns/plan',
    summary:
      'Evaluation planner: minimum detectable effect at 80 % power and 5 % significance for before/after, exposed vs not exposed and difference-in-differences, and the sample needed for the hoped-for change. Nothing is stored.',
    tags: ['campaigns'],
    body: ZPlanRequest,
    response: ZPlanResponse,
    example: { body: { level: 0.14, n_before: 1000, n_after: 1000, share_exposed: 0.3, deff: 1.5, hoped_change: 0.02 } }
  },
  {
    method: 'get',
    path: '/api/v1/campaigns',
    summary: 'Published campaigns: name, goal, target group, period, budget, channels, SDG targets, design, indicator',
    tags: ['campaigns'],
    response: z.object({ campaigns: z.array(ZCampaignSummary) })
  },
  {
    method: 'get',
    path: '/api/v1/campaigns/{id}',
    summary:
      'One published campaign (by id or address) with partners, materials (links, and uploaded files with their public address), action-plan measures and its evaluation design; 404 when not published',
    tags: ['campaigns'],
    response: ZCampaignDetail,
    noExample: 'campaigns are registered by staff with random ids and published by an editor'
  },
  {
    method: 'get',
    path: '/api/v1/campaigns/{id}/effect',
    summary:
      "A published campaign's effect on its indicator from the survey counters: before/after shares, the change, exposed vs not exposed at follow-up and difference-in-differences as proportions with 95 % CI and p-value (no interval and too_few: true under 30 answers in a part), cost per point (NOK per percentage point, only for a significant rise of the design's estimate), and weekly platform activity (counts under 5 suppressed). Exposure is self-reported; the design is observational.",
    tags: ['campaigns'],
    response: ZCampaignEffect,
    noExample: 'campaigns are registered by staff with random ids and published by an editor'
  }
];

export async function apiCampaignEffect(ctx: AppContext, idOrSlug: string): Promise<z.infer<typeof ZCampaignEffect>> {
  const e = await campaignEffect(ctx, idOrSlug);
  return {
    indicator: e.indicator,
    before: e.before,
    after: e.after,
    change: e.change,
    exposed_vs_unexposed: e.exposed_vs_unexposed,
    did: e.did,
    cost_per_point: e.cost_per_point,
    activity: e.activity
  };
}

function summaryOf(c: TCampaign): z.infer<typeof ZCampaignSummary> {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    goal: c.goal,
    target_group: c.targetGroup,
    starts_on: c.startsOn,
    ends_on: c.endsOn,
    budget_nok: c.budget,
    sectors: c.sectors,
    channels: c.channels,
    sdg_targets: c.sdgTargets,
    design: c.design,
    indicator: c.indicator
      ? { survey_id: c.indicator.surveyId, question_id: c.indicator.questionId, answer_code: c.indicator.answerCode }
      : null,
    published_at: c.publishedAt ?? ''
  };
}

export async function apiCampaigns(db: DB) {
  return { campaigns: (await listPublishedCampaigns(db)).map(summaryOf) };
}

export async function apiCampaign(db: DB, idOrSlug: string): Promise<z.infer<typeof ZCampaignDetail>> {
  const c = await getPublishedCampaign(db, idOrSlug);
  return {
    ...summaryOf(c),
    partners: c.partners,
    materials: c.materials,
    material_files: await apiMaterialFiles(db, c),
    measure_ids: c.measureIds,
    baseline_wave_id: c.baselineWaveId,
    followup_wave_id: c.followupWaveId,
    exposure: c.exposure ? { question_id: c.exposure.questionId, answer_code: c.exposure.answerCode } : null,
    did_group: c.didGroup
      ? { question_id: c.didGroup.questionId, target: c.didGroup.target, comparison: c.didGroup.comparison }
      : null,
    source_codes: c.sourceCodes,
    weighting: c.weighting
  };
}

export function planView(input: z.infer<typeof ZPlanRequest>, locale: Locale): z.infer<typeof ZPlanResponse> {
  const designs = plan({ ...input, alpha: PLANNER_ALPHA, power: PLANNER_POWER });
  const underpowered = designs.filter((d) => d.underpowered).map((d) => d.design);
  return {
    alpha: PLANNER_ALPHA,
    power: PLANNER_POWER,
    designs,
    underpowered,
    warning: underpowered.length
      ? translate(locale, 'campaigns.api.warning', {
          designs: underpowered.map((d) => translate(locale, `campaigns.planner.design.${d}`)).join('; ')
        })
      : null
  };
}
