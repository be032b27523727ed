/**
 * The indicator's current level for the evaluation planner (issue 8): the share giving the indicator's
 * answer in the LAST CLOSED wave of its survey (the wave whose closing day is the latest before today),
 * weighted as asked (post-stratified or raked) or unweighted, from the counters only — the same engine
 * and counters as the survey's results page. When the weighting cannot be made (a margin category without
 * respondents) the unweighted share is given and said so. Null when the survey has no closed wave yet.
 */
import { fromCounts, isSurveyStatsError, noWeighting, proportions } from '../../stats/survey';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { allQuestions, choiceCodes, isChoice } from '../../surveys/definition';
import { optionCounterId } from '../../surveys/response';
import * as surveyRepo from '../surveys/surveys.repository';
import { countsFor, presentVariables, RELIABLE_N, weigh, type TWeightingMethod } from '../surveys/surveys.results';
import { parseDefinition, placesOf } from '../surveys/surveys.service';

export interface TIndicatorLevel {
  /** The share (0–1); null when nobody in the wave answered the question. */
  p: number | null;
  se: number | null;
  /** Respondents of the wave who answered the question (unweighted). */
  n: number;
  /** Fewer than RELIABLE_N answers: the figure is shown with that warning. */
  tooFew: boolean;
  wave: { id: string; name: string; opens_on: string; closes_on: string };
  /** The weighting asked for, and the one used (none when the asked one could not be made). */
  weighting: TWeightingMethod;
  weightingApplied: TWeightingMethod;
}

const badIndicator = () =>
  new AppError('validation', 'campaigns.error.indicator', { fields: { indicator: 'campaigns.error.indicator' } });

/** The last wave of a survey that closed before `today` (YYYY-MM-DD), or undefined. */
export function lastClosedWave<T extends { closes_on: string; opens_on: string }>(
  waves: readonly T[],
  today: string
): T | undefined {
  let best: T | undefined;
  for (const w of waves)
    if (
      w.closes_on < today &&
      (!best || w.closes_on > best.closes_on || (w.closes_on === best.closes_on && w.opens_on > best.opens_on))
    )
      best = w;
  return best;
}

export async function indicatorLevel(
  db: DB,
  args: { surveyId: string; questionId: string; answerCode: string; weighting: TWeightingMethod },
  now = new Date()
): Promise<TIndicatorLevel | null> {
  const survey = await surveyRepo.findSurvey(db, args.surveyId);
  if (!survey || survey.id !== args.surveyId) throw badIndicator();
  const wave = lastClosedWave(await surveyRepo.listWaves(db, survey.id), now.toISOString().slice(0, 10));
  if (!wave) return null;
  const version = await surveyRepo.findVersion(db, wave.version_id);
  if (!version) throw badIndicator();
  const def = parseDefinition(version.definition);
  const q = allQuestions(def).find((x) => x.id === args.questionId);
  if (!q || !isChoice(q) || q.type === 'municipality') throw badIndicator();
  if (!choiceCodes(q, await placesOf(db)).includes(args.answerCode)) throw badIndicator();
  const multiple = q.type === 'multiple';
  const counterId = multiple ? optionCounterId(q.id, args.answerCode) : q.id;
  const code = multiple ? '1' : args.answerCode;

  const variables = presentVariables(def);
  const counts = countsFor(
    variables,
    (await surveyRepo.cellCounts(db, [wave.id])).map((c) => ({ ...c, n: Number(c.n) })),
    (await surveyRepo.questionCounts(db, [wave.id], [counterId])).map((r) => ({ ...r, n: Number(r.n) })),
    null
  );
  const weighted = weigh(variables, counts, args.weighting);
  const data = weighted.w ? fromCounts(weighted.w.variables, weighted.counts) : fromCounts(variables, counts);
  const w = weighted.w ?? noWeighting(data);
  let r: ReturnType<typeof proportions> | null = null;
  try {
    r = proportions(data, w, { strata: [wave.id] }, { codes: [code] });
  } catch (e) {
    if (!isSurveyStatsError(e)) throw e;
  }
  const n = r?.base_n ?? 0;
  return {
    p: r?.answers[0]?.proportion ?? null,
    se: r?.answers[0]?.se ?? null,
    n,
    tooFew: n < RELIABLE_N,
    wave: { id: wave.id, name: wave.name, opens_on: wave.opens_on, closes_on: wave.closes_on },
    weighting: args.weighting,
    weightingApplied: weighted.w ? args.weighting : 'none'
  };
}
