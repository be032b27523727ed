import { z } from 'zod';
import type { TApiOperation } from '../api/openapi';
import { ZReportApiBody } from '../../schemas/report';

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

export const ZReportAccepted = z
  .object({
    accepted: z.boolean().describe('true: stored and routed (202); false: nobody can receive it, nothing stored (200)'),
    receipt: z
      .string()
      .optional()
      .describe('20 digits in groups of four, shown only in this answer; never stored in clear, never sent again'),
    organisations: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .describe('Who receives the report; empty when not accepted'),
    message: z.string()
  })
  .meta({ id: 'ReportAccepted' });

export const reportOperations: TApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/reports',
    summary:
      'Report a concern (the same checks as the form at /report). 202 with the receipt, shown only in this answer; ' +
      '200 with accepted=false when no organisation with an active inbox covers the kind and municipality ' +
      '(nothing stored: use the official channels listed at /report). The body is never logged. At most ' +
      'REPORT_SUBMITS_PER_HOUR accepted reports per client and hour (429 after that).',
    tags: ['report'],
    body: ZReportApiBody,
    response: ZReportAccepted,
    example: {
      body: {
        kind: 'labour_exploitation',
        indicators: ['fearful-workers'],
        text: 'The workers at the car wash live on site and never speak for themselves.',
        municipality: '0301',
        place: '',
        identity: 'anonymous',
        contact: ''
      }
    }
  },
  {
    method: 'get',
    path: '/api/v1/reports/summary',
    summary: 'Reports received per kind × county × month; counts under 5 suppressed. Nothing else about reports.',
    tags: ['report'],
    response: ZReportSummary
  }
];
