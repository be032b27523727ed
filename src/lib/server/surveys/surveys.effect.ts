/**
 * The effect of a campaign on one survey indicator (a question's answer), for the campaigns module:
 * before/after change, exposed vs not exposed at follow-up, and difference-in-differences, weighted as asked,
 * with linearization SEs from the engine (src/lib/stats/survey, checked against R). Reads counters only
 * (survey_count, survey_cell_count, survey_joint_count), so its cost does not depend on the number of
 * responses. A part with fewer than 30 answers is named in `too_few` and shows its figures without an
 * interval or test. See docs/surveys.md ("Effect of a campaign").
 */
import type { AppContext } from '../app';
import { AppError } from '../errors';
import {
  allQuestions,
  choiceCodes,
  isChoice,
  type TQuestion,
  type TSurveyDefinition,
  type TWeightingType
} from '../../surveys/definition';
import { optionCounterId } from '../../surveys/response';
import {
  effectCountsEstimator,
  effectWaveCounters,
  jointEffectCounts,
  orNull,
  plainEffectCounts,
  type TEffectCounts
} from './surveys.effect-counts';
import * as repo from './surveys.repository';
import { presentVariables, RELIABLE_N, type TWeightingMethod } from './surveys.results';
import { parseDefinition, placesOf } from './surveys.service';
import { keptForWaves } from './surveys.results-cache';

/** A share: null when nobody in the domain answered (or its variance cannot be estimated). */
export interface TEffectShare {
  p: number | null;
  se: number | null;
  /** Respondents in the domain who answered the question (unweighted). */
  n: number;
}

/** A contrast of shares; the interval and p-value are null when a part has too few answers (see `too_few`). */
export interface TEffectContrast {
  estimate: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  p_value: number | null;
}

export interface TIndicatorEffect {
  indicator: { questionId: string; answerCode: string };
  weighting: TWeightingMethod;
  before: TEffectShare;
  after: TEffectShare;
  /** after − before. */
  change: TEffectContrast;
  /** At the after wave: exposed − unexposed; null without `exposure`. */
  exposed_vs_unexposed: { exposed: TEffectShare; unexposed: TEffectShare; difference: TEffectContrast } | null;
  /** (after exposed − after unexposed) − (before exposed − before unexposed); null without `exposure`. */
  did:
    | (TEffectContrast & {
        n: { before_exposed: number; before_unexposed: number; after_exposed: number; after_unexposed: number };
      })
    | null;
  /**
   * Parts with fewer than 30 answers: 'before', 'after', 'exposed', 'unexposed' (after wave), 'before_exposed',
   * 'before_unexposed'. Contrasts involving one of them show no interval and no p-value.
   */
  too_few: string[];
}

export interface TIndicatorEffectArgs {
  surveyId: string;
  beforeWaveId: string;
  afterWaveId: string;
  questionId: string;
  answerCode: string;
  /** The exposure question (a breakdown question in both waves) and the answer that means "exposed". */
  exposure?: { questionId: string; answerCode: string };
  weighting: 'none' | 'poststratify' | 'rake';
}

const invalid = (key: Parameters<typeof fieldError>[0], field: string) => fieldError(key, field);
function fieldError(
  key:
    | 'surveys.error.effectWaves'
    | 'surveys.error.effectQuestion'
    | 'surveys.error.effectAnswer'
    | 'surveys.error.notBreakdown'
    | 'surveys.error.exposureAbsent',
  field: string
) {
  return new AppError('validation', key, { fields: { [field]: key } });
}

const EXPOSED = 'exposed';
const UNEXPOSED = 'unexposed';

/** The effect, kept between requests under the generation of both waves' counters (`keptForWaves`). */
export async function indicatorEffect(ctx: AppContext, args: TIndicatorEffectArgs): Promise<TIndicatorEffect> {
  return keptForWaves(ctx.db, 'effect', args, (keys) => computeIndicatorEffect(ctx, args, keys));
}

async function computeIndicatorEffect(
  ctx: AppContext,
  args: TIndicatorEffectArgs,
  keys: readonly string[]
): Promise<TIndicatorEffect> {
  const db = ctx.db;
  const { before, after, defs, places, counterId, code } = await effectSetup(db, args);

  // The exposure question: a breakdown question in both waves.
  if (args.exposure) {
    const e = args.exposure;
    const found = defs.map((d) => allQuestions(d).find((q) => q.id === e.questionId));
    if (found.some((q) => !q)) throw invalid('surveys.error.exposureAbsent', 'exposure.questionId');
    if (found.some((q) => !q!.breakdown)) throw invalid('surveys.error.notBreakdown', 'exposure.questionId');
    if (found.some((q) => !choiceCodes(q!, places).includes(e.answerCode)))
      throw invalid('surveys.error.effectAnswer', 'exposure.answerCode');
  }

  const present = defs.map(presentVariables);
  const variables = present[0].filter((v) => present[1].includes(v));
  // Both waves' counters of the indicator (and the joint counters by the exposure question) as integers.
  const e = args.exposure;
  const snaps = await effectWaveCounters(db, keys, [before.id, after.id], {
    questions: [counterId],
    ...(e ? { joint: { byQuestionId: e.questionId, questions: [counterId, e.questionId] } } : {})
  });
  const counts = e
    ? jointEffectCounts(snaps, counterId, code, e.questionId, [EXPOSED, UNEXPOSED], (a) => (a === e.answerCode ? 0 : 1))
    : plainEffectCounts(snaps, counterId, code);
  const { share, contrast, diff, didOf, too_few } = effectEstimator(variables, counts, args.weighting);

  const b = share('before', [before.id]);
  const a = share('after', [after.id]);
  const change = contrast(
    diff({ strata: [before.id] }, { strata: [after.id] }),
    b.n >= RELIABLE_N && a.n >= RELIABLE_N
  );
  let exposed_vs_unexposed: TIndicatorEffect['exposed_vs_unexposed'] = null;
  let did: TIndicatorEffect['did'] = null;
  if (args.exposure) {
    const ae = share(EXPOSED, [after.id], EXPOSED);
    const au = share(UNEXPOSED, [after.id], UNEXPOSED);
    exposed_vs_unexposed = {
      exposed: ae,
      unexposed: au,
      difference: contrast(
        diff({ strata: [after.id], group: UNEXPOSED }, { strata: [after.id], group: EXPOSED }),
        ae.n >= RELIABLE_N && au.n >= RELIABLE_N
      )
    };
    const be = share('before_exposed', [before.id], EXPOSED);
    const bu = share('before_unexposed', [before.id], UNEXPOSED);
    const d = didOf(before.id, after.id, EXPOSED, UNEXPOSED);
    did = {
      ...contrast(
        d,
        [ae, au, be, bu].every((x) => x.n >= RELIABLE_N)
      ),
      n: { before_exposed: be.n, before_unexposed: bu.n, after_exposed: ae.n, after_unexposed: au.n }
    };
  }
  return {
    indicator: { questionId: args.questionId, answerCode: args.answerCode },
    weighting: args.weighting,
    before: b,
    after: a,
    change,
    exposed_vs_unexposed,
    did,
    too_few
  };
}

/**
 * The effect's figures over one indicator's counts (surveys.effect-counts.ts: answers of the indicator, another
 * answer or none, per wave, cell and group): the weighting applied (an engine error, such as a margin category
 * without respondents, refused on the `weighting` field), then shares, contrasts and a difference-in-differences
 * with the engine's linearization SEs. A share whose domain has fewer than RELIABLE_N answers is named in
 * `too_few`; `contrast` drops the interval and test when told a part is unreliable. Shared by the exposure designs
 * (above) and the comparison-group design (surveys.effect-group.ts).
 */
export function effectEstimator(variables: TWeightingType[], counts: TEffectCounts, weighting: TWeightingMethod) {
  const estimator = effectCountsEstimator(variables, counts, weighting);
  const too_few: string[] = [];
  const share = (name: string, strata: string[], group?: string): TEffectShare => {
    const r = orNull(() => estimator.share(group === undefined ? { strata } : { strata, group }));
    const n = r?.n ?? 0;
    if (n < RELIABLE_N) too_few.push(name);
    return { p: r?.p ?? null, se: r?.se ?? null, n };
  };
  const contrast = (
    r: { estimate: number; se: number; ci_low: number; ci_high: number; p_value: number } | null,
    reliable: boolean
  ): TEffectContrast =>
    r === null
      ? { estimate: null, se: null, ci_low: null, ci_high: null, p_value: null }
      : {
          estimate: r.estimate,
          se: r.se,
          ci_low: reliable ? r.ci_low : null,
          ci_high: reliable ? r.ci_high : null,
          p_value: reliable ? r.p_value : null
        };
  type TDomain = { strata: string[]; group?: string };
  /** y − x. */
  const diff = (x: TDomain, y: TDomain) =>
    orNull(() =>
      estimator.contrast([
        { domain: x, coef: -1 },
        { domain: y, coef: 1 }
      ])
    );
  /** (after exposed − after unexposed) − (before exposed − before unexposed): R's svyglm(y ~ wave * exposed). */
  const didOf = (before: string, after: string, exposed: string, unexposed: string) =>
    orNull(() =>
      estimator.contrast([
        { domain: { strata: [after], group: exposed }, coef: 1 },
        { domain: { strata: [after], group: unexposed }, coef: -1 },
        { domain: { strata: [before], group: exposed }, coef: -1 },
        { domain: { strata: [before], group: unexposed }, coef: 1 }
      ])
    );
  return { share, contrast, diff, didOf, too_few };
}

/**
 * What every effect design checks and reads first: the weighting method, the survey and its two waves (each a
 * wave of the survey with its published version), and the indicator — a choice question asked the same way in
 * both waves with the given answer; its counter id and answer code. Each refusal names its field.
 */
export async function effectSetup(
  db: AppContext['db'],
  args: Pick<
    TIndicatorEffectArgs,
    'surveyId' | 'beforeWaveId' | 'afterWaveId' | 'questionId' | 'answerCode' | 'weighting'
  >
) {
  if (!['none', 'poststratify', 'rake'].includes(args.weighting))
    throw new AppError('validation', 'validation.choose', { fields: { weighting: 'validation.choose' } });
  const survey = await repo.findSurvey(db, args.surveyId);
  if (!survey || survey.id !== args.surveyId) throw new AppError('not_found', 'surveys.error.notFound');
  const [before, after] = await Promise.all([
    repo.findWave(db, args.beforeWaveId),
    repo.findWave(db, args.afterWaveId)
  ]);
  if (!before || before.survey_id !== survey.id) throw invalid('surveys.error.effectWaves', 'beforeWaveId');
  if (!after || after.survey_id !== survey.id || after.id === before.id)
    throw invalid('surveys.error.effectWaves', 'afterWaveId');
  const defs: TSurveyDefinition[] = [];
  for (const wave of [before, after]) {
    const version = await repo.findVersion(db, wave.version_id);
    if (!version) throw invalid('surveys.error.effectWaves', wave === before ? 'beforeWaveId' : 'afterWaveId');
    defs.push(parseDefinition(version.definition));
  }
  const places = await placesOf(db);

  // The indicator: a choice question asked in both waves, and one of its answers.
  const questions = defs.map((d) => allQuestions(d).find((q) => q.id === args.questionId));
  const q0 = questions[0];
  if (!q0 || !isChoice(q0) || q0.type === 'municipality' || questions.some((q) => !q || q.type !== q0.type))
    throw invalid('surveys.error.effectQuestion', 'questionId');
  if (questions.some((q) => !choiceCodes(q as TQuestion, places).includes(args.answerCode)))
    throw invalid('surveys.error.effectAnswer', 'answerCode');
  const multiple = q0.type === 'multiple';
  const counterId = multiple ? optionCounterId(q0.id, args.answerCode) : q0.id;
  const code = multiple ? '1' : args.answerCode;
  return { before, after, defs, places, counterId, code };
}
