import { MIN_OPTIONS, type TQuizSet } from './quiz';
import { freshId, type TQuizDraft } from './quiz-set-form';

/**
 * A new quiz set in the content studio's form (quiz-set-form.ts), pure. The form a new set starts with
 * has one empty question with two empty options and one source row that already has an id, so its box
 * can be ticked in the question before anything is saved.
 */
export const QUIZ_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,40}$/;

export function newQuizDraft(order: number): TQuizDraft {
  return {
    id: '',
    order: String(Math.max(0, Math.min(1000, order))),
    targetAge: '13-15',
    titleNb: '',
    titleEn: '',
    summaryNb: '',
    summaryEn: '',
    questions: [
      {
        id: '',
        nb: '',
        en: '',
        options: Array.from({ length: MIN_OPTIONS }, () => ({ id: '', nb: '', en: '', correct: false })),
        explanationNb: '',
        explanationEn: '',
        sources: []
      }
    ],
    sources: [{ id: 'source-1', title: '', url: '' }]
  };
}

/**
 * Gives every source row without an id (one just added) a fresh one, so the questions can cite it at
 * once; ids already there are kept. Ids are unique within the set.
 */
export function withSourceIds(d: TQuizDraft): TQuizDraft {
  const taken = new Set(d.sources.map((s) => s.id).filter((id) => QUIZ_ID_PATTERN.test(id)));
  let changed = false;
  const sources = d.sources.map((s) => {
    if (QUIZ_ID_PATTERN.test(s.id)) return s;
    changed = true;
    const id = freshId(taken, '', 'source');
    taken.add(id);
    return { ...s, id };
  });
  return changed ? { ...d, sources } : d;
}

/**
 * What a new set's form is checked against (quizSetFromDraft's base): nothing published before it, so
 * no question is kept or archived; only its id, which the editor typed.
 */
export function newQuizBase(id: string): TQuizSet {
  return {
    id,
    order: 0,
    targetAge: '13-15',
    title: { nb: '', en: '' },
    summary: { nb: '', en: '' },
    questions: [],
    sources: []
  };
}
