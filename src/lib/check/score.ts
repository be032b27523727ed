import type { TAdvice, TAnswer, TChecklist, TIndicator, TLevel, TQuestion } from './checklist';

export type TAnswers = Readonly<Record<string, TAnswer>>;

/**
 * What scoring reads of a checklist: weights, indicator mapping, thresholds and advice rules, no texts.
 * A page that scores in the browser is sent only this (see `scoringDefinition`).
 */
export type TScorable = Pick<TChecklist, 'id' | 'version' | 'kind' | 'dontKnowFactor' | 'thresholds'> & {
  questions: Pick<TQuestion, 'id' | 'riskAnswer' | 'weight' | 'indicators' | 'strong'>[];
  indicators: Pick<TIndicator, 'id'>[];
  advice: Pick<TAdvice, 'id' | 'levels' | 'questions'>[];
};

/** The part of a checklist scoring needs (scoring it gives the same result as scoring the whole). */
export function scoringDefinition(c: TChecklist): TScorable {
  return {
    id: c.id,
    version: c.version,
    kind: c.kind,
    dontKnowFactor: c.dontKnowFactor,
    thresholds: c.thresholds,
    questions: c.questions.map((q) => ({
      id: q.id,
      riskAnswer: q.riskAnswer,
      weight: q.weight,
      indicators: q.indicators,
      strong: q.strong
    })),
    indicators: c.indicators.map((i) => ({ id: i.id })),
    advice: c.advice.map((a) => ({ id: a.id, levels: a.levels, questions: a.questions }))
  };
}

export interface TScoreResult<I = TIndicator> {
  level: TLevel;
  score: number;
  maxScore: number;
  /** The indicators behind the level, in checklist order (from questions given their risk answer). */
  triggered: I[];
  /** Questions answered with the risk answer, in checklist order. */
  riskQuestions: string[];
  /** Questions answered "don't know" (things to check). */
  unknownQuestions: string[];
  /** Ids of the advice blocks that apply, in checklist order. */
  advice: string[];
  /** True when a single "strong" question decided the level. */
  strongRule: boolean;
}

/** Why answers cannot be scored: each problem names the question id. */
export class ScoreInputError extends Error {
  constructor(readonly problems: { kind: 'not_scored' | 'unknown_question' | 'bad_value' | 'missing'; id: string }[]) {
    super(problems.map((p) => `${p.kind}: ${p.id}`).join(', '));
    this.name = 'ScoreInputError';
  }
}

const isAnswer = (v: unknown): v is TAnswer => v === 'yes' || v === 'no' || v === 'unknown';

/**
 * Scores a checklist's answers: the sum of the weights of questions given their risk answer (plus
 * `dontKnowFactor` × weight for "don't know"), compared with the thresholds; any "strong" question given
 * its risk answer makes the level "strong signs" on its own. Pure: one implementation for server and
 * browser. Every question must be answered; unknown ids and values are refused.
 */
export function scoreChecklist<C extends TScorable>(
  checklist: C,
  answers: TAnswers
): TScoreResult<C['indicators'][number]> {
  const problems: ScoreInputError['problems'] = [];
  if (checklist.kind !== 'checklist') throw new ScoreInputError([{ kind: 'not_scored', id: checklist.id }]);
  const known = new Set(checklist.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) problems.push({ kind: 'unknown_question', id });
    else if (!isAnswer(answers[id])) problems.push({ kind: 'bad_value', id });
  }
  for (const q of checklist.questions) if (!Object.hasOwn(answers, q.id)) problems.push({ kind: 'missing', id: q.id });
  if (problems.length) throw new ScoreInputError(problems);

  let score = 0;
  let maxScore = 0;
  let strongRule = false;
  const riskQuestions: string[] = [];
  const unknownQuestions: string[] = [];
  const triggeredIds = new Set<string>();
  for (const q of checklist.questions) {
    maxScore += q.weight;
    const a = answers[q.id];
    if (a === q.riskAnswer) {
      score += q.weight;
      riskQuestions.push(q.id);
      for (const id of q.indicators) triggeredIds.add(id);
      if (q.strong) strongRule = true;
    } else if (a === 'unknown') {
      score += q.weight * checklist.dontKnowFactor;
      unknownQuestions.push(q.id);
    }
  }
  const level: TLevel =
    strongRule || score >= checklist.thresholds.strong ? 'strong' : score >= checklist.thresholds.some ? 'some' : 'low';
  const flagged = new Set([...riskQuestions, ...unknownQuestions]);
  const advice = checklist.advice
    .filter((a) => a.levels.includes(level) && (a.questions.length === 0 || a.questions.some((id) => flagged.has(id))))
    .map((a) => a.id);
  return {
    level,
    score,
    maxScore,
    triggered: checklist.indicators.filter((i) => triggeredIds.has(i.id)),
    riskQuestions,
    unknownQuestions,
    advice,
    strongRule: strongRule && score < checklist.thresholds.strong
  };
}

const levelRank: Record<TLevel, number> = { low: 0, some: 1, strong: 2 };
/** Orders levels: low < some < strong. */
export function compareLevels(a: TLevel, b: TLevel): number {
  return levelRank[a] - levelRank[b];
}
