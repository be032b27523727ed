/**
 * Difference-in-differences of a campaign indicator against a comparison GROUP (issue 8): the campaign ran
 * for part of the population (some counties, an age group, the answers of a marked breakdown question) and
 * the rest — or a chosen set of answers — is the comparison:
 * (after_target − before_target) − (after_comparison − before_comparison), with the engine's linearization SE
 * (the interaction of R's `svyglm(indicator ~ wave * target)`), weighted as asked, from the counters only.
 *
 * How the groups are read without any new counter: a demographic question that is a weighting variable (sex,
 * age group, county) is part of every respondent's weighting cell, so the plain counters per cell already
 * say who is in the target group (`plainEffectCounts` reads the group from the cell); any other group question
 * must be a breakdown question, whose joint counters give the indicator per group (`jointEffectCounts`).
 * Respondents in neither group stay in the data (they carry weight in their cells) but in no domain.
 * See docs/campaigns.md ("Difference-in-differences against a comparison group").
 */
import type { TCellCount } from '../../stats/survey';
import type { AppContext } from '../app';
import { AppError } from '../errors';
import type { MessageKey } from '../../i18n';
import {
  allQuestions,
  choiceCodes,
  isChoice,
  weightingTypes,
  type TQuestion,
  type TWeightingType
} from '../../surveys/definition';
import { cellFromKey } from '../../surveys/response';
import { effectEstimator, effectSetup, type TEffectContrast, type TEffectShare } from './surveys.effect';
import { effectWaveCounters, jointEffectCounts, plainEffectCounts, type TEffectCounts } from './surveys.effect-counts';
import { keptForWaves } from './surveys.results-cache';
import { presentVariables, RELIABLE_N, type TWeightingMethod } from './surveys.results';

export const TARGET = 'target';
export const COMPARISON = 'comparison';
const OTHER = 'other';

/** A comparison-group design: the group question, the answers of the target group and of the comparison. */
export interface TDidGroup {
  questionId: string;
  target: readonly string[];
  /** The comparison's answers; empty = every other answer of the question. */
  comparison: readonly string[];
}

export type TDidGroupProblem = { field: 'target' | 'comparison'; key: MessageKey } | null;

/**
 * Pure: checks a target/comparison split against the question's answer codes and resolves "everyone else".
 * Unknown answers, an empty target, an overlap of target and comparison, or nothing left to compare with are
 * problems naming the field.
 */
export function resolveDidGroup(
  codes: readonly string[],
  target: readonly string[],
  comparison: readonly string[]
): { target: string[]; comparison: string[]; problem: TDidGroupProblem } {
  const t = [...new Set(target)];
  const c = [...new Set(comparison)];
  const none = { target: t, comparison: c };
  if (t.length === 0) return { ...none, problem: { field: 'target', key: 'campaigns.error.groupTargetRequired' } };
  if (t.some((x) => !codes.includes(x)))
    return { ...none, problem: { field: 'target', key: 'campaigns.error.groupAnswer' } };
  if (c.some((x) => !codes.includes(x)))
    return { ...none, problem: { field: 'comparison', key: 'campaigns.error.groupAnswer' } };
  if (c.some((x) => t.includes(x)))
    return { ...none, problem: { field: 'comparison', key: 'campaigns.error.groupOverlap' } };
  const resolved = c.length ? c : codes.filter((x) => !t.includes(x));
  if (resolved.length === 0)
    return { ...none, problem: { field: 'comparison', key: 'campaigns.error.groupComparisonEmpty' } };
  // In the question's order, so stored and shown lists read the same way as the survey.
  return {
    target: codes.filter((x) => t.includes(x)),
    comparison: codes.filter((x) => resolved.includes(x)),
    problem: null
  };
}

/** Pure: the domain label of a group answer (null: did not answer the group question). */
export function groupLabelOf(target: readonly string[], comparison: readonly string[]) {
  const t = new Set(target);
  const c = new Set(comparison);
  return (answer: string | null): string | null =>
    answer === null || answer === '' ? null : t.has(answer) ? TARGET : c.has(answer) ? COMPARISON : OTHER;
}

/** Pure: relabels the `group` of counts (the group question's answer) as target / comparison / other. */
export function regroupCounts(counts: readonly TCellCount[], label: (answer: string | null) => string | null) {
  return counts.map((c) => ({ ...c, group: label(c.group ?? null) }));
}

/** How a group question's groups are read: from the weighting cell, or from a breakdown question's joint counters. */
export function groupSource(q: TQuestion): 'cell' | 'breakdown' | null {
  if ((weightingTypes as readonly string[]).includes(q.type)) return 'cell';
  if (q.breakdown && isChoice(q) && q.type !== 'multiple') return 'breakdown';
  return null;
}

export interface TGroupDidEffect {
  indicator: { questionId: string; answerCode: string };
  weighting: TWeightingMethod;
  group: { questionId: string; target: string[]; comparison: string[]; source: 'cell' | 'breakdown' };
  before: TEffectShare;
  after: TEffectShare;
  change: TEffectContrast;
  /** At the follow-up: target − comparison. */
  target_vs_comparison: { target: TEffectShare; comparison: TEffectShare; difference: TEffectContrast };
  did: TEffectContrast & {
    n: { before_target: number; before_comparison: number; after_target: number; after_comparison: number };
  };
  /** Parts with fewer than 30 answers: before, after, target, comparison (follow-up), before_target, before_comparison. */
  too_few: string[];
}

export interface TGroupDidArgs {
  surveyId: string;
  beforeWaveId: string;
  afterWaveId: string;
  questionId: string;
  answerCode: string;
  group: TDidGroup;
  weighting: TWeightingMethod;
}

const fieldError = (key: MessageKey, field: string) => new AppError('validation', key, { fields: { [field]: key } });

/** The effect, kept between requests under the generation of both waves' counters (`keptForWaves`). */
export async function groupDidEffect(ctx: AppContext, args: TGroupDidArgs): Promise<TGroupDidEffect> {
  return keptForWaves(ctx.db, 'effect-group', args, (keys) => computeGroupDidEffect(ctx, args, keys));
}

async function computeGroupDidEffect(
  ctx: AppContext,
  args: TGroupDidArgs,
  keys: readonly string[]
): Promise<TGroupDidEffect> {
  const db = ctx.db;
  const { before, after, defs, places, counterId, code } = await effectSetup(db, args);

  // The group question: in both waves' versions, of the same kind, read from the cells or joint counters.
  const gq = defs.map((d) => allQuestions(d).find((q) => q.id === args.group.questionId));
  if (gq.some((q) => !q) || gq[0]!.type !== gq[1]!.type || args.group.questionId === args.questionId)
    throw fieldError('campaigns.error.groupNotInWaves', 'group.questionId');
  const sources = gq.map((q) => groupSource(q!));
  if (sources.some((s) => s === null) || sources[0] !== sources[1])
    throw fieldError('campaigns.error.groupNotBreakdown', 'group.questionId');
  const source = sources[0]!;
  const codes0 = choiceCodes(gq[0]!, places);
  const codes = codes0.filter((c) => choiceCodes(gq[1]!, places).includes(c));
  const split = resolveDidGroup(codes, args.group.target, args.group.comparison);
  if (split.problem) throw fieldError(split.problem.key, `group.${split.problem.field}`);
  const label = groupLabelOf(split.target, split.comparison);

  const present = defs.map(presentVariables);
  const variables = present[0].filter((v) => present[1].includes(v));
  const groups = [TARGET, COMPARISON, OTHER];
  const snaps = await effectWaveCounters(db, keys, [before.id, after.id], {
    questions: [counterId],
    ...(source === 'breakdown'
      ? { joint: { byQuestionId: args.group.questionId, questions: [counterId, args.group.questionId] } }
      : {})
  });
  let counts: TEffectCounts;
  if (source === 'cell') {
    // The group is a level of the respondent's weighting cell.
    const at = weightingTypes.indexOf(gq[0]!.type as TWeightingType);
    counts = plainEffectCounts(snaps, counterId, code, groups, (cell) => {
      const g = label(cellFromKey(cell)[at] || null);
      return g === null ? -1 : groups.indexOf(g);
    });
  } else
    counts = jointEffectCounts(snaps, counterId, code, args.group.questionId, groups, (a) =>
      groups.indexOf(label(a) ?? OTHER)
    );

  const { share, contrast, diff, didOf, too_few } = effectEstimator(variables, counts, args.weighting);

  const b = share('before', [before.id]);
  const a = share('after', [after.id]);
  const change = contrast(
    diff({ strata: [before.id] }, { strata: [after.id] }),
    b.n >= RELIABLE_N && a.n >= RELIABLE_N
  );
  const at = share(TARGET, [after.id], TARGET);
  const ac = share(COMPARISON, [after.id], COMPARISON);
  const bt = share('before_target', [before.id], TARGET);
  const bc = share('before_comparison', [before.id], COMPARISON);
  const d = didOf(before.id, after.id, TARGET, COMPARISON);
  return {
    indicator: { questionId: args.questionId, answerCode: args.answerCode },
    weighting: args.weighting,
    group: { questionId: args.group.questionId, target: split.target, comparison: split.comparison, source },
    before: b,
    after: a,
    change,
    target_vs_comparison: {
      target: at,
      comparison: ac,
      difference: contrast(
        diff({ strata: [after.id], group: COMPARISON }, { strata: [after.id], group: TARGET }),
        at.n >= RELIABLE_N && ac.n >= RELIABLE_N
      )
    },
    did: {
      ...contrast(
        d,
        [at, ac, bt, bc].every((x) => x.n >= RELIABLE_N)
      ),
      n: { before_target: bt.n, before_comparison: bc.n, after_target: at.n, after_comparison: ac.n }
    },
    too_few
  };
}
