import type { TQuizQuestion, TQuizSet } from './quiz';

/**
 * The pure core of a self-paced quiz: grading an answer, and the progress a pupil carries from page to
 * page. Progress is a string of "1" (right) and "0" (wrong), one character per question answered, in
 * order; it travels in the form and the address of the next page, never in the database.
 */

/** Right when the chosen options are exactly the correct ones (order and repeats do not matter). */
export function isCorrect(question: Pick<TQuizQuestion, 'correct'>, chosen: readonly string[]): boolean {
  const picked = new Set(chosen);
  const correct = new Set(question.correct);
  if (picked.size !== correct.size) return false;
  for (const id of picked) if (!correct.has(id)) return false;
  return true;
}

/** The chosen option ids that exist in the question, without repeats, in the question's order. */
export function knownChoices(question: Pick<TQuizQuestion, 'options'>, chosen: readonly string[]): string[] {
  const picked = new Set(chosen);
  return question.options.map((o) => o.id).filter((id) => picked.has(id));
}

/** Whether the question asks for one answer (radio buttons) or several (checkboxes). */
export function isMultiple(question: Pick<TQuizQuestion, 'correct'>): boolean {
  return question.correct.length > 1;
}

/** A valid progress string for a set of `total` questions, or "" for anything else. */
export function parseProgress(raw: string | null | undefined, total: number): string {
  if (!raw) return '';
  return /^[01]*$/.test(raw) && raw.length <= total ? raw : '';
}

/** Progress after one more answer. */
export function advance(progress: string, correct: boolean): string {
  return progress + (correct ? '1' : '0');
}

export interface TQuizSummary {
  total: number;
  right: number;
  questions: { id: string; correct: boolean }[];
}

/** The summary at the end: how many were right, and which. */
export function summarise(set: Pick<TQuizSet, 'questions'>, progress: string): TQuizSummary {
  const questions = set.questions.slice(0, progress.length).map((q, i) => ({ id: q.id, correct: progress[i] === '1' }));
  return { total: set.questions.length, right: questions.filter((q) => q.correct).length, questions };
}
