import { z } from 'zod';
import type { MessageKey } from '../i18n';

const m = (key: MessageKey) => ({ message: key });

const text = (max: number) =>
  z.string(m('validation.required')).trim().min(1, m('validation.required')).max(max, m('validation.tooLong'));

export const ZSlug = z
  .string(m('validation.required'))
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,62}$/, m('stats.error.slug'));

const ZBreakdownCode = z.string().regex(/^[a-z0-9_]{1,40}$/, m('stats.error.breakdownCode'));

/**
 * Breakdown lines in a textarea, one per line: `code | bokmål label | English label`.
 * The first line is the default breakdown (usually `total`).
 */
export const ZBreakdownLines = z
  .string(m('validation.required'))
  .trim()
  .min(1, m('validation.required'))
  .max(4000, m('validation.tooLong'))
  .transform((s, ctx) => {
    const out: { code: string; labelNb: string; labelEn: string }[] = [];
    for (const line of s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)) {
      const parts = line.split('|').map((p) => p.trim());
      if (parts.length !== 3 || !parts[1] || !parts[2] || !ZBreakdownCode.safeParse(parts[0]).success) {
        ctx.addIssue({ code: 'custom', message: 'stats.error.breakdownLine' });
        return z.NEVER;
      }
      if (out.some((b) => b.code === parts[0])) {
        ctx.addIssue({ code: 'custom', message: 'stats.error.breakdownDuplicate' });
        return z.NEVER;
      }
      out.push({ code: parts[0], labelNb: parts[1], labelEn: parts[2] });
    }
    return out;
  });

export const ZIndicatorForm = z.object({
  slug: ZSlug,
  nameNb: text(200),
  nameEn: text(200),
  definitionNb: text(2000),
  definitionEn: text(2000),
  unitNb: text(60),
  unitEn: text(60),
  chartKind: z.enum(['line', 'bar'], m('validation.choose')),
  breakdowns: ZBreakdownLines
});
export type TIndicatorForm = z.infer<typeof ZIndicatorForm>;

const ZOptionalUrl = z
  .string()
  .trim()
  .max(1000, m('validation.tooLong'))
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), m('stats.error.url'))
  .optional()
  .default('');

const ZOptionalDate = z
  .string()
  .trim()
  .refine((s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))), m('stats.error.date'))
  .optional()
  .default('');

/** A source: title and publisher always; a web address needs the date it was read. */
export const ZSourceFields = z.object({
  sourceTitle: text(300),
  sourcePublisher: text(200),
  sourceUrl: ZOptionalUrl,
  sourceAccessedOn: ZOptionalDate
});

function requireAccessDate<T extends { sourceUrl: string; sourceAccessedOn: string }>(v: T, ctx: z.RefinementCtx) {
  if (v.sourceUrl && !v.sourceAccessedOn)
    ctx.addIssue({ code: 'custom', path: ['sourceAccessedOn'], message: 'stats.error.accessedRequired' });
}

export const ZValueForm = ZSourceFields.extend({
  breakdown: z.string(m('validation.choose')).min(1, m('validation.choose')),
  period: z.string(m('validation.required')).trim().min(1, m('validation.required')),
  value: z.string().trim().max(40, m('validation.tooLong')).optional().default(''),
  note: z.string().trim().max(1000, m('validation.tooLong')).optional().default('')
}).superRefine(requireAccessDate);
export type TValueForm = z.infer<typeof ZValueForm>;

export const importFormats = ['csv', 'jsonstat'] as const;

/**
 * How the file's categories map to the indicator's breakdowns, one per line: `file code = breakdown code`
 * (e.g. `01 = women`). Categories not listed match a breakdown by code or label.
 */
export const ZCategoryMap = z
  .string()
  .max(4000, m('validation.tooLong'))
  .optional()
  .default('')
  .transform((s, ctx) => {
    const out: Record<string, string> = {};
    for (const line of s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)) {
      const i = line.lastIndexOf('=');
      const from = line.slice(0, i).trim();
      const to = line.slice(i + 1).trim();
      if (i < 1 || !from || !/^[a-z0-9_]{1,40}$/.test(to)) {
        ctx.addIssue({ code: 'custom', message: 'stats.error.categoryMap' });
        return z.NEVER;
      }
      out[from] = to;
    }
    return out;
  });

/**
 * The import form's fields besides the file: format, the source for rows that name none (a file exported
 * by Forebygg carries a source per row), and the column mapping (CSV) or breakdown dimension (JSON-stat).
 */
export const ZImportForm = z
  .object({
    format: z.enum(importFormats, m('validation.choose')),
    sourceTitle: z.string().trim().max(300, m('validation.tooLong')).optional().default(''),
    sourcePublisher: z.string().trim().max(200, m('validation.tooLong')).optional().default(''),
    sourceUrl: ZOptionalUrl,
    sourceAccessedOn: ZOptionalDate,
    periodColumn: z.string().max(100).optional().default(''),
    valueColumn: z.string().max(100).optional().default(''),
    breakdownColumn: z.string().max(100).optional().default(''),
    noteColumn: z.string().max(100).optional().default(''),
    breakdownDimension: z.string().max(100).optional().default(''),
    categoryMap: ZCategoryMap
  })
  .superRefine((v, ctx) => {
    if (v.sourceTitle && !v.sourcePublisher)
      ctx.addIssue({ code: 'custom', path: ['sourcePublisher'], message: 'validation.required' });
    if (!v.sourceTitle && (v.sourcePublisher || v.sourceUrl))
      ctx.addIssue({ code: 'custom', path: ['sourceTitle'], message: 'validation.required' });
    requireAccessDate(v, ctx);
  });
export type TImportForm = z.infer<typeof ZImportForm>;

export const ZValuesQuery = z.object({
  from: z.coerce
    .number(m('stats.error.year'))
    .int(m('stats.error.year'))
    .min(1990, m('stats.error.year'))
    .max(2100, m('stats.error.year'))
    .optional()
    .describe('Only values whose period ends in or after this year'),
  to: z.coerce
    .number(m('stats.error.year'))
    .int(m('stats.error.year'))
    .min(1990, m('stats.error.year'))
    .max(2100, m('stats.error.year'))
    .optional()
    .describe('Only values whose period ends in or before this year'),
  breakdown: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/, m('stats.error.breakdownCode'))
    .optional()
    .describe('Only this breakdown code (see the indicator’s breakdowns)')
});

const ZSource = z
  .object({
    id: z.string(),
    title: z.string(),
    publisher: z.string(),
    url: z.string().describe('Empty when the source has no web address'),
    accessedOn: z.string().nullable().describe('Date the source was read (YYYY-MM-DD), null when not recorded')
  })
  .meta({ id: 'StatisticsSource' });

const ZBreakdown = z.object({ code: z.string(), labelNb: z.string(), labelEn: z.string() });

export const ZIndicatorSummary = z
  .object({
    id: z.string().describe('The indicator’s slug, used in every URL'),
    nameNb: z.string(),
    nameEn: z.string(),
    definitionNb: z.string(),
    definitionEn: z.string(),
    unitNb: z.string(),
    unitEn: z.string(),
    chartKind: z.enum(['line', 'bar']),
    breakdowns: z.array(ZBreakdown),
    valueCount: z.number().int(),
    firstYear: z.number().int().nullable(),
    lastYear: z.number().int().nullable()
  })
  .meta({ id: 'StatisticsIndicator' });

export const ZIndicatorList = z
  .object({
    data: z.array(ZIndicatorSummary),
    licence: z.string(),
    licenceUrl: z.string()
  })
  .meta({ id: 'StatisticsIndicatorList' });

export const ZStatValue = z
  .object({
    breakdown: z.string(),
    periodFrom: z.number().int(),
    periodTo: z.number().int(),
    value: z.number().nullable().describe('null marks a gap: the source gives no exact figure'),
    note: z.string(),
    source: ZSource
  })
  .meta({ id: 'StatisticsValue' });

export const ZValueList = z
  .object({
    indicator: ZIndicatorSummary,
    data: z.array(ZStatValue),
    licence: z.string(),
    licenceUrl: z.string()
  })
  .meta({ id: 'StatisticsValueList' });

export const ZDownload = z.string().describe('The file (text/csv or application/json JSON-stat 2.0 dataset)');

export const ZBarometer = z
  .object({
    tiles: z.array(
      z.object({
        module: z.string(),
        href: z.string(),
        status: z.enum(['data', 'no_data']),
        lastUpdated: z.string().nullable(),
        figures: z.array(z.object({ label: z.string(), value: z.string(), source: z.string() }))
      })
    )
  })
  .meta({ id: 'PreventionBarometer' });
