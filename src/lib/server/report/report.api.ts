import { z } from 'zod';
import type { TApiOperation } from '../api/openapi';

export const ZReportSummary = z
  .object({
    data: z.array(
      z.object({
        kind: z.string().describe('sexual_exploitation, labour_exploitation, forced_crime, child, other'),
        county: z.string().describe('County number'),
        countyName: z.string(),
        month: z.string().describe('YYYY-MM'),
        count: z.number().int().nullable().describe('null when suppressed'),
        suppressed: z.boolean().describe('true for counts from 1 to 4, shown as "<5"')
      })
    )
  })
  .meta({ id: 'ReportSummary' });

export const reportOperations: TApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/reports/summary',
    summary: 'Reports received per kind × county × month; counts under 5 suppressed. Nothing else about reports.',
    tags: ['report'],
    response: ZReportSummary
  }
];
