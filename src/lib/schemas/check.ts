import { z } from 'zod';
import { answerValues, levels } from '../check/checklist';
import type { MessageKey } from '../i18n';
import { ZOrgNumber } from './fields';
import { isIsoWeek } from '../stats/iso-week';

/** Schemas of the Check module, shared by forms, the API and the OpenAPI document. */
const m = (key: MessageKey) => ({ message: key });

export const MAX_ANSWERS = 60;

export const ZSector = z
  .string(m('validation.required'))
  .regex(/^[a-z][a-z0-9-]{1,40}$/, m('check.error.unknownSector'))
  .describe('Sector id, e.g. car-wash');
export const ZAnswerValue = z.enum(answerValues, m('check.error.answerRequired'));
export const ZMunicipalityNumber = z.string().regex(/^\d{4}$/, m('check.error.municipality'));
const ZIsoWeek = z.string().refine(isIsoWeek, m('check.error.week')).describe('ISO week, e.g. 2026-W48');

export const ZCheckRequest = z
  .object({
    sector: ZSector,
    version: z.number(m('check.error.version')).int(m('check.error.version')).min(1, m('check.error.version')),
    answers: z
      .record(z.string().max(60, m('check.error.unknownQuestion')), ZAnswerValue)
      .refine((a) => Object.keys(a).length <= MAX_ANSWERS, m('check.error.tooManyAnswers'))
      .describe('Question id → yes | no | unknown; every question of the checklist'),
    municipality: ZMunicipalityNumber.optional().describe('Four-digit municipality number, if the user chose one'),
    demo: z.boolean(m('validation.invalid')).optional().describe('true: score only, store nothing')
  })
  .strict()
  .meta({ id: 'CheckRequest' });
export type TCheckRequest = z.infer<typeof ZCheckRequest>;

const ZTextOut = z.object({ nb: z.string(), en: z.string() });

export const ZCheckResult = z
  .object({
    sector: z.string(),
    version: z.number().int(),
    level: z.enum(levels),
    score: z.number(),
    maxScore: z.number(),
    triggered: z.array(z.object({ id: z.string(), text: ZTextOut, ilo: z.array(z.number().int()) })),
    unknownQuestions: z.array(z.string()),
    advice: z.array(z.object({ id: z.string(), text: ZTextOut })),
    stored: z.boolean().describe('false for a demo check: nothing was counted')
  })
  .meta({ id: 'CheckResult' });
export type TCheckResultOut = z.infer<typeof ZCheckResult>;

export const ZChecklistSummary = z
  .object({ id: z.string(), version: z.number().int(), kind: z.enum(['checklist', 'information']), title: ZTextOut })
  .meta({ id: 'ChecklistSummary' });
export const ZChecklistList = z.object({ data: z.array(ZChecklistSummary) }).meta({ id: 'ChecklistList' });
/** A whole checklist as in data/checklists (validated by src/lib/check/checklist.ts). */
export const ZChecklistDocument = z.record(z.string(), z.unknown()).meta({ id: 'Checklist' });

export const ZChecksSummaryQuery = z.object({
  from: ZIsoWeek.optional().describe('First ISO week, e.g. 2026-W01'),
  to: ZIsoWeek.optional().describe('Last ISO week'),
  sector: ZSector.optional().describe('Only this sector'),
  county: z
    .string()
    .regex(/^\d{2}$/, m('validation.invalid'))
    .optional()
    .describe('Only this two-digit county number')
});
export type TChecksSummaryQuery = z.infer<typeof ZChecksSummaryQuery>;

const ZCount = z
  .object({
    count: z.number().int().nullable().describe('null when suppressed'),
    suppressed: z.boolean(),
    display: z
      .string()
      .describe('The count as shown: a number, "<5", or "*" (hidden so another hidden count cannot be worked out)')
  })
  .meta({ id: 'SuppressedCount' });

export const ZChecksSummary = z
  .object({
    filter: z.object({
      from: z.string().nullable(),
      to: z.string().nullable(),
      sector: z.string().nullable(),
      county: z.string().nullable()
    }),
    total: ZCount,
    bySector: z.array(z.object({ sector: z.string(), count: ZCount })),
    byWeek: z.array(z.object({ week: z.string(), count: ZCount })),
    byLevel: z.array(
      z.object({ level: z.enum(levels), count: ZCount, share: z.number().nullable().describe('0–1; null if hidden') })
    ),
    topIndicators: z.array(z.object({ indicator: z.string(), text: ZTextOut.nullable(), count: ZCount })),
    byCounty: z.array(z.object({ county: z.string().nullable(), name: z.string().nullable(), count: ZCount })),
    suppression: z.string().describe('How small counts are hidden')
  })
  .meta({ id: 'ChecksSummary' });
export type TChecksSummary = z.infer<typeof ZChecksSummary>;

const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, m('validation.tooLong'))
    .optional()
    .transform((s) => s ?? '');

export const letterLanguages = ['nb', 'en'] as const;

/** The åpenhetsloven request form. Nothing typed here is stored. */
export const ZLetterForm = z.object({
  companyName: z
    .string(m('validation.required'))
    .trim()
    .min(1, m('validation.required'))
    .max(200, m('validation.tooLong')),
  orgNumber: ZOrgNumber.optional().default(''),
  product: z.string(m('validation.required')).trim().min(1, m('validation.required')).max(500, m('validation.tooLong')),
  sector: z
    .string()
    .max(40)
    .optional()
    .transform((s) => s ?? ''),
  senderName: ZOptionalText(120),
  senderEmail: z
    .string()
    .trim()
    .max(254, m('validation.tooLong'))
    .optional()
    .transform((s) => s ?? '')
    .pipe(z.union([z.literal(''), z.email(m('validation.email'))])),
  language: z.enum(letterLanguages, m('validation.choose'))
});
export type TLetterForm = z.infer<typeof ZLetterForm>;
