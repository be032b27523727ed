import { z } from 'zod';
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
