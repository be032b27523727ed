import type { TQuizSet } from './quiz';

/**
 * Deleting and reordering an editor's quiz questions. Pure: a set in, the changed set out (the caller
 * validates and stores it). The order of `questions` is the order pupils see.
 */
export type TMoveDirection = 'up' | 'down';

/** The set with question `id` moved one place up or down; unchanged at either end or for an unknown id. */
export function moveQuestion(set: TQuizSet, id: string, direction: TMoveDirection): TQuizSet {
  const from = set.questions.findIndex((q) => q.id === id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= set.questions.length) return set;
  const questions = [...set.questions];
  [questions[from], questions[to]] = [questions[to]!, questions[from]!];
  return { ...set, questions };
}

export type TRemoval = { ok: true; set: TQuizSet; archived: boolean } | { ok: false; reason: 'unknown' | 'last' };

/**
 * The set without question `id`. A question that has been answered (`answered`) is kept in `archived`
 * with the time, so its counts stay readable; one never answered is dropped. The last question of a set
 * cannot be deleted (a set has at least one).
 */
export function removeQuestion(set: TQuizSet, id: string, answered: boolean, now: Date): TRemoval {
  const question = set.questions.find((q) => q.id === id);
  if (!question) return { ok: false, reason: 'unknown' };
  if (set.questions.length === 1) return { ok: false, reason: 'last' };
  const questions = set.questions.filter((q) => q.id !== id);
  if (!answered) return { ok: true, archived: false, set: { ...set, questions } };
  const archived = [...(set.archived ?? []), { ...question, archivedAt: now.toISOString() }];
  return { ok: true, archived: true, set: { ...set, questions, archived } };
}

/** A question of the set by id, also an archived one (for reading old counts). */
export function questionById(set: TQuizSet, id: string) {
  const index = set.questions.findIndex((q) => q.id === id);
  if (index >= 0) return { question: set.questions[index]!, number: index + 1, archived: false as const };
  const old = set.archived?.find((q) => q.id === id);
  return old ? { question: old, number: null, archived: true as const } : null;
}
