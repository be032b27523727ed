import type { Locale } from '../../i18n';
import { isMultiple, summarise } from '../../youth/core';
import type { TQuizQuestion, TQuizSet } from '../../youth/quiz';
import type { TAnswerOutcome } from './youth.service';

/** Quiz sets and questions in one language, as the pages show them (never the answers before answering). */
export function setCard(set: TQuizSet, locale: Locale) {
  return {
    id: set.id,
    title: set.title[locale],
    summary: set.summary[locale],
    targetAge: set.targetAge,
    questionCount: set.questions.length
  };
}

function sourcesOf(set: TQuizSet, q: TQuizQuestion) {
  return q.sources.flatMap((id) => set.sources.filter((s) => s.id === id));
}

export function questionView(set: TQuizSet, index: number, locale: Locale) {
  const q = set.questions[index]!;
  return {
    id: q.id,
    number: index + 1,
    text: q.text[locale],
    multiple: isMultiple(q),
    options: q.options.map((o) => ({ id: o.id, text: o.text[locale] }))
  };
}

export function feedbackView(set: TQuizSet, outcome: TAnswerOutcome, locale: Locale) {
  const q = outcome.question;
  const textOf = (ids: string[]) =>
    q.options
      .filter((o) => ids.includes(o.id))
      .map((o) => o.text[locale])
      .join('; ');
  return {
    number: outcome.index + 1,
    question: q.text[locale],
    correct: outcome.correct,
    chosen: textOf(outcome.chosen),
    rightAnswer: textOf(q.correct),
    explanation: q.explanation[locale],
    sources: sourcesOf(set, q),
    progress: outcome.progress,
    finished: outcome.progress.length >= set.questions.length
  };
}

export function summaryView(set: TQuizSet, progress: string, locale: Locale) {
  const s = summarise(set, progress);
  return {
    right: s.right,
    total: s.total,
    questions: s.questions.map((x, i) => ({
      id: x.id,
      number: i + 1,
      text: set.questions[i]!.text[locale],
      correct: x.correct
    }))
  };
}
