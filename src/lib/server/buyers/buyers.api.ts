import {
  ZBuyersSummary,
  ZPlanList,
  ZPlanOne,
  ZRulesRequest,
  ZRulesResponse,
  ZTransparencyRequest,
  ZTransparencyResponse
} from '../../schemas/buyers';
import type { TApiOperation } from '../api/openapi';
import type { TSessionUser } from '../auth/auth.types';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { listAssessments, listChecks, listPlans, getPlan } from './buyers.service';

/** The Buyers module's API. The rules and the scope check are pure; plans need a session. */
export const buyersOperations: TApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/buyers/rules',
    summary:
      'Which rules apply to a purchase (buyer type, sector, contract type, value), with sources, and its due-diligence plan. Nothing is stored.',
    tags: ['buyers'],
    body: ZRulesRequest,
    response: ZRulesResponse,
    example: { body: { buyerType: 'municipal', sector: 'cleaning', contractType: 'service', value: '2 050 000' } }
  },
  {
    method: 'post',
    path: '/api/v1/buyers/transparency-scope',
    summary: 'Whether a company is covered by åpenhetsloven (two of three size limits exceeded). Nothing is stored.',
    tags: ['buyers'],
    body: ZTransparencyRequest,
    response: ZTransparencyResponse,
    example: { body: { revenue: '80 000 000', balance: '40 000 000', employees: '55' } }
  },
  {
    method: 'get',
    path: '/api/v1/buyers/plans',
    summary: 'The saved due-diligence plans of the signed-in member’s organisations',
    tags: ['buyers'],
    response: ZPlanList,
    auth: 'session'
  },
  {
    method: 'get',
    path: '/api/v1/buyers/plans/{id}',
    summary: 'One plan with its follow-up checks and self-assessment status; 404 for another organisation’s plan',
    tags: ['buyers'],
    response: ZPlanOne,
    auth: 'session'
  },
  {
    method: 'get',
    path: '/api/v1/buyers/summary',
    summary: 'Anonymous counts: plans by sector, findings by type, checks recorded (each under 5 suppressed)',
    tags: ['buyers'],
    response: ZBuyersSummary
  }
];

function signedIn(user: TSessionUser | null): TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  return user;
}

const strip = ({ organisationName: _n, ...p }: Awaited<ReturnType<typeof getPlan>>) => (void _n, p);

export async function apiPlans(db: DB, user: TSessionUser | null) {
  return { data: (await listPlans(db, signedIn(user))).map(strip) };
}

export async function apiPlan(db: DB, user: TSessionUser | null, id: string) {
  const plan = await getPlan(db, signedIn(user), id);
  const assessments = await listAssessments(db, id);
  return {
    data: {
      ...strip(plan),
      checks: await listChecks(db, id),
      assessments: assessments.map((a) => ({
        id: a.id,
        status: a.status,
        expiresAt: a.expiresAt,
        answeredAt: a.answeredAt,
        flags: a.flags.map((f) => f.id)
      }))
    }
  };
}
