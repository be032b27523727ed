import type { TChecklist, TText } from './checklist';
import type { TScoreResult } from './score';

/**
 * What a result page shows, in one language: the same shape whether the server scored the form (no
 * JavaScript) or the page did (JavaScript, also offline).
 */
const pick = (t: TText, locale: 'nb' | 'en') => t[locale];

export function resultView(c: TChecklist, r: TScoreResult, locale: 'nb' | 'en', stored: boolean | 'queued') {
  return {
    level: r.level,
    strongRule: r.strongRule,
    triggered: r.triggered.map((i) => ({ id: i.id, text: pick(i.text, locale), ilo: i.ilo })),
    unknown: r.unknownQuestions.map((id) => ({
      id,
      text: pick(c.questions.find((q) => q.id === id)?.text ?? { nb: id, en: id }, locale)
    })),
    advice: r.advice.map((id) => {
      const a = c.advice.find((x) => x.id === id);
      return {
        id,
        text: a ? pick(a.text, locale) : id,
        sources: (a?.sources ?? []).map((s) => c.sources.find((x) => x.id === s)).filter((s) => !!s)
      };
    }),
    stored
  };
}

export type TResultView = ReturnType<typeof resultView>;

/**
 * Every part a result of this checklist can show (all indicators, questions and advice, in checklist
 * order): the markup the page's script narrows down to one result when it scores in the browser.
 */
export function allResultParts(c: TChecklist, locale: 'nb' | 'en'): TResultView {
  return resultView(
    c,
    {
      level: 'low',
      score: 0,
      maxScore: 0,
      triggered: c.indicators,
      riskQuestions: [],
      unknownQuestions: c.questions.map((q) => q.id),
      advice: c.advice.map((a) => a.id),
      strongRule: true
    },
    locale,
    true
  );
}
