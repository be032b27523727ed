import type { TQuizSet } from './quiz';

/** A question of the set by id, also an archived one (for reading old counts). Pure. */
export function questionById(set: TQuizSet, id: string) {
  const index = set.questions.findIndex((q) => q.id === id);
  if (index >= 0) return { question: set.questions[index]!, number: index + 1, archived: false as const };
  const old = set.archived?.find((q) => q.id === id);
  return old ? { question: old, number: null, archived: true as const } : null;
}
