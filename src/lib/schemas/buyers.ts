import { z } from 'zod';
import { assessmentQuestions } from '../buyers/assessment';
import { MAX_AMOUNT, parseNok, type TAmountResult } from '../buyers/amount';
import { buyerSectors, buyerTypes, contractTypes, ruleIds } from '../buyers/rules';
import { planItemIds, planStages } from '../buyers/plan';
import type { MessageKey } from '../i18n';
import { ZOrgNumber } from './fields';

/** Schemas of the Buyers module, shared by forms, the API and the OpenAPI document. */
const m = (key: MessageKey) => ({ message: key });

const amountErrors: Record<'invalid' | 'negative' | 'tooLarge', MessageKey> = {
  invalid: 'buyers.error.amount',
  negative: 'buyers.error.negative',
  tooLarge: 'buyers.error.tooLarge'
};

/**
 * An amount in NOK: a number (API) or text in Norwegian formats ("2 050 000", "2,05 mill.", "kr 900 000,-").
 * Refuses negative, empty and non-numeric values with a message key.
 */
const amount = (whole: boolean) =>
  z.union([z.number(), z.string()], m('buyers.error.amount')).transform((raw, ctx) => {
    const result: TAmountResult =
      typeof raw === 'number'
        ? !Number.isFinite(raw)
          ? { ok: false, error: 'invalid' }
          : raw < 0
            ? { ok: false, error: 'negative' }
            : raw > MAX_AMOUNT
              ? { ok: false, error: 'tooLarge' }
              : { ok: true, value: whole ? Math.round(raw) : Math.round(raw * 100) / 100 }
        : raw.trim() === ''
          ? { ok: false, error: 'invalid' }
          : parseNok(raw, { whole });
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: amountErrors[result.error] });
    return z.NEVER;
  });

export const ZNokAmount = amount(true).describe(
  'NOK excl. VAT: a number, or text such as "2 050 000", "2,05 mill." or "kr 900 000,-"'
);

export const ZBuyerType = z.enum(buyerTypes, m('buyers.error.buyerType'));
export const ZBuyerSector = z.enum(buyerSectors, m('buyers.error.sector'));
export const ZContractType = z.enum(contractTypes, m('buyers.error.contractType'));

export const ZRulesRequest = z
  .object({
    buyerType: ZBuyerType,
    sector: ZBuyerSector,
    contractType: ZContractType,
    value: ZNokAmount
  })
  .meta({ id: 'BuyersRulesRequest' });

/** The public form: the purchase, and optionally the supplier's organisation number to check. */
export const ZRulesForm = ZRulesRequest.extend({ supplierOrgNumber: ZOrgNumber.optional().default('') });
export type TRulesForm = z.infer<typeof ZRulesForm>;

export const ZTransparencyRequest = z
  .object({
    revenue: ZNokAmount,
    balance: ZNokAmount,
    employees: amount(false).describe('Average full-time equivalents; decimals allowed ("50,5")')
  })
  .meta({ id: 'BuyersTransparencyRequest' });

const ZSourceRef = z.object({ title: z.string(), url: z.string(), asOf: z.string().nullable() });

export const ZRulesResponse = z
  .object({
    input: z.object({ buyerType: ZBuyerType, sector: ZBuyerSector, contractType: ZContractType, value: z.number() }),
    rules: z.array(
      z.object({
        id: z.enum(ruleIds),
        applies: z.boolean(),
        title: z.string(),
        summary: z.string(),
        reason: z.string().describe('Why the rule applies or not, in plain words'),
        threshold: z.number().nullable().describe('NOK excl. VAT, when the rule has a threshold'),
        uncertain: z.boolean().describe('A figure is uncertain or dated: check Lovdata before relying on it'),
        note: z.string().nullable(),
        sources: z.array(ZSourceRef)
      })
    ),
    plan: z.array(
      z.object({
        stage: z.enum(planStages),
        items: z.array(
          z.object({
            id: z.enum(planItemIds),
            required: z.boolean(),
            title: z.string(),
            why: z.string(),
            how: z.string(),
            sources: z.array(ZSourceRef)
          })
        )
      })
    ),
    warningSigns: z
      .object({ checklistId: z.string(), title: z.string(), signs: z.array(z.string()), sources: z.array(ZSourceRef) })
      .nullable()
      .describe('Warning signs for the sector from the Check module’s checklist'),
    disclaimer: z.string()
  })
  .meta({ id: 'BuyersRulesResponse' });

export const ZTransparencyResponse = z
  .object({
    covered: z.boolean(),
    exceeded: z.object({ revenue: z.boolean(), balance: z.boolean(), employees: z.boolean() }),
    exceededCount: z.number(),
    limits: z.object({ revenue: z.number(), balance: z.number(), employees: z.number() }),
    explanation: z.string(),
    note: z.string(),
    sources: z.array(ZSourceRef)
  })
  .meta({ id: 'BuyersTransparencyResponse' });

/* Saved plans, follow-up checks and supplier self-assessments (staff area and the supplier's link). */

export const checkKinds = ['site-visits', 'id-cards', 'pay-records', 'subcontractor-list', 'other'] as const;
export const findingTypes = [
  'pay',
  'hours',
  'hms_card',
  'subcontractors',
  'cash_wages',
  'housing',
  'recruitment_fees',
  'documents',
  'other'
] as const;
export const checkOutcomes = ['ok', 'finding'] as const;

const ZText = (max: number) =>
  z.string(m('validation.required')).trim().min(1, m('validation.required')).max(max, m('validation.tooLong'));
const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, m('validation.tooLong'))
    .optional()
    .transform((s) => s ?? '');

export const ZPlanForm = z.object({
  organisationId: z.uuid(m('validation.choose')),
  title: ZText(200),
  buyerType: ZBuyerType,
  sector: ZBuyerSector,
  contractType: ZContractType,
  value: ZNokAmount,
  supplierName: ZText(200),
  supplierOrgNumber: ZOrgNumber.optional().default('')
});
export type TPlanForm = z.infer<typeof ZPlanForm>;

/** A calendar date, YYYY-MM-DD, that exists. */
export const ZDate = z
  .string(m('buyers.error.date'))
  .trim()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    m('buyers.error.date')
  );

export const ZCheckScheduleForm = z.object({
  kind: z.enum(checkKinds, m('validation.choose')),
  dueOn: ZDate
});
export type TCheckScheduleForm = z.infer<typeof ZCheckScheduleForm>;

export const ZCheckRecordForm = z
  .object({
    checkId: z.uuid(m('validation.invalid')),
    outcome: z.enum(checkOutcomes, m('validation.choose')),
    findingType: z
      .union([z.literal(''), z.enum(findingTypes)], m('validation.choose'))
      .optional()
      .transform((s) => s || null),
    note: ZOptionalText(4000)
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'finding' && !v.findingType)
      ctx.addIssue({ code: 'custom', path: ['findingType'], message: 'buyers.error.findingType' });
  });
export type TCheckRecordForm = z.infer<typeof ZCheckRecordForm>;

const answer = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, m('validation.choose'));
export const ZAssessmentForm = z.object({
  workers: z
    .string(m('buyers.error.workers'))
    .trim()
    .regex(/^\d{1,6}$/, m('buyers.error.workers'))
    .transform(Number),
  subcontractorTiers: answer(assessmentQuestions.subcontractorTiers),
  payMethod: answer(assessmentQuestions.payMethod),
  tariffPay: answer(assessmentQuestions.tariffPay),
  pension: answer(assessmentQuestions.pension),
  hmsCards: answer(assessmentQuestions.hmsCards),
  housing: answer(assessmentQuestions.housing),
  recruitmentFees: answer(assessmentQuestions.recruitmentFees),
  ownDocuments: answer(assessmentQuestions.ownDocuments),
  comment: ZOptionalText(2000)
});

export const ZPlanSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    organisationId: z.string(),
    buyerType: z.string(),
    sector: z.string(),
    contractType: z.string(),
    value: z.number(),
    supplierName: z.string(),
    supplierOrgNumber: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'BuyersPlan' });

export const ZPlanList = z.object({ data: z.array(ZPlanSummary) }).meta({ id: 'BuyersPlanList' });

export const ZPlanOne = z
  .object({
    data: ZPlanSummary.extend({
      checks: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          dueOn: z.string(),
          outcome: z.string().nullable(),
          findingType: z.string().nullable(),
          note: z.string(),
          recordedAt: z.string().nullable()
        })
      ),
      assessments: z.array(
        z.object({
          id: z.string(),
          status: z.enum(['open', 'expired', 'answered']),
          expiresAt: z.string(),
          answeredAt: z.string().nullable(),
          flags: z.array(z.string())
        })
      )
    })
  })
  .meta({ id: 'BuyersPlanDetail' });

const ZSuppressed = z
  .object({ suppressed: z.boolean(), count: z.number().nullable(), lessThan: z.number().nullable().optional() })
  .describe('A count; under 5 it is suppressed (count null, lessThan 5)');

export const ZBuyersSummary = z
  .object({
    plansBySector: z.array(z.object({ sector: z.string(), plans: ZSuppressed })),
    findingsByType: z.array(z.object({ findingType: z.string(), findings: ZSuppressed })),
    checksRecorded: ZSuppressed
  })
  .meta({ id: 'BuyersSummary' });
