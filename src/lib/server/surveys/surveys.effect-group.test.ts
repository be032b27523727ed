import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differenceInDifferences, fromCounts, noWeighting, type TCellCount } from '../../stats/survey';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin, surveyHeader, surveyQuestion } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ageGroups, type TSurveyDefinition } from '../../surveys/definition';
import {
  COMPARISON,
  groupDidEffect,
  groupLabelOf,
  regroupCounts,
  resolveDidGroup,
  TARGET,
  type TGroupDidArgs
} from './surveys.effect-group';
import { presentVariables, weigh, type TWeightingMethod } from './surveys.results';
import { createSurvey, placesOf, publishSurvey, saveWave, submitResponse } from './surveys.service';

describe('resolveDidGroup (pure)', () => {
  const codes = ['03', '31', '32', '33', '46', '50'];

  it('takes every other answer as the comparison when none is chosen, in the question order', () => {
    expect(resolveDidGroup(codes, ['32', '03'], [])).toEqual({
      target: ['03', '32'],
      comparison: ['31', '33', '46', '50'],
      problem: null
    });
    expect(resolveDidGroup(codes, ['03'], ['50', '46']).comparison).toEqual(['46', '50']);
  });

  it('names the field of each problem', () => {
    expect(resolveDidGroup(codes, [], []).problem).toEqual({
      field: 'target',
      key: 'campaigns.error.groupTargetRequired'
    });
    expect(resolveDidGroup(codes, ['99'], []).problem).toEqual({ field: 'target', key: 'campaigns.error.groupAnswer' });
    expect(resolveDidGroup(codes, ['03'], ['99']).problem).toEqual({
      field: 'comparison',
      key: 'campaigns.error.groupAnswer'
    });
    expect(resolveDidGroup(codes, ['03'], ['03']).problem).toEqual({
      field: 'comparison',
      key: 'campaigns.error.groupOverlap'
    });
    expect(resolveDidGroup(codes, codes, []).problem).toEqual({
      field: 'comparison',
      key: 'campaigns.error.groupComparisonEmpty'
    });
  });

  it('property: an accepted split is two disjoint, non-empty sets of existing answers', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 1 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'x')),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'x')),
        (qcodes, target, comparison) => {
          const r = resolveDidGroup(qcodes, target, comparison);
          if (r.problem) return;
          expect(r.target.length).toBeGreaterThan(0);
          expect(r.comparison.length).toBeGreaterThan(0);
          expect(r.target.filter((x) => r.comparison.includes(x))).toEqual([]);
          for (const x of [...r.target, ...r.comparison]) expect(qcodes).toContain(x);
          if (comparison.length === 0) expect(r.target.length + r.comparison.length).toBe(qcodes.length);
        }
      )
    );
  });

  it('property: relabelling keeps every respondent (n per cell) and puts each in at most one group', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            stratum: fc.constantFrom('w1', 'w2'),
            answer: fc.constantFrom('y', 'n', null),
            group: fc.constantFrom('a', 'b', 'c', null),
            n: fc.integer({ min: 1, max: 9 })
          })
        ),
        (rows) => {
          const counts: TCellCount[] = rows.map((r) => ({ ...r, cell: [] }));
          const out = regroupCounts(counts, groupLabelOf(['a'], ['b']));
          expect(out.reduce((s, c) => s + c.n, 0)).toBe(counts.reduce((s, c) => s + c.n, 0));
          out.forEach((c, i) => {
            const g = counts[i].group;
            expect(c.group).toBe(g === 'a' ? TARGET : g === 'b' ? COMPARISON : g === null ? null : 'other');
          });
        }
      )
    );
  });
});

// ——— On counted responses (SQLite and PostgreSQL) ———

let ctx: AppContext;
let analyst: TSessionUser;
const now = new Date('2027-03-10T12:00:00Z');

const q = surveyQuestion;

const definition: TSurveyDefinition = {
  ...surveyHeader('Gruppe', 'Group'),
  sections: [
    {
      title_nb: 'Om deg',
      title_en: 'About you',
      questions: [q('sex', 'sex'), q('age', 'age_group'), q('county', 'county')]
    },
    {
      title_nb: 'Spørsmål',
      title_en: 'Questions',
      questions: [
        q('problem', 'single', ['yes', 'no']),
        q('region', 'single', ['north', 'south', 'east'], { breakdown: true }),
        q('plain', 'single', ['x', 'y'])
      ]
    }
  ]
};

function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}
type TAnswers = Record<string, string>;

let surveyId: string;
let waves: string[];
const answers = new Map<string, TAnswers[]>();
let counties: string[];
const TARGET_COUNTIES = ['03', '31', '32', '33'];

/** Respondents of a wave: every county (in turn), both sexes, every age group; the campaign raises "yes" in its counties. */
function respondents(seed: number, n: number, wave: number): TAnswers[] {
  const r = lcg(seed);
  return Array.from({ length: n }, (_, i) => {
    const county = counties[i % counties.length];
    const sex = i % 2 ? 'female' : 'male';
    const age = ageGroups[Math.floor(i / 2) % ageGroups.length].code;
    const inTarget = TARGET_COUNTIES.includes(county);
    const region = r() < 0.1 ? '' : ['north', 'south', 'east'][Math.floor(r() * 3)];
    const p =
      0.3 + (sex === 'female' ? 0.1 : 0) + (inTarget ? 0.2 * wave : 0.02 * wave) + (region === 'east' ? 0.1 * wave : 0);
    const problem = r() < 0.05 ? '' : r() < p ? 'yes' : 'no';
    return { sex, age, county, problem, region, plain: r() < 0.5 ? 'x' : 'y' };
  });
}

beforeAll(async () => {
  ctx = await openTestApp();
  const { admin } = await setUpAdmin(ctx);
  analyst = await createStaffUser(ctx, admin, 'analyst');
  counties = (await placesOf(ctx.db)).counties.map((c) => c.number);
  const { id } = await createSurvey(ctx.db, analyst, { slug: 'gruppe', definition }, now);
  await publishSurvey(ctx.db, analyst, id, now);
  surveyId = id;
  waves = [];
  for (const [i, name] of ['før', 'etter'].entries()) {
    const wave = await saveWave(
      ctx.db,
      analyst,
      id,
      {
        name,
        opens_on: '2027-03-01',
        closes_on: '2027-03-31',
        target_n: undefined,
        method: 'online_panel',
        method_note_nb: '',
        method_note_en: '',
        quotas: []
      },
      undefined,
      now
    );
    waves.push(wave.id);
    const list = respondents(31 + i, 300, i);
    answers.set(wave.id, list);
    for (const a of list)
      await submitResponse(
        ctx.db,
        { surveyId: id, waveId: wave.id, answers: Object.fromEntries(Object.entries(a).filter(([, v]) => v !== '')) },
        now
      );
  }
}, 240_000);
afterAll(() => ctx.close());

const args = (over: Partial<TGroupDidArgs> = {}): TGroupDidArgs => ({
  surveyId,
  beforeWaveId: waves[0],
  afterWaveId: waves[1],
  questionId: 'problem',
  answerCode: 'yes',
  group: { questionId: 'county', target: TARGET_COUNTIES, comparison: [] },
  weighting: 'none',
  ...over
});

/** The same DiD the slow way: one count per respondent, the group read from the answers. */
function expected(method: TWeightingMethod, groupOf: (a: TAnswers) => string | null) {
  const variables = presentVariables(definition);
  const counts: TCellCount[] = [];
  for (const [waveId, list] of answers)
    for (const a of list)
      counts.push({
        stratum: waveId,
        cell: [a.sex, a.age, a.county],
        answer: a.problem === '' ? null : a.problem,
        group: groupOf(a),
        n: 1
      });
  const wt = weigh(variables, counts, method);
  const data = wt.w ? fromCounts(wt.w.variables, wt.counts) : fromCounts(variables, counts);
  return differenceInDifferences(data, wt.w ?? noWeighting(data), {
    code: 'yes',
    before: waves[0],
    after: waves[1],
    exposed: TARGET,
    unexposed: COMPARISON
  });
}

describe('groupDidEffect', () => {
  for (const method of ['none', 'poststratify', 'rake'] as const)
    it(`${method}: counties against every other county, from the cell counters, equals the answers respondent by respondent`, async () => {
      const e = await groupDidEffect(ctx, args({ weighting: method }));
      const d = expected(method, (a) => (TARGET_COUNTIES.includes(a.county) ? TARGET : COMPARISON));
      expect(e.group).toMatchObject({ questionId: 'county', source: 'cell', target: TARGET_COUNTIES });
      expect(e.group.comparison).toHaveLength(counties.length - 4);
      expect(e.did.estimate).toBeCloseTo(d.estimate, 12);
      expect(e.did.se).toBeCloseTo(d.se, 12);
      expect(e.did.ci_low).toBeCloseTo(d.ci_low, 12);
      expect(e.did.p_value).toBeCloseTo(d.p_value, 12);
      expect(e.did.n).toEqual({
        before_target: d.n.before_exposed,
        before_comparison: d.n.before_unexposed,
        after_target: d.n.after_exposed,
        after_comparison: d.n.after_unexposed
      });
      expect(e.too_few).toEqual([]);
    });

  it('a chosen comparison leaves the other counties out of both groups', async () => {
    const e = await groupDidEffect(
      ctx,
      args({ group: { questionId: 'county', target: ['03', '32'], comparison: ['46', '50', '11'] } })
    );
    const d = expected('none', (a) =>
      ['03', '32'].includes(a.county) ? TARGET : ['46', '50', '11'].includes(a.county) ? COMPARISON : 'other'
    );
    expect(e.group.comparison).toEqual(['11', '46', '50']);
    expect(e.did.estimate).toBeCloseTo(d.estimate, 12);
    expect(e.did.se).toBeCloseTo(d.se, 12);
  });

  it('rake: a breakdown question (joint counters) as the group question', async () => {
    const e = await groupDidEffect(
      ctx,
      args({ weighting: 'rake', group: { questionId: 'region', target: ['east'], comparison: [] } })
    );
    const d = expected('rake', (a) => (a.region === '' ? null : a.region === 'east' ? TARGET : COMPARISON));
    expect(e.group.source).toBe('breakdown');
    expect(e.did.estimate).toBeCloseTo(d.estimate, 12);
    expect(e.did.se).toBeCloseTo(d.se, 12);
  });

  it('too few answers in a part: the estimate without an interval, and the part named', async () => {
    const e = await groupDidEffect(ctx, args({ group: { questionId: 'county', target: ['03'], comparison: [] } }));
    expect(e.did.n.after_target).toBeLessThan(30);
    expect(e.did.estimate).not.toBeNull();
    expect(e.did.ci_low).toBeNull();
    expect(e.did.p_value).toBeNull();
    expect(e.too_few).toEqual(expect.arrayContaining(['target', 'before_target']));
  });

  it('refuses bad input with a validation error naming the field', async () => {
    const field = async (over: Partial<TGroupDidArgs>) => {
      const err = await errorOf(groupDidEffect(ctx, args(over)));
      expect(err.code).toBe('validation');
      return err.fields;
    };
    const g = (questionId: string, target: string[], comparison: string[] = []) => ({
      group: { questionId, target, comparison }
    });
    expect(await field(g('nosuch', ['a']))).toEqual({ 'group.questionId': 'campaigns.error.groupNotInWaves' });
    expect(await field(g('problem', ['yes']))).toEqual({ 'group.questionId': 'campaigns.error.groupNotInWaves' });
    expect(await field(g('plain', ['x']))).toEqual({ 'group.questionId': 'campaigns.error.groupNotBreakdown' });
    expect(await field(g('county', ['99']))).toEqual({ 'group.target': 'campaigns.error.groupAnswer' });
    expect(await field(g('county', []))).toEqual({ 'group.target': 'campaigns.error.groupTargetRequired' });
    expect(await field(g('county', ['03'], ['03']))).toEqual({ 'group.comparison': 'campaigns.error.groupOverlap' });
    expect(await field(g('region', ['north', 'south', 'east']))).toEqual({
      'group.comparison': 'campaigns.error.groupComparisonEmpty'
    });
    expect(await field(g('region', ['north'], ['west']))).toEqual({
      'group.comparison': 'campaigns.error.groupAnswer'
    });
  });
});
