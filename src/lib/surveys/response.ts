/**
 * A respondent's answers checked against a survey definition, the weighting cell they fall in, and the
 * counter rows they add. Pure: the service runs it before anything is stored.
 */
import type { MessageKey } from '../i18n';
import {
  allQuestions,
  breakdownQuestions,
  choiceCodes,
  isChoice,
  weightingTypes,
  type TPlaces,
  type TQuestion,
  type TSurveyDefinition
} from './definition';

/** Raw answers: question id → one value or several (multiple choice). Empty strings mean "not answered". */
export type TRawAnswers = Record<string, string | readonly string[] | undefined>;
/** Checked answers: question id → the values (one, or several for multiple choice). */
export type TAnswers = Map<string, string[]>;

export type TCheckedAnswers = { ok: true; answers: TAnswers } | { ok: false; errors: Record<string, MessageKey> };

export const TEXT_MAX = 500;

function valuesOf(raw: string | readonly string[] | undefined): string[] {
  const list = raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw];
  return list.map((v) => v.trim()).filter((v) => v !== '');
}

/** True when a question's skip rule lets it be shown, given the answers so far. */
export function isShown(q: TQuestion, answers: TAnswers): boolean {
  if (!q.show_if) return true;
  return (answers.get(q.show_if.question) ?? []).includes(q.show_if.answer);
}

/**
 * Checks answers to the questions of `sections` (default: all). Unknown question ids and invalid values
 * are errors per question; answers to questions a skip rule hides are dropped; a required question that
 * is shown must be answered. `earlier` holds checked answers of earlier sections (for skip rules).
 */
export function checkAnswers(
  def: TSurveyDefinition,
  places: TPlaces,
  raw: TRawAnswers,
  options: { sections?: readonly number[]; earlier?: TAnswers } = {}
): TCheckedAnswers {
  const sections = options.sections ?? def.sections.map((_, i) => i);
  const questions = sections.flatMap((i) => def.sections[i]?.questions ?? []);
  const known = new Set(questions.map((q) => q.id));
  const errors: Record<string, MessageKey> = {};
  for (const id of Object.keys(raw)) if (!known.has(id)) errors[id] = 'surveys.error.unknownQuestion';
  const answers: TAnswers = new Map(options.earlier ?? []);
  for (const q of questions) {
    const values = valuesOf(raw[q.id]);
    if (!isShown(q, answers)) continue;
    if (values.length === 0) {
      if (q.required) errors[q.id] = q.type === 'multiple' ? 'surveys.error.chooseAtLeastOne' : 'validation.required';
      continue;
    }
    const problem = checkValues(q, places, values);
    if (problem) errors[q.id] = problem;
    else answers.set(q.id, q.type === 'multiple' ? [...new Set(values)] : values);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, answers };
}

function checkValues(q: TQuestion, places: TPlaces, values: string[]): MessageKey | null {
  if (q.type === 'text') {
    if (values.length !== 1) return 'validation.invalid';
    return values[0].length > TEXT_MAX ? 'validation.tooLong' : null;
  }
  if (q.type === 'number') {
    if (values.length !== 1 || !/^-?\d{1,9}$/.test(values[0])) return 'surveys.error.wholeNumber';
    const v = Number(values[0]);
    if ((q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max)) return 'surveys.error.outOfRange';
    return null;
  }
  const codes = choiceCodes(q, places);
  if (q.type !== 'multiple' && values.length !== 1) return 'surveys.error.oneAnswer';
  return values.every((v) => codes.includes(v)) ? null : 'surveys.error.notAnOption';
}

/** The weighting cell of a respondent: sex, age group, county ('' where the survey has no such question or it was not answered). */
export function cellOf(def: TSurveyDefinition, answers: TAnswers): string[] {
  const qs = allQuestions(def);
  return weightingTypes.map((t) => {
    const q = qs.find((x) => x.type === t);
    return (q && answers.get(q.id)?.[0]) || '';
  });
}

export const CELL_SEP = '|';
export const cellKey = (cell: readonly string[]) => cell.join(CELL_SEP);
export const cellFromKey = (key: string) => key.split(CELL_SEP);

/** The counter of a multiple-choice option: `<question>/<option>` with answer '1' (chosen) or '0'. */
export const optionCounterId = (questionId: string, option: string) => `${questionId}/${option}`;

/** The counters one response adds to (each +1): per choice question answered, the answer; multiple choice per option. */
export function counterRows(def: TSurveyDefinition, answers: TAnswers): { question_id: string; answer: string }[] {
  const rows: { question_id: string; answer: string }[] = [];
  for (const q of allQuestions(def)) {
    const values = answers.get(q.id);
    if (!isChoice(q) || !values || values.length === 0) continue;
    if (q.type === 'multiple')
      for (const o of q.options)
        rows.push({ question_id: optionCounterId(q.id, o.code), answer: values.includes(o.code) ? '1' : '0' });
    else rows.push({ question_id: q.id, answer: values[0] });
  }
  return rows;
}

/**
 * Joint counter rows of one response: every counter row (as `counterRows`) paired with the answer to each
 * breakdown question the respondent answered (the breakdown question itself included: its pairs with itself
 * give the respondents per breakdown answer and cell).
 */
export function jointCounterRows(
  def: TSurveyDefinition,
  answers: TAnswers
): { question_id: string; answer: string; by_question_id: string; by_answer: string }[] {
  const by = breakdownQuestions(def)
    .map((q) => ({ id: q.id, value: answers.get(q.id)?.[0] }))
    .filter((b): b is { id: string; value: string } => b.value !== undefined);
  if (by.length === 0) return [];
  const rows = counterRows(def, answers);
  return by.flatMap((b) => rows.map((r) => ({ ...r, by_question_id: b.id, by_answer: b.value })));
}

/** Answer rows to store: one per value. */
export function answerRows(answers: TAnswers): { question_id: string; value: string }[] {
  return [...answers].flatMap(([question_id, values]) => values.map((value) => ({ question_id, value })));
}

/** Which section comes after `index` (sections whose questions are all hidden are skipped); null = the end. */
export function nextSection(def: TSurveyDefinition, index: number, answers: TAnswers): number | null {
  for (let i = index + 1; i < def.sections.length; i++)
    if (def.sections[i].questions.some((q) => isShown(q, answers))) return i;
  return null;
}
