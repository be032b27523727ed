/** The staff builder's edits of a definition, one question at a time (no JSON editing). Pure. */
import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { questionTypes, type TOption, type TQuestion, type TSurveyDefinition } from './definition';

const m = (key: MessageKey) => ({ message: key });

/** Answers typed one per line as `code | bokmål | English`. */
export function parseOptionLines(text: string): { ok: true; options: TOption[] } | { ok: false; line: number } {
  const options: TOption[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const parts = lines[i].split('|').map((p) => p.trim());
    if (parts.length !== 3 || parts.some((p) => !p)) return { ok: false, line: i + 1 };
    options.push({ code: parts[0], label_nb: parts[1], label_en: parts[2] });
  }
  return { ok: true, options };
}

export const optionLines = (options: readonly TOption[]) =>
  options.map((o) => `${o.code} | ${o.label_nb} | ${o.label_en}`).join('\n');

const optionalInt = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : Number(v)),
  z.number(m('surveys.error.wholeNumber')).int(m('surveys.error.wholeNumber')).optional()
);

/** The per-question form of the builder. */
export const ZQuestionForm = z
  .object({
    section: z.coerce.number().int().min(0),
    /** The question's position when editing; empty = a new question at the end of the section. */
    index: z.preprocess(
      (v) => (v === '' || v === undefined ? undefined : Number(v)),
      z.number().int().min(0).optional()
    ),
    id: z.string(m('validation.required')).trim(),
    type: z.enum(questionTypes, m('validation.choose')),
    required: z.literal('on').optional(),
    text_nb: z.string().trim(),
    text_en: z.string().trim(),
    help_nb: z.string().trim().default(''),
    help_en: z.string().trim().default(''),
    options: z.string().max(10_000, m('validation.tooLong')).default(''),
    min: optionalInt,
    max: optionalInt,
    show_if_question: z.string().trim().default(''),
    show_if_answer: z.string().trim().default(''),
    breakdown: z.literal('on').optional()
  })
  .transform((v, ctx) => {
    const opts = parseOptionLines(v.options);
    if (!opts.ok) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'surveys.error.optionLine' });
      return z.NEVER;
    }
    const question: TQuestion = {
      id: v.id,
      type: v.type,
      required: v.required === 'on',
      text_nb: v.text_nb,
      text_en: v.text_en,
      help_nb: v.help_nb,
      help_en: v.help_en,
      options: opts.options,
      ...(v.type === 'number' ? { min: v.min, max: v.max } : {}),
      ...(v.show_if_question ? { show_if: { question: v.show_if_question, answer: v.show_if_answer } } : {}),
      ...(v.breakdown === 'on' ? { breakdown: true } : {})
    };
    return { section: v.section, index: v.index, question };
  });

export type TQuestionEdit = z.output<typeof ZQuestionForm>;

const clone = (d: TSurveyDefinition): TSurveyDefinition => structuredClone(d);

export function putQuestion(d: TSurveyDefinition, e: TQuestionEdit): TSurveyDefinition {
  const out = clone(d);
  const s = out.sections[e.section];
  if (!s) throw new RangeError('section');
  if (e.index === undefined) s.questions.push(e.question);
  else if (e.index < s.questions.length) s.questions[e.index] = e.question;
  else throw new RangeError('index');
  return out;
}

export function removeQuestion(d: TSurveyDefinition, section: number, index: number): TSurveyDefinition {
  const out = clone(d);
  const s = out.sections[section];
  if (!s || !s.questions[index]) throw new RangeError('index');
  s.questions.splice(index, 1);
  return out;
}

/** Moves a question up (-1) or down (+1); across the section's edge it moves to the neighbouring section. */
export function moveQuestion(d: TSurveyDefinition, section: number, index: number, by: -1 | 1): TSurveyDefinition {
  const out = clone(d);
  const s = out.sections[section];
  if (!s || !s.questions[index]) throw new RangeError('index');
  const [q] = s.questions.splice(index, 1);
  const to = index + by;
  if (to >= 0 && to <= s.questions.length) s.questions.splice(to, 0, q);
  else if (by < 0 && out.sections[section - 1]) out.sections[section - 1].questions.push(q);
  else if (by > 0 && out.sections[section + 1]) out.sections[section + 1].questions.unshift(q);
  else s.questions.splice(index, 0, q);
  return out;
}

export function addSection(d: TSurveyDefinition, title_nb: string, title_en: string): TSurveyDefinition {
  const out = clone(d);
  out.sections.push({ title_nb, title_en, questions: [] });
  return out;
}

export function removeSection(d: TSurveyDefinition, section: number): TSurveyDefinition {
  const out = clone(d);
  if (!out.sections[section]) throw new RangeError('section');
  out.sections.splice(section, 1);
  return out;
}
