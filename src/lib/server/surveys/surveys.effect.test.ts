import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  difference,
  differenceInDifferences,
  fromCounts,
  noWeighting,
  proportions,
  type TCellCount
} from '../../stats/survey';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin, surveyHeader, surveyQuestion } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ageGroups, type TSurveyDefinition } from '../../surveys/definition';
import { cellFromKey } from '../../surveys/response';
import { apiCompare, apiResults } from './surveys.api';
import { indicatorEffect } from './surveys.effect';
import { resultsPage } from './surveys.results-page';
import { compareResults, surveyResults } from './surveys.results';
import { presentVariables, weigh, type TWeightingMethod } from './surveys.results';
import { createSurvey, publishSurvey, saveDefinition, saveWave, submitResponse } from './surveys.service';

let ctx: AppContext;
let analyst: TSessionUser;
const now = new Date('2027-03-10T12:00:00Z');

const q = surveyQuestion;

const definition = (withSeen: boolean, seenMarked = true): TSurveyDefinition => ({
  ...surveyHeader('Effekt', 'Effect'),
  sections: [
    { title_nb: 'Om deg', title_en: 'About you', questions: [q('sex', 'sex'), q('age', 'age_group')] },
    {
      title_nb: 'Spørsmål',
      title_en: 'Questions',
      questions: [
        q('problem', 'single', ['yes', 'no', 'unsure']),
        q('forms', 'multiple', ['a', 'b']),
        ...(withSeen ? [q('seen', 'single', ['yes', 'no'], seenMarked ? { breakdown: true } : {})] : [])
      ]
    }
  ]
});

/** A deterministic pseudo-random sequence (no Math.random: the test must fail the same way twice). */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

type TAnswerSet = Record<string, string | string[]>;
const ages = ageGroups.map((a) => a.code);

function respondents(seed: number, n: number, wave: number): TAnswerSet[] {
  const r = lcg(seed);
  return Array.from({ length: n }, () => {
    const sex = r() < 0.6 ? 'female' : r() < 0.95 ? 'male' : 'other';
    const age = ages[Math.floor(r() * ages.length)];
    const seen = r() < 0.1 ? '' : r() < 0.4 + 0.1 * wave ? 'yes' : 'no';
    const pYes = 0.3 + (seen === 'yes' ? 0.15 * wave : 0) + (sex === 'female' ? 0.1 : 0) + (age === '16-24' ? -0.1 : 0);
    const problem = r() < 0.08 ? '' : r() < pYes ? 'yes' : r() < 0.7 ? 'no' : 'unsure';
    const forms = ['a', 'b'].filter(() => r() < 0.5);
    return { sex, age, problem, forms, seen };
  });
}

interface TFixture {
  surveyId: string;
  before: string;
  after: string;
  answers: Map<string, TAnswerSet[]>;
}

async function fixture(slug: string, sizes: [number, number], seen = true): Promise<TFixture> {
  const { id } = await createSurvey(ctx.db, analyst, { slug, definition: definition(seen) }, now);
  await publishSurvey(ctx.db, analyst, id, now);
  const wave = (name: string) =>
    saveWave(
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
  const before = (await wave('før')).id;
  const after = (await wave('etter')).id;
  const answers = new Map<string, TAnswerSet[]>();
  for (const [i, waveId] of [before, after].entries()) {
    const list = respondents(17 + i, sizes[i], i);
    answers.set(waveId, list);
    for (const a of list) await submitResponse(ctx.db, { surveyId: id, waveId, answers: a }, now);
  }
  return { surveyId: id, before, after, answers };
}

/** The same estimates computed the slow way: one count per respondent from the answers given, then the engine. */
function fromRespondents(f: TFixture, method: TWeightingMethod, exposure: boolean, waves?: string[]) {
  const variables = presentVariables(definition(true));
  const counts: TCellCount[] = [];
  for (const [waveId, list] of f.answers)
    for (const a of waves && !waves.includes(waveId) ? [] : list) {
      const full = ['sex', 'age'].map((k) => String(a[k]));
      const cell = variables.map((v) => (v === 'sex' ? full[0] : v === 'age_group' ? full[1] : ''));
      const group =
        !exposure || a.seen === '' ? null : waves ? String(a.seen) : a.seen === 'yes' ? 'exposed' : 'unexposed';
      counts.push({ stratum: waveId, cell, answer: a.problem === '' ? null : String(a.problem), group, n: 1 });
    }
  const wt = weigh(variables, counts, method);
  const data = wt.w ? fromCounts(wt.w.variables, wt.counts) : fromCounts(variables, counts);
  return { data, w: wt.w ?? noWeighting(data) };
}

beforeAll(async () => {
  ctx = await openTestApp();
  const { admin } = await setUpAdmin(ctx);
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(() => ctx.close());

describe('indicatorEffect', () => {
  let f: TFixture;
  beforeAll(async () => {
    f = await fixture('effect', [120, 140]);
  }, 180_000);

  it('unweighted: before/after are the plain shares k/n and the change their difference', async () => {
    const e = await indicatorEffect(ctx, {
      surveyId: f.surveyId,
      beforeWaveId: f.before,
      afterWaveId: f.after,
      questionId: 'problem',
      answerCode: 'yes',
      weighting: 'none'
    });
    const share = (waveId: string) => {
      const answered = f.answers.get(waveId)!.filter((a) => a.problem !== '');
      return { k: answered.filter((a) => a.problem === 'yes').length, n: answered.length };
    };
    const b = share(f.before);
    const a = share(f.after);
    expect(e.before.n).toBe(b.n);
    expect(e.before.p).toBeCloseTo(b.k / b.n, 12);
    expect(e.after.p).toBeCloseTo(a.k / a.n, 12);
    expect(e.change.estimate).toBeCloseTo(a.k / a.n - b.k / b.n, 12);
    expect(e.change.ci_low).toBeLessThan(e.change.estimate!);
    expect(e.exposed_vs_unexposed).toBeNull();
    expect(e.did).toBeNull();
    expect(e.too_few).toEqual([]);
  });

  for (const method of ['none', 'poststratify', 'rake'] as const)
    it(`${method}: the counters (joint counters included) give the same figures as the answers, respondent by respondent`, async () => {
      const e = await indicatorEffect(ctx, {
        surveyId: f.surveyId,
        beforeWaveId: f.before,
        afterWaveId: f.after,
        questionId: 'problem',
        answerCode: 'yes',
        exposure: { questionId: 'seen', answerCode: 'yes' },
        weighting: method
      });
      const { data, w } = fromRespondents(f, method, true);
      const did = differenceInDifferences(data, w, {
        code: 'yes',
        before: f.before,
        after: f.after,
        exposed: 'exposed',
        unexposed: 'unexposed'
      });
      expect(e.did!.estimate).toBeCloseTo(did.estimate, 12);
      expect(e.did!.se).toBeCloseTo(did.se, 12);
      expect(e.did!.ci_low).toBeCloseTo(did.ci_low, 12);
      expect(e.did!.p_value).toBeCloseTo(did.p_value, 12);
      expect(e.did!.n).toEqual(did.n);
      const ev = difference(
        data,
        w,
        'yes',
        { strata: [f.after], group: 'unexposed' },
        { strata: [f.after], group: 'exposed' }
      );
      expect(e.exposed_vs_unexposed!.difference.estimate).toBeCloseTo(ev.difference, 12);
      expect(e.exposed_vs_unexposed!.difference.se).toBeCloseTo(ev.se, 12);
      expect(e.exposed_vs_unexposed!.exposed.p).toBeCloseTo(ev.estimate_b, 12);
      // Before/after do not depend on the exposure: the same as without it, and as the respondents give.
      const plain = await indicatorEffect(ctx, {
        surveyId: f.surveyId,
        beforeWaveId: f.before,
        afterWaveId: f.after,
        questionId: 'problem',
        answerCode: 'yes',
        weighting: method
      });
      expect(plain.before.n).toBe(e.before.n);
      expect(plain.before.p).toBeCloseTo(e.before.p!, 12);
      expect(plain.change.estimate).toBeCloseTo(e.change.estimate!, 12);
      expect(plain.change.se).toBeCloseTo(e.change.se!, 12);
      const p = proportions(data, w, { strata: [f.before] }, { codes: ['yes'] });
      expect(e.before.p).toBeCloseTo(p.answers[0].proportion, 12);
      expect(e.before.se).toBeCloseTo(p.answers[0].se, 12);
      expect(e.before.n).toBe(p.base_n);
    });

  it('a multiple-choice option works as the indicator', async () => {
    const e = await indicatorEffect(ctx, {
      surveyId: f.surveyId,
      beforeWaveId: f.before,
      afterWaveId: f.after,
      questionId: 'forms',
      answerCode: 'b',
      exposure: { questionId: 'seen', answerCode: 'no' },
      weighting: 'none'
    });
    // Choosing no option of a multiple-choice question is not answering it.
    const list = f.answers.get(f.after)!.filter((a) => a.forms.length > 0);
    const chose = list.filter((a) => (a.forms as string[]).includes('b')).length;
    expect(e.after.n).toBe(list.length);
    expect(e.after.p).toBeCloseTo(chose / list.length, 12);
    const exposed = list.filter((a) => a.seen === 'no');
    expect(e.exposed_vs_unexposed!.exposed.n).toBe(exposed.length);
  });

  it('refuses waves of different surveys, unknown answers and an unmarked or absent exposure question, naming the field', async () => {
    const other = await fixture('effect-other', [1, 1]);
    const base = {
      surveyId: f.surveyId,
      beforeWaveId: f.before,
      afterWaveId: f.after,
      questionId: 'problem',
      answerCode: 'yes',
      weighting: 'none' as const
    };
    const cases: [Partial<typeof base> & { exposure?: { questionId: string; answerCode: string } }, string, string][] =
      [
        [{ afterWaveId: other.after }, 'surveys.error.effectWaves', 'afterWaveId'],
        [{ beforeWaveId: 'nope' }, 'surveys.error.effectWaves', 'beforeWaveId'],
        [{ answerCode: 'maybe' }, 'surveys.error.effectAnswer', 'answerCode'],
        [{ questionId: 'nope' }, 'surveys.error.effectQuestion', 'questionId'],
        [
          { exposure: { questionId: 'problem', answerCode: 'yes' } },
          'surveys.error.notBreakdown',
          'exposure.questionId'
        ],
        [
          { exposure: { questionId: 'seen', answerCode: 'perhaps' } },
          'surveys.error.effectAnswer',
          'exposure.answerCode'
        ]
      ];
    for (const [change, key, field] of cases) {
      const e = await errorOf(indicatorEffect(ctx, { ...base, ...change }));
      expect(e).toMatchObject({ status: 400, message: key });
      expect(e.fields).toEqual({ [field]: key });
    }
    // A later version without the exposure question: its wave cannot be used for exposure.
    await saveDefinition(ctx.db, analyst, f.surveyId, definition(false), now);
    await publishSurvey(ctx.db, analyst, f.surveyId, now);
    const later = await saveWave(
      ctx.db,
      analyst,
      f.surveyId,
      {
        name: 'senere',
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
    const absent = await errorOf(
      indicatorEffect(ctx, { ...base, afterWaveId: later.id, exposure: { questionId: 'seen', answerCode: 'yes' } })
    );
    expect(absent).toMatchObject({ status: 400, message: 'surveys.error.exposureAbsent' });
    // Without exposure the later wave is fine (no answers yet: no figures, and it says so).
    const empty = await indicatorEffect(ctx, { ...base, afterWaveId: later.id });
    expect(empty.after).toEqual({ p: null, se: null, n: 0 });
    expect(empty.change.estimate).toBeNull();
    expect(empty.too_few).toEqual(['after']);
  });

  it('too few answers: the figures without an interval or test, and the parts named', async () => {
    const small = await fixture('effect-small', [40, 12]);
    const e = await indicatorEffect(ctx, {
      surveyId: small.surveyId,
      beforeWaveId: small.before,
      afterWaveId: small.after,
      questionId: 'problem',
      answerCode: 'yes',
      exposure: { questionId: 'seen', answerCode: 'yes' },
      weighting: 'none'
    });
    expect(e.too_few).toEqual(expect.arrayContaining(['after', 'exposed', 'unexposed', 'before_exposed']));
    expect(e.too_few).not.toContain('before');
    expect(e.after.p).not.toBeNull();
    expect(e.change.estimate).not.toBeNull();
    expect(e.change).toMatchObject({ ci_low: null, ci_high: null, p_value: null });
    expect(e.did).toMatchObject({ ci_low: null, ci_high: null, p_value: null });
    expect(e.did!.n.after_exposed + e.did!.n.after_unexposed).toBeLessThanOrEqual(12);
  });
});

describe('joint counters', () => {
  it('partition every cell: by group and answer they add up to the cell totals', async () => {
    const f = await fixture('effect-partition', [25, 0]);
    const { breakdownCounts } = await import('./surveys.breakdown');
    const counts = (await breakdownCounts(ctx.db, [f.before], 'seen', ['problem'], ['sex', 'age_group'])).get(
      'problem'
    )!;
    const total = counts.reduce((a, c) => a + c.n, 0);
    expect(total).toBe(25);
    const list = f.answers.get(f.before)!;
    for (const seen of ['yes', 'no'])
      for (const answer of ['yes', 'no', 'unsure'])
        expect(counts.filter((c) => c.group === seen && c.answer === answer).reduce((a, c) => a + c.n, 0)).toBe(
          list.filter((a) => a.seen === seen && a.problem === answer).length
        );
    expect(counts.filter((c) => c.group === null && c.answer === null).reduce((a, c) => a + c.n, 0)).toBe(
      list.filter((a) => a.seen === '' && a.problem === '').length
    );
    expect(cellFromKey('female|16-24|')).toEqual(['female', '16-24', '']);
  });
});

describe('results by a breakdown question', () => {
  let f: TFixture;
  beforeAll(async () => {
    f = await fixture('by-seen', [30, 150]);
  }, 180_000);

  for (const method of ['none', 'rake'] as const)
    it(`${method}: by=seen gives per answer of "seen" the figures the respondents give`, async () => {
      const r = await surveyResults(ctx.db, f.surveyId, { wave: f.after, weighting: method, by: 'seen', locale: 'nb' });
      expect(r.by).toBe('seen');
      expect(r.groups.map((g) => g.group)).toEqual(['yes', 'no']);
      const { data, w } = fromRespondents(f, method, true, [f.after]);
      for (const g of r.groups) {
        const problem = g.questions.find((x) => x.question === 'problem')!;
        const expected = proportions(
          data,
          w,
          { strata: [f.after], group: g.group },
          { codes: ['yes', 'no', 'unsure'] }
        );
        // base n is unweighted (respondents outside the margins, sex "other", count; the weighting leaves them out).
        const answered = f.answers.get(f.after)!.filter((a) => a.seen === g.group && a.problem !== '').length;
        expect(problem.base_n).toBe(answered);
        expect(problem.unreliable).toBe(answered < 30);
        for (const a of problem.answers) {
          const e = expected.answers.find((x) => x.code === a.code)!;
          const p = method === 'none' ? a.proportion : a.weighted_proportion!;
          const se = method === 'none' ? a.se : a.weighted_se!;
          expect(p).toBeCloseTo(e.proportion, 12);
          expect(se).toBeCloseTo(e.se, 12);
        }
      }
    });

  it('an unmarked question is refused on `by` with "mark it in the builder"; the API does the same', async () => {
    for (const call of [
      () => surveyResults(ctx.db, f.surveyId, { wave: f.after, by: 'problem', locale: 'nb' }),
      () => apiResults(ctx.db, f.surveyId, { weighting: 'rake', by: 'problem' }, 'en'),
      () =>
        apiCompare(
          ctx.db,
          f.surveyId,
          { wave_a: f.after, weighting: 'none', by: 'problem', group_a: 'yes', group_b: 'no' },
          'en'
        )
    ]) {
      const e = await errorOf(call());
      expect(e).toMatchObject({ status: 400, message: 'surveys.error.notBreakdown' });
      expect(e.fields).toEqual({ by: 'surveys.error.notBreakdown' });
    }
    const api = await apiResults(ctx.db, f.surveyId, { wave: f.after, weighting: 'none', by: 'seen' }, 'en');
    expect(api.by).toBe('seen');
    expect(api.groups.map((g: { group: string }) => g.group)).toEqual(['yes', 'no']);
  });

  it('compares the groups of a breakdown question (the same difference as the effect at the after wave)', async () => {
    const c = await compareResults(ctx.db, f.surveyId, {
      wave_a: f.after,
      by: 'seen',
      group_a: 'no',
      group_b: 'yes',
      weighting: 'rake',
      locale: 'nb'
    });
    const row = c.rows.find((x) => x.question === 'problem' && x.code === 'yes')!;
    const { data, w } = fromRespondents(f, 'rake', true, [f.after]);
    const d = difference(data, w, 'yes', { strata: [f.after], group: 'no' }, { strata: [f.after], group: 'yes' });
    expect(row.result.difference).toBeCloseTo(d.difference, 12);
    expect(row.result.se).toBeCloseTo(d.se, 12);
    const api = await apiCompare(
      ctx.db,
      f.surveyId,
      { wave_a: f.after, weighting: 'rake', by: 'seen', group_a: 'no', group_b: 'yes' },
      'en'
    );
    expect(api.rows.find((x) => x.question === 'problem' && x.code === 'yes')!.difference).toBeCloseTo(
      d.difference,
      12
    );
  });

  it('the public page offers the breakdown question, marks n < 30 and suppresses n < 5; staff see the counts', async () => {
    const url = (by: string) => new URL(`http://x/results/by-seen?wave=${f.before}&weighting=none&by=${by}`);
    const pub = await resultsPage(ctx.db, f.surveyId, url('seen'), 'nb', true);
    expect(pub.byQuestions).toEqual([{ value: 'seen', label: 'seen' }]);
    expect(pub.query.by).toBe('seen');
    const staff = await resultsPage(ctx.db, f.surveyId, url('seen'), 'nb', false);
    const list = f.answers.get(f.before)!;
    let suppressedSeen = 0;
    for (const [i, g] of pub.results.groups.entries()) {
      const members = list.filter((a) => a.seen === g.group && a.problem !== '');
      const table = g.questions.find((x) => x.id === 'problem')!;
      const staffTable = staff.results.groups[i].questions.find((x) => x.id === 'problem')!;
      expect(staffTable.suppressed).toBe(false);
      if (members.length < 5) {
        expect(table.suppressed).toBe(true);
        continue;
      }
      expect(table.warning).toBe(members.length < 30 ? 'unreliable' : null);
      ['yes', 'no', 'unsure'].forEach((code, k) => {
        const n = members.filter((a) => a.problem === code).length;
        expect(table.chart[k].suppressed).toBe(n > 0 && n < 5);
        if (n > 0 && n < 5) suppressedSeen++;
        expect(staffTable.rows[k].n).toBe(String(n));
      });
    }
    // The before wave has 30 respondents: its groups are small enough to show both rules.
    expect(suppressedSeen).toBeGreaterThan(0);
  });
});
