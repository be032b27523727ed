import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { ZMaterialFileApi } from './campaign-materials';

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

/**
 * The planner's "current level" query (a GET form, so it works without JavaScript): the indicator as
 * `survey|question|answer` and the weighting, or a campaign whose indicator and weighting are taken.
 */
export const ZPlannerLevelQuery = z.object({
  indicator: z
    .union([
      z.literal(''),
      z
        .string()
        .regex(/^[0-9a-f-]{36}\|[a-z][a-z0-9_]{0,39}\|[a-z0-9][a-z0-9_-]{0,29}$/, m('campaigns.error.indicator'))
    ])
    .optional(),
  weighting: z.enum(['none', 'poststratify', 'rake'], m('validation.choose')).optional(),
  campaign: z.uuid(m('campaigns.error.notFound')).optional()
});
export type TPlannerLevelQuery = z.infer<typeof ZPlannerLevelQuery>;

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

// ——— The campaign registry (issue 8) ———

export const campaignChannels = [
  'social_media',
  'posters',
  'transport',
  'school_visits',
  'press',
  'tv_radio',
  'events',
  'web',
  'other'
] as const;
export const campaignDesigns = ['before_after', 'exposure', 'did', 'did_group'] as const;
export type TCampaignDesign = (typeof campaignDesigns)[number];
export const campaignWeightings = ['none', 'poststratify', 'rake'] as const;
export const campaignSdgTargets = ['5.2', '8.7', '16.2'] as const;

const splitList = (s: string) =>
  s
    .split(/[;,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

const ZIsoDate = z.iso.date(m('campaigns.error.date'));
const ZHttpUrl = z.url({ protocol: /^https?$/, ...m('campaigns.error.material') }).max(500, m('validation.tooLong'));

export const ZMaterial = z.object({
  title: z.string().trim().min(1, m('campaigns.error.material')).max(200, m('validation.tooLong')),
  url: ZHttpUrl
});
export type TMaterial = z.infer<typeof ZMaterial>;

/** "Title | https://…" per line → materials; a line that is not both is refused with the field's message. */
function parseMaterials(text: string): unknown[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.lastIndexOf('|');
      if (bar < 0) return { title: '', url: line };
      return { title: line.slice(0, bar).trim(), url: line.slice(bar + 1).trim() };
    });
}

/** A campaign as the service takes it (from the staff form). Cross-table rules are the service's. */
export const ZCampaignInput = z
  .object({
    name: z.string(m('validation.required')).trim().min(1, m('validation.required')).max(200, m('validation.tooLong')),
    goal: z.string(m('validation.required')).trim().min(1, m('validation.required')).max(4000, m('validation.tooLong')),
    targetGroup: z
      .string(m('validation.required'))
      .trim()
      .min(1, m('validation.required'))
      .max(500, m('validation.tooLong')),
    sectors: z.array(z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, m('campaigns.error.sector'))).max(30),
    channels: z.array(z.enum(campaignChannels, m('campaigns.error.channel'))).max(20),
    startsOn: ZIsoDate,
    endsOn: ZIsoDate,
    budget: z
      .number(m('campaigns.error.budget'))
      .int(m('campaigns.error.budget'))
      .min(0, m('campaigns.error.budget'))
      .max(1e12, m('campaigns.error.budget'))
      .nullable(),
    indicator: z
      .union([
        z.literal(''),
        z
          .string()
          .regex(/^[0-9a-f-]{36}\|[a-z][a-z0-9_]{0,39}\|[a-z0-9][a-z0-9_-]{0,29}$/, m('campaigns.error.indicator'))
      ])
      .default(''),
    sdgTargets: z.array(z.enum(campaignSdgTargets, m('campaigns.error.sdg'))).max(3),
    measureIds: z.array(z.uuid(m('campaigns.error.measure'))).max(50),
    partners: z.string().trim().max(4000, m('validation.tooLong')).default(''),
    materials: z.array(ZMaterial).max(30, m('validation.tooLong')),
    design: z.enum(campaignDesigns, m('validation.choose')),
    baselineWave: z.union([z.literal(''), z.uuid(m('campaigns.error.wave'))]).default(''),
    followupWave: z.union([z.literal(''), z.uuid(m('campaigns.error.wave'))]).default(''),
    exposure: z
      .union([
        z.literal(''),
        z.string().regex(/^[a-z][a-z0-9_]{0,39}\|[a-z0-9][a-z0-9_-]{0,29}$/, m('campaigns.error.exposure'))
      ])
      .default(''),
    sourceCodes: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, m('campaigns.error.sourceCode'))).max(30),
    weighting: z.enum(campaignWeightings, m('validation.choose')),
    /** Design 'did_group': the group question and the answers of the target group and of the comparison. */
    groupQuestion: z
      .union([z.literal(''), z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, m('campaigns.error.groupQuestion'))])
      .default(''),
    groupTarget: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, m('campaigns.error.groupAnswer')))
      .max(400)
      .default([]),
    groupComparison: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, m('campaigns.error.groupAnswer')))
      .max(400)
      .default([])
  })
  .superRefine((v, ctx) => {
    if (typeof v.startsOn === 'string' && typeof v.endsOn === 'string' && v.endsOn < v.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'campaigns.error.endBeforeStart' });
  });
export type TCampaignInput = z.infer<typeof ZCampaignInput>;

/**
 * The staff form: checkbox groups post one field per choice named `group:value`; materials are one
 * "Title | https://…" per line; source codes separated by commas or lines; the budget a whole number of
 * NOK ("250 000" allowed).
 */
export const ZCampaignForm = z.preprocess((input) => {
  const f = (input ?? {}) as Record<string, unknown>;
  const text = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  const checked = (group: string) =>
    Object.keys(f)
      .filter((k) => k.startsWith(`${group}:`))
      .map((k) => k.slice(group.length + 1));
  const budgetText = text('budget').replace(/[\s\u00a0]/g, '');
  // Group answers are posted per candidate question (`groupTarget:<question>|<answer>`); only the chosen one counts.
  const groupQuestion = text('groupQuestion');
  const groupAnswers = (group: string) =>
    checked(group)
      .filter((k) => k.startsWith(`${groupQuestion}|`))
      .map((k) => k.slice(groupQuestion.length + 1));
  return {
    ...f,
    startsOn: text('startsOn').trim(),
    endsOn: text('endsOn').trim(),
    sectors: checked('sectors'),
    channels: checked('channels'),
    sdgTargets: checked('sdgTargets'),
    measureIds: checked('measureIds'),
    materials: parseMaterials(text('materials')),
    sourceCodes: splitList(text('sourceCodes')),
    groupTarget: groupQuestion ? groupAnswers('groupTarget') : [],
    groupComparison: groupQuestion ? groupAnswers('groupComparison') : [],
    budget: budgetText === '' ? null : /^-?\d+$/.test(budgetText) ? Number(budgetText) : NaN
  };
}, ZCampaignInput);

/** Path parameter of the campaign API. */
export const ZCampaignParams = z.object({ id: z.string().min(1).max(100).describe('Campaign id or slug') });

const ZCi = z.object({
  estimate: z.number().nullable().describe('A difference of proportions (0.06 = 6 percentage points)'),
  ci_low: z.number().nullable(),
  ci_high: z.number().nullable(),
  p_value: z.number().nullable(),
  too_few: z.boolean().describe('Fewer than 30 answers in a part: no interval or p-value is given')
});

export const ZCampaignSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    goal: z.string(),
    target_group: z.string(),
    starts_on: z.string(),
    ends_on: z.string(),
    budget_nok: z.number().nullable(),
    sectors: z.array(z.string()),
    channels: z.array(z.string()),
    sdg_targets: z.array(z.string()),
    design: z.enum(campaignDesigns),
    indicator: z.object({ survey_id: z.string(), question_id: z.string(), answer_code: z.string() }).nullable(),
    published_at: z.string()
  })
  .meta({ id: 'CampaignSummary' });

export const ZCampaignDetail = ZCampaignSummary.extend({
  partners: z.array(z.string()),
  materials: z.array(ZMaterial),
  material_files: z
    .array(ZMaterialFileApi)
    .describe('Uploaded files (posters, images of the ads) with their public address'),
  measure_ids: z.array(z.string()),
  baseline_wave_id: z.string().nullable(),
  followup_wave_id: z.string().nullable(),
  exposure: z.object({ question_id: z.string(), answer_code: z.string() }).nullable(),
  did_group: z
    .object({
      question_id: z.string(),
      target: z.array(z.string()).describe('Answers of the group question that make the target group'),
      comparison: z.array(z.string()).describe('Answers of the comparison group; empty: every other answer')
    })
    .nullable()
    .describe("Design 'did_group': the comparison group/region"),
  source_codes: z.array(z.string()),
  weighting: z.enum(campaignWeightings)
}).meta({ id: 'CampaignDetail' });

export const ZActivityRow = z.object({
  week: z.string().describe('ISO week'),
  metric: z
    .enum([
      'checks',
      'letters',
      'quiz_answers',
      'quiz_sessions',
      'class_sessions',
      'reports',
      'survey_responses',
      'knowledge_gain'
    ])
    .describe(
      'quiz_sessions: solo quizzes started (first answer) per ISO week; class_sessions: classroom quiz sessions started by a teacher; counts under 5 suppressed'
    ),
  value: z
    .number()
    .nullable()
    .describe(
      "A count; for knowledge_gain the classroom quizzes' gain in percentage points (share right after − before, ×100). null: suppressed (fewer than 5), or no class that week"
    ),
  suppressed: z.boolean(),
  during: z.boolean().describe('The week lies in the campaign period')
});

export const ZCampaignEffect = z
  .object({
    indicator: z.object({ survey_id: z.string(), question_id: z.string(), answer_code: z.string() }).nullable(),
    before: z.object({ p: z.number().nullable(), se: z.number().nullable(), n: z.number() }).nullable(),
    after: z.object({ p: z.number().nullable(), se: z.number().nullable(), n: z.number() }).nullable(),
    change: ZCi.nullable(),
    exposed_vs_unexposed: ZCi.nullable(),
    did: ZCi.extend({
      formed: z
        .object({
          by: z
            .enum(['exposure', 'group'])
            .describe('exposure: exposed vs not exposed in both waves; group: target group vs comparison group'),
          question_id: z.string().describe('The exposure question, or the group question'),
          target: z.array(z.string()).describe('Answers meaning "exposed", or the target group\'s answers'),
          comparison: z
            .array(z.string())
            .nullable()
            .describe("The comparison group's answers; null: everyone who gave another answer (exposure)")
        })
        .meta({
          description: 'How the difference-in-differences was formed',
          examples: [
            { by: 'group', question_id: 'county', target: ['03', '31', '32', '33'], comparison: ['11', '15', '46'] },
            { by: 'exposure', question_id: 'seen_poster', target: ['yes'], comparison: null }
          ]
        })
    }).nullable(),
    cost_per_point: z
      .object({ estimate: z.number(), ci_low: z.number().nullable(), ci_high: z.number().nullable() })
      .nullable(),
    activity: z.array(ZActivityRow)
  })
  .meta({ id: 'CampaignEffect' });

/** The delete form's confirmation: the box "yes, delete the campaign and its files" must be ticked. */
export const ZCampaignDelete = z.object({
  confirm: z.literal('yes', m('campaigns.delete.error.confirm'))
});
