import { z } from 'zod';
import type { MessageKey } from '../i18n';

/**
 * The evaluation planner's inputs (issue 8). Percentages are typed as percent (14 or 14,5), sample
 * sizes as whole numbers (spaces allowed: "1 000"); messages are i18n keys.
 */
const m = (key: MessageKey) => ({ message: key });

/** A decimal number typed in Norwegian or English style: "14,5", "14.5", "1 000". */
const decimal = (key: MessageKey, min: number, max: number) =>
  z
    .string(m('validation.required'))
    .trim()
    .min(1, m('validation.required'))
    .max(30, m(key))
    .transform((s) => s.replace(/[\s\u00a0]/g, '').replace(',', '.'))
    .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, m(key)))
    .transform(Number)
    .pipe(z.number().min(min, m(key)).max(max, m(key)));

const whole = (key: MessageKey, min: number, max: number) =>
  z
    .string(m('validation.required'))
    .trim()
    .min(1, m('validation.required'))
    .max(30, m(key))
    .transform((s) => s.replace(/[\s\u00a0]/g, ''))
    .pipe(z.string().regex(/^\d+$/, m(key)))
    .transform(Number)
    .pipe(z.number().int(m(key)).min(min, m(key)).max(max, m(key)));

export const ZPlannerForm = z
  .object({
    level: decimal('campaigns.error.level', 0.1, 99.9),
    nBefore: whole('campaigns.error.sample', 20, 10_000_000),
    nAfter: whole('campaigns.error.sample', 20, 10_000_000),
    shareExposed: decimal('campaigns.error.share', 1, 99),
    deff: decimal('campaigns.error.deff', 0.5, 10),
    hopedChange: decimal('campaigns.error.change', 0.1, 99.8)
  })
  .superRefine((v, ctx) => {
    // zod 4 runs this even when a field failed: judge the sum only when both fields are valid.
    const valid = (x: unknown, lo: number, hi: number) => typeof x === 'number' && x >= lo && x <= hi;
    if (valid(v.level, 0.1, 99.9) && valid(v.hopedChange, 0.1, 99.8) && v.level + v.hopedChange >= 100)
      ctx.addIssue({ code: 'custom', path: ['hopedChange'], message: 'campaigns.error.changeTooLarge' });
  });
export type TPlannerForm = z.infer<typeof ZPlannerForm>;
