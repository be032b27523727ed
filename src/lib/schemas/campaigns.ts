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

/** `POST /api/v1/campaigns/plan`: the planner as a pure computation; shares as proportions (0.14 = 14 %). */
export const ZPlanRequest = z
  .object({
    level: z
      .number(m('campaigns.error.apiShare'))
      .min(0.001, m('campaigns.error.apiShare'))
      .max(0.999, m('campaigns.error.apiShare'))
      .describe('Current level of the indicator, 0.001–0.999'),
    n_before: z
      .number(m('campaigns.error.sample'))
      .int(m('campaigns.error.sample'))
      .min(20, m('campaigns.error.sample'))
      .max(10_000_000, m('campaigns.error.sample')),
    n_after: z
      .number(m('campaigns.error.sample'))
      .int(m('campaigns.error.sample'))
      .min(20, m('campaigns.error.sample'))
      .max(10_000_000, m('campaigns.error.sample')),
    share_exposed: z
      .number(m('campaigns.error.apiShareExposed'))
      .min(0.01, m('campaigns.error.apiShareExposed'))
      .max(0.99, m('campaigns.error.apiShareExposed')),
    deff: z.number(m('campaigns.error.deff')).min(0.5, m('campaigns.error.deff')).max(10, m('campaigns.error.deff')),
    hoped_change: z
      .number(m('campaigns.error.apiChange'))
      .min(0.001, m('campaigns.error.apiChange'))
      .max(0.998, m('campaigns.error.apiChange'))
      .describe('The rise hoped for, as a proportion (0.05 = 5 percentage points)')
  })
  .strict()
  .superRefine((v, ctx) => {
    const valid = (x: unknown, lo: number, hi: number) => typeof x === 'number' && x >= lo && x <= hi;
    if (valid(v.level, 0.001, 0.999) && valid(v.hoped_change, 0.001, 0.998) && v.level + v.hoped_change >= 1)
      ctx.addIssue({ code: 'custom', path: ['hoped_change'], message: 'campaigns.error.changeTooLarge' });
  })
  .meta({ id: 'CampaignPlanRequest' });

const ZPlanDesign = z.object({
  design: z.enum(['before_after', 'exposed', 'did']),
  mde: z.number().nullable().describe('Minimum detectable rise (proportion); null: none below 100 %'),
  needed: z
    .number()
    .nullable()
    .describe('Respondents needed for the hoped-for change: per wave (before_after, did), in the follow-up (exposed)'),
  underpowered: z.boolean()
});

export const ZPlanResponse = z
  .object({
    alpha: z.number(),
    power: z.number(),
    designs: z.array(ZPlanDesign),
    underpowered: z.array(z.enum(['before_after', 'exposed', 'did'])),
    warning: z.string().nullable().describe('A plain warning when the plan cannot detect the hoped-for change')
  })
  .meta({ id: 'CampaignPlanResponse' });
