/**
 * A survey's definition: titles, sections and questions in nb and en. One zod schema shared by the staff
 * builder, the API and the seed; a version's definition is stored as JSON and frozen when published.
 * Pure: no I/O. Messages are i18n keys.
 */
import { z } from 'zod';
import type { MessageKey } from '../i18n';

const m = (key: MessageKey) => ({ message: key });

export const questionTypes = [
  'single',
  'multiple',
  'likert',
  'number',
  'text',
  'age_group',
  'sex',
  'county',
  'municipality'
] as const;
export type TQuestionType = (typeof questionTypes)[number];

/** Demographic questions whose answers make up the weighting cell, in the cell's order. */
export const weightingTypes = ['sex', 'age_group', 'county'] as const;
export type TWeightingType = (typeof weightingTypes)[number];

/** Age groups of the demographic question, each a union of the 5-year bands of the population margins. */
export const ageGroups = [
  { code: '16-24', bands: ['16-19', '20-24'] },
  { code: '25-34', bands: ['25-29', '30-34'] },
  { code: '35-44', bands: ['35-39', '40-44'] },
  { code: '45-54', bands: ['45-49', '50-54'] },
  { code: '55-64', bands: ['55-59', '60-64'] },
  { code: '65-74', bands: ['65-69', '70-74'] },
  { code: '75+', bands: ['75-79', '80+'] }
] as const;

/** Sex as the population margins know it, plus an answer outside them (left out of weighting). */
export const sexCodes = ['female', 'male', 'other'] as const;

const ZText = (max: number) =>
  z.string(m('validation.required')).trim().min(1, m('validation.required')).max(max, m('validation.tooLong'));
const ZOptionalText = (max: number) => z.string().trim().max(max, m('validation.tooLong')).default('');

export const ZQuestionId = z
  .string(m('validation.required'))
  .regex(/^[a-z][a-z0-9_]{0,39}$/, m('surveys.error.questionId'));
export const ZOptionCode = z
  .string(m('validation.required'))
  .regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, m('surveys.error.optionCode'));

export const ZOption = z.object({
  code: ZOptionCode,
  label_nb: ZText(200),
  label_en: ZText(200)
});
export type TOption = z.infer<typeof ZOption>;

export const ZQuestion = z.object({
  id: ZQuestionId,
  type: z.enum(questionTypes, m('validation.choose')),
  required: z.boolean().default(false),
  text_nb: ZText(500),
  text_en: ZText(500),
  help_nb: ZOptionalText(500),
  help_en: ZOptionalText(500),
  /** single, multiple, likert: the answers (likert: 5 or 7, in order). Demographic types: none (built in). */
  options: z.array(ZOption).max(30, m('surveys.error.tooManyOptions')).default([]),
  /** number: the allowed range. */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  /** Skip rule: shown only if an earlier section's question has this answer. */
  show_if: z.object({ question: ZQuestionId, answer: ZOptionCode }).optional(),
  /**
   * A breakdown question (single choice or Likert, at most MAX_BREAKDOWNS per survey): joint counters with
   * every other choice question are kept, so results can be broken down by its answers (docs/surveys.md).
   */
  breakdown: z.boolean().optional()
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZSection = z.object({
  title_nb: ZText(200),
  title_en: ZText(200),
  questions: z.array(ZQuestion).max(60, m('surveys.error.tooManyQuestions'))
});
export type TSection = z.infer<typeof ZSection>;

export const ZSurveyDefinition = z
  .object({
    title_nb: ZText(200),
    title_en: ZText(200),
    intro_nb: ZOptionalText(2000),
    intro_en: ZOptionalText(2000),
    /** Respondents must confirm they are at least this old (default 16). */
    min_age: z.number().int().min(13, m('surveys.error.minAge')).max(99, m('surveys.error.minAge')).default(16),
    /** Where the questions come from (shown with the results), e.g. the survey it is modelled on. */
    model_note_nb: ZOptionalText(1000),
    model_note_en: ZOptionalText(1000),
    sections: z.array(ZSection).max(20, m('surveys.error.tooManySections'))
  })
  .superRefine((d, ctx) => {
    const seen = new Map<string, { section: number; q: TQuestion }>();
    d.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        const path = ['sections', si, 'questions', qi];
        if (seen.has(q.id))
          ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: 'surveys.error.duplicateQuestion' });
        const issue = checkQuestion(q, si, seen);
        if (issue) ctx.addIssue({ code: 'custom', path, message: issue });
        seen.set(q.id, { section: si, q });
      })
    );
    const weighting = d.sections.flatMap((s) => s.questions).filter((q) => q.type !== 'municipality');
    for (const t of weightingTypes)
      if (weighting.filter((q) => q.type === t).length > 1)
        ctx.addIssue({ code: 'custom', path: ['sections'], message: 'surveys.error.duplicateDemographic' });
    if (breakdownQuestions(d).length > MAX_BREAKDOWNS)
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'surveys.error.tooManyBreakdowns' });
  });
export type TSurveyDefinition = z.infer<typeof ZSurveyDefinition>;

function checkQuestion(
  q: TQuestion,
  section: number,
  earlier: Map<string, { section: number; q: TQuestion }>
): MessageKey | null {
  if (q.type === 'single' || q.type === 'multiple') {
    if (q.options.length < 2) return 'surveys.error.needOptions';
  } else if (q.type === 'likert') {
    if (q.options.length !== 5 && q.options.length !== 7) return 'surveys.error.likertPoints';
  } else if (q.options.length > 0) return 'surveys.error.noOptions';
  if (new Set(q.options.map((o) => o.code)).size !== q.options.length) return 'surveys.error.duplicateOption';
  if (q.breakdown && q.type !== 'single' && q.type !== 'likert') return 'surveys.error.breakdownType';
  if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) return 'surveys.error.range';
  if (q.show_if) {
    const a = earlier.get(q.show_if.question);
    // The rule refers to an earlier section, so the page that shows B already knows A's answer.
    if (!a || a.section >= section) return 'surveys.error.skipRuleEarlier';
    if (!choiceCodes(a.q).includes(q.show_if.answer)) return 'surveys.error.skipRuleAnswer';
  }
  return null;
}

/** The answer codes of a choice question (demographic ones built in; counties and municipalities are given). */
export function choiceCodes(q: TQuestion, places: TPlaces = { counties: [], municipalities: [] }): string[] {
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'likert':
      return q.options.map((o) => o.code);
    case 'sex':
      return [...sexCodes];
    case 'age_group':
      return ageGroups.map((a) => a.code);
    case 'county':
      return places.counties.map((c) => c.number);
    case 'municipality':
      return places.municipalities.map((c) => c.number);
    default:
      return [];
  }
}

export interface TPlaces {
  counties: readonly { number: string; name: string }[];
  municipalities: readonly { number: string; name: string }[];
}

export function allQuestions(d: TSurveyDefinition): TQuestion[] {
  return d.sections.flatMap((s) => s.questions);
}

export const isChoice = (q: TQuestion) => q.type !== 'number' && q.type !== 'text';

/** At most this many breakdown questions per survey (each adds joint counters to every response). */
export const MAX_BREAKDOWNS = 3;

/** The questions marked as breakdown questions, in the order of the survey. */
export function breakdownQuestions(d: Pick<TSurveyDefinition, 'sections'>): TQuestion[] {
  return d.sections.flatMap((s) => s.questions).filter((q) => q.breakdown === true);
}
