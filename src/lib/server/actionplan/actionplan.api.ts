import {
  ZApMeasureDetail,
  ZApMeasureList,
  ZApPlanDetail,
  ZApPlanList,
  ZApRecommendationList
} from '../../schemas/actionplan';
import { ZDownload } from '../../schemas/statistics';
import type { TApiOperation } from '../api/openapi';
import type { TMeasure, TPlan } from './actionplan.service';

/** The action plan's API: open data under the administrator's chosen licence (default NLOD 2.0). */
export const actionPlanOperations: TApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/plans',
    summary: 'The government’s action plans and strategy, each with parts, sources and scorecard (open data)',
    tags: ['action-plan'],
    response: ZApPlanList
  },
  {
    method: 'get',
    path: '/api/v1/plans/{id}',
    summary: 'One plan by its slug (such as 2016), with its scorecard',
    tags: ['action-plan'],
    response: ZApPlanDetail,
    example: { params: { id: '2025-2030' } }
  },
  {
    method: 'get',
    path: '/api/v1/plans/{id}/measures',
    summary: 'The measures of one plan with deadline, budget, indicator, status and flags',
    tags: ['action-plan'],
    response: ZApMeasureList,
    example: { params: { id: '2006-2009' } }
  },
  {
    method: 'get',
    path: '/api/v1/measures/{id}',
    summary: 'One measure with its status history and evidence',
    tags: ['action-plan'],
    response: ZApMeasureDetail,
    noExample: 'measure ids are random UUIDs made when editors enter them'
  },
  {
    method: 'get',
    path: '/api/v1/measures.csv',
    summary: 'Every measure of every plan as CSV (RFC 4180), one row per measure, with the licence',
    tags: ['action-plan'],
    response: ZDownload
  },
  {
    method: 'get',
    path: '/api/v1/greta/recommendations',
    summary: 'GRETA’s recommendations to Norway with source, assessment and the measures that answer them',
    tags: ['action-plan'],
    response: ZApRecommendationList
  }
];

/** A plan as the API gives it (without internal ids of parts' plans). */
export function toApiPlan(p: TPlan) {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    kind: p.kind,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    responsible: p.responsible,
    sourceUrl: p.sourceUrl,
    declaredMeasures: p.declaredMeasures,
    declaredNote: p.declaredNote,
    note: p.note,
    parts: p.parts,
    scorecard: p.scorecard
  };
}

export function toApiMeasure(m: TMeasure) {
  return {
    id: m.id,
    plan: m.plan,
    part: m.part,
    number: m.number,
    title: m.title,
    responsible: m.responsible,
    chainLink: m.chainLink,
    targetGroup: m.targetGroup,
    deadline: m.deadline,
    budgetNok: m.budgetNok,
    budgetNote: m.budgetNote,
    indicator: m.indicator,
    indicatorSeries: m.indicatorSeries,
    sdgTargets: m.sdgTargets,
    status: m.status,
    lastAssessedOn: m.lastAssessedOn,
    flags: m.flags,
    recommendations: m.recommendations,
    sourceUrl: m.sourceUrl,
    note: m.note
  };
}
