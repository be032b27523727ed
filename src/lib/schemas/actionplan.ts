import { z } from 'zod';
import type { MessageKey } from '../i18n';

/** The action plan's form and API schemas. Messages are i18n keys. */
const m = (key: MessageKey) => ({ message: key });

export const measureStatuses = ['not_started', 'in_progress', 'done', 'discontinued', 'unknown'] as const;
/** Lightup's chain of work, plus coordination, plus measures an editor has not yet placed. */
export const chainLinks = ['prevention', 'intelligence', 'victim_follow_up', 'coordination', 'unassigned'] as const;
/** The SDG targets the source report ties its recommendations to. */
export const sdgTargets = ['5.2', '8.7', '16.2'] as const;
export const gretaAssessments = ['addressed', 'partly', 'not_addressed', 'not_assessed'] as const;

const optionalText = (max: number) => z.string().trim().max(max, m('validation.tooLong')).optional().default('');

const requiredText = (max: number) =>
  z.string(m('validation.required')).trim().min(1, m('validation.required')).max(max, m('validation.tooLong'));

const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);

export const ZOptionalUrl = z
  .string()
  .trim()
  .max(1000, m('validation.tooLong'))
  .refine((s) => s === '' || /^https?:\/\/[^\s<>"]+$/i.test(s), m('ap.error.url'))
  .optional()
  .default('');

/** An ISO date or '' (no date). */
const ZOptionalDate = z
  .string()
  .trim()
  .refine((s) => s === '' || isDate(s), m('ap.error.date'))
  .optional()
  .default('');

/** A budget in NOK: digits, with spaces or dots as thousands separators; '' when none is stated. */
export const ZBudget = z
  .string()
  .trim()
  .max(30, m('validation.tooLong'))
  .optional()
  .default('')
  .transform((s, ctx) => {
    if (s === '') return null;
    const digits = s.replace(/[\s\u00a0.]/g, '').replace(/(kr|nok)$/i, '');
    if (!/^\d{1,13}$/.test(digits)) {
      ctx.addIssue({ code: 'custom', message: 'ap.error.budget' });
      return z.NEVER;
    }
    return Number(digits);
  });

/** A statistics series slug, or '' for none. */
const ZSeriesSlug = z
  .string()
  .trim()
  .refine((s) => s === '' || /^[a-z][a-z0-9_]{1,62}$/.test(s), m('ap.error.series'))
  .optional()
  .default('');

/** Markup is refused in public text: it is stored as text and always rendered escaped. */
const noMarkup = (s: string) => !/<[a-z/!?][^>]*>/i.test(s);

export const ZMeasureForm = z.object({
  number: z.string().trim().max(20, m('validation.tooLong')).optional().default(''),
  title: requiredText(1000),
  partId: z.string().trim().max(60).optional().default(''),
  responsible: optionalText(1000),
  chainLink: z.enum(chainLinks, m('validation.choose')),
  targetGroup: optionalText(300),
  deadline: ZOptionalDate,
  budgetNok: ZBudget,
  budgetNote: optionalText(500),
  indicator: optionalText(1000),
  indicatorSeries: ZSeriesSlug,
  sdg_5_2: z.string().optional(),
  sdg_8_7: z.string().optional(),
  sdg_16_2: z.string().optional(),
  recommendations: optionalText(500),
  sourceUrl: ZOptionalUrl,
  note: optionalText(2000)
});
export type TMeasureForm = z.infer<typeof ZMeasureForm>;

export const ZAssessmentForm = z
  .object({
    status: z.enum(measureStatuses, m('validation.choose')),
    assessedOn: z
      .string(m('validation.required'))
      .trim()
      .min(1, m('validation.required'))
      .refine(isDate, m('ap.error.date')),
    evidenceUrl: ZOptionalUrl,
    evidenceQuote: optionalText(2000),
    assessedBy: requiredText(200)
  })
  .superRefine((v, ctx) => {
    if (!v.evidenceUrl && !v.evidenceQuote)
      ctx.addIssue({ code: 'custom', path: ['evidenceUrl'], message: 'ap.error.evidence' });
    if (v.assessedOn > new Date().toISOString().slice(0, 10))
      ctx.addIssue({ code: 'custom', path: ['assessedOn'], message: 'ap.error.future' });
  });
export type TAssessmentForm = z.infer<typeof ZAssessmentForm>;

export const ZRecommendationAssessmentForm = z.object({
  assessment: z.enum(gretaAssessments, m('validation.choose')),
  evidence: optionalText(2000),
  theme: optionalText(200)
});
export type TRecommendationAssessmentForm = z.infer<typeof ZRecommendationAssessmentForm>;

export const ZCommentForm = z.object({
  organisationId: z.string(m('validation.choose')).trim().min(1, m('validation.choose')).max(60),
  kind: z.enum(['comment', 'proposal'], m('validation.choose')),
  body: requiredText(4000).refine(noMarkup, m('ap.error.markup')),
  evidenceUrl: ZOptionalUrl
});
export type TCommentForm = z.infer<typeof ZCommentForm>;

export const ZModerationForm = z.object({
  commentId: z.string().trim().min(1).max(60),
  decision: z.enum(['published', 'rejected'], m('validation.choose'))
});

/* ---------- API responses (documentation; the routes return these shapes) ---------- */

const ZFlags = z.object({
  noDeadline: z.boolean(),
  overdue: z.boolean(),
  stale: z.boolean(),
  noIndicator: z.boolean()
});

const ZChainShare = z.object({
  measures: z.number(),
  share: z.number().nullable(),
  budgetNok: z.number(),
  budgetShare: z.number().nullable()
});

export const ZApScorecard = z
  .object({
    entered: z.number(),
    declared: z.number().nullable(),
    notEntered: z.boolean(),
    byStatus: z.record(z.enum(measureStatuses), z.number()),
    noDeadline: z.number(),
    overdue: z.number(),
    stale: z.number(),
    noIndicator: z.number(),
    withBudget: z.number(),
    totalBudgetNok: z.number(),
    byChainLink: z.record(z.enum(chainLinks), ZChainShare),
    bySdg: z.record(z.enum(sdgTargets), z.array(z.string()))
  })
  .meta({ id: 'ActionPlanScorecard' });

const ZApPart = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  goal: z.string(),
  sourceUrl: z.string(),
  note: z.string()
});

export const ZApPlan = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    kind: z.enum(['action_plan', 'strategy']),
    periodFrom: z.number(),
    periodTo: z.number().nullable(),
    responsible: z.array(z.string()),
    sourceUrl: z.string(),
    declaredMeasures: z.number().nullable(),
    declaredNote: z.string(),
    note: z.string(),
    parts: z.array(ZApPart),
    scorecard: ZApScorecard
  })
  .meta({ id: 'ActionPlan' });

const ZLicence = { licence: z.string(), licenceUrl: z.string() };

export const ZApPlanList = z.object({ data: z.array(ZApPlan), ...ZLicence });
export const ZApPlanDetail = z.object({ data: ZApPlan, ...ZLicence });

export const ZApMeasure = z
  .object({
    id: z.string(),
    plan: z.string().describe('The plan’s slug'),
    part: z.number().nullable(),
    number: z.string(),
    title: z.string(),
    responsible: z.array(z.string()),
    chainLink: z.enum(chainLinks),
    targetGroup: z.string(),
    deadline: z.string().nullable(),
    budgetNok: z.number().nullable(),
    budgetNote: z.string(),
    indicator: z.string(),
    indicatorSeries: z.string().nullable(),
    sdgTargets: z.array(z.enum(sdgTargets)),
    status: z.enum(measureStatuses),
    lastAssessedOn: z.string().nullable(),
    flags: ZFlags,
    recommendations: z.array(z.string()),
    sourceUrl: z.string(),
    note: z.string()
  })
  .meta({ id: 'ActionPlanMeasure' });

export const ZApAssessment = z.object({
  status: z.enum(measureStatuses),
  assessedOn: z.string(),
  evidenceUrl: z.string(),
  evidenceQuote: z.string(),
  assessedBy: z.string()
});

export const ZApMeasureList = z.object({ data: z.array(ZApMeasure), ...ZLicence });
export const ZApMeasureDetail = z.object({
  data: ZApMeasure.extend({ assessments: z.array(ZApAssessment) }),
  ...ZLicence
});

export const ZApRecommendation = z
  .object({
    code: z.string(),
    round: z.string(),
    year: z.number().nullable(),
    summary: z.string(),
    theme: z.string(),
    sourceUrl: z.string(),
    note: z.string(),
    assessment: z.enum(gretaAssessments),
    assessmentEvidence: z.string(),
    measures: z.array(z.object({ id: z.string(), plan: z.string(), number: z.string(), title: z.string() }))
  })
  .meta({ id: 'GretaRecommendation' });

export const ZApRecommendationList = z.object({ data: z.array(ZApRecommendation), ...ZLicence });

export const ZMeasureImportForm = z.object({
  format: z.enum(['csv', 'json'], m('validation.choose')),
  content: z.string(m('validation.required')).min(1, m('validation.required')).max(1_000_000, m('validation.tooLong'))
});
