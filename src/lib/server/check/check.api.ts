import { z } from 'zod';
import type { TApiOperation } from '../api/openapi';
import {
  ZCheckRequest,
  ZCheckResult,
  ZChecklistDocument,
  ZChecklistList,
  ZChecksSummary,
  ZChecksSummaryQuery
} from '../../schemas/check';

/** The Check module's API operations (registered in api/openapi.ts). */
export const checkOperations: TApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/checklists',
    summary: 'The sector checklists: id, current version, kind and title',
    tags: ['check'],
    response: ZChecklistList
  },
  {
    method: 'get',
    path: '/api/v1/checklists/{sector}',
    summary: 'One sector checklist, whole: questions, indicators, weights, thresholds, advice, sources',
    tags: ['check'],
    query: z.object({
      version: z
        .string()
        .regex(/^\d{1,9}$/)
        .optional()
        .describe('An earlier version, if still known')
    }),
    response: ZChecklistDocument,
    example: { params: { sector: 'car-wash' } }
  },
  {
    method: 'post',
    path: '/api/v1/checks',
    summary:
      'Scores answers to a checklist; stores the anonymous aggregate (sector, version, level, indicators, municipality, ISO week) unless demo. 404 unknown sector, 409 unknown version.',
    tags: ['check'],
    body: ZCheckRequest,
    response: ZCheckResult,
    example: {
      body: {
        sector: 'car-wash',
        version: 1,
        answers: {
          'price-far-below': 'no',
          'cash-only': 'no',
          receipt: 'yes',
          'pay-manager': 'no',
          'no-ppe': 'unknown',
          'living-on-site': 'no',
          'child-working': 'no',
          fearful: 'no',
          'intimidating-manager': 'no'
        },
        municipality: '0301'
      }
    }
  },
  {
    method: 'get',
    path: '/api/v1/checks/summary',
    summary: 'Aggregates of non-demo checks (counts under 5 shown as "<5"): by sector, week, level, indicator, county',
    tags: ['check'],
    query: ZChecksSummaryQuery,
    response: ZChecksSummary
  }
];
