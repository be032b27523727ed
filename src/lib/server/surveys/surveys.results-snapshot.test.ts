/**
 * The results path reads a wave's counters as integers and weights the wave once for every counter
 * (`waveEstimator`); the per-counter path (`countsEstimator`, still used for breakdown questions and trends)
 * makes data and weighting per counter from `TCellCount`s. On random responses, every weighting and breakdown,
 * both give the same figures (to 1e-12), the same engine errors and the same notes' inputs — also when a
 * counter is out of step with the cell totals (the integer path then falls back to the per-counter path).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin, surveyHeader, surveyQuestion } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { SurveyStatsError, type TProportions } from '../../stats/survey';
import { ageGroups, type TSurveyDefinition, type TWeightingType } from '../../surveys/definition';
import { readWaveCounters, type TWaveCounters } from './surveys.counter-read';
import { bumpCounterVersions } from './surveys.repository';
import {
  countsEstimator,
  countsOfSnapshot,
  surveyResults,
  waveEstimator,
  type TPartFigures,
  type TWeightingMethod
} from './surveys.results';
import { createSurvey, publishSurvey, saveWave, submitResponse } from './surveys.service';
import { breakdownItems, chooseBreakdownItem } from '../../surveys/results-view';

let ctx: AppContext;
let analyst: TSessionUser;

const q = surveyQuestion;

const definition = {
  ...surveyHeader('Heltall', 'Integers'),
  sections: [
    {
      title_nb: 'a',
      title_en: 'a',
      questions: [
        q('sex', 'sex'),
        q('age', 'age_group'),
        q('heard', 'single', ['yes', 'no', 'unsure']),
        q('forms', 'multiple', ['a', 'b']),
        q('hours', 'number', [], { min: 0, max: 40 })
      ]
    }
  ]
} as unknown as TSurveyDefinition;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ages = ageGroups.map((g) => g.code);
const variables: TWeightingType[] = ['sex', 'age_group'];

beforeAll(async () => {
  ctx = await openTestApp();
  const { admin } = await setUpAdmin(ctx);
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(async () => {
  await ctx.close();
});

let run = 0;
async function waveWith(
  people: { sex: string; age: string; heard: string | null; forms: string[]; hours?: number | null }[]
) {
  const { id: surveyId } = await createSurvey(ctx.db, analyst, { slug: `integers-${run++}`, definition });
  await publishSurvey(ctx.db, analyst, surveyId);
  const { id: waveId } = await saveWave(ctx.db, analyst, surveyId, {
    name: 'Wave',
    opens_on: day(-1),
    closes_on: day(10),
    target_n: undefined,
    method: 'other',
    method_note_nb: '',
    method_note_en: '',
    quotas: []
  });
  for (const p of people)
    await submitResponse(ctx.db, {
      surveyId,
      waveId,
      answers: {
        sex: p.sex,
        age: p.age,
        forms: p.forms,
        ...(p.heard ? { heard: p.heard } : {}),
        ...(p.hours != null ? { hours: String(p.hours) } : {})
      }
    });
  return { surveyId, waveId };
}

function expectSameFigures(got: (TProportions | SurveyStatsError)[] | null, want: typeof got) {
  if (want === null) return expect(got).toBeNull();
  expect(got).toHaveLength(want.length);
  want.forEach((w, i) => {
    const g = got![i];
    if (w instanceof SurveyStatsError) {
      expect(g).toBeInstanceOf(SurveyStatsError);
      expect((g as SurveyStatsError).key).toBe(w.key);
      return;
    }
    expect(g).not.toBeInstanceOf(SurveyStatsError);
    const p = g as TProportions;
    const close = (a: number, b: number) => {
      if (Number.isNaN(b)) return expect(a).toBeNaN();
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
    };
    expect(p.base_n).toBe(w.base_n);
    for (const k of ['sum_weights', 'effective_n', 'deff'] as const) close(p[k], w[k]);
    expect(p.answers.map((a) => [a.code, a.n])).toEqual(w.answers.map((a) => [a.code, a.n]));
    p.answers.forEach((a, j) => {
      const b = w.answers[j];
      for (const k of ['proportion', 'se', 'ci_low', 'ci_high', 'logit_ci_low', 'logit_ci_high', 'deff'] as const)
        close(a[k], b[k]);
    });
  });
}

function expectSame(fast: TPartFigures, slow: TPartFigures) {
  expectSameFigures(fast.un, slow.un);
  if (slow.un.every((x) => x instanceof SurveyStatsError)) return;
  const f = fast.weighted();
  const s = slow.weighted();
  expect(f.error).toEqual(s.error);
  expect(f.left_out).toBe(s.left_out);
  expectSameFigures(f.results, s.results);
}

const counters: [string, string[]][] = [
  ['heard', ['yes', 'no', 'unsure']],
  ['forms/a', ['1']],
  ['forms/b', ['1']],
  ['age', ages]
];

async function compareAll(waveId: string, method: TWeightingMethod, by: TWeightingType | null) {
  const snap = await readWaveCounters(ctx.db, waveId);
  const groups = [null, ...(by === 'sex' ? ['female', 'male', 'other'] : by === 'age_group' ? ages : [])];
  const fast = waveEstimator(snap, variables, by, method, groups);
  const slow = countsEstimator(
    variables,
    countsOfSnapshot(snap, variables, by),
    method,
    groups.map((group) => ({ strata: [waveId], group }))
  );
  for (const [id, codes] of counters) {
    const all = fast(id, codes);
    expectSame(all, slow(id, codes));
    // Which domains have figures, and what the weighting says, without the figures.
    const answered = all.un.map((x) => !(x instanceof SurveyStatsError));
    expect(fast.answered(id, codes)).toEqual(answered);
    expect(slow.answered(id, codes)).toEqual(answered);
    for (const estimate of [fast, slow]) {
      const every = estimate(id, codes);
      const { results, ...said } = every.weighted();
      expect(estimate.weighting(id)).toEqual(said);
      // Some of the domains, in another order: their figures, in that order.
      const pick = groups
        .map((_, d) => d)
        .filter((d) => d % 2 === 0)
        .reverse();
      const some = estimate(id, codes, pick);
      expectSameFigures(
        some.un,
        pick.map((d) => every.un[d])
      );
      expectSameFigures(some.weighted().results, results && pick.map((d) => results[d]));
    }
  }
}

const personArb = fc.record({
  sex: fc.constantFrom('female', 'male', 'female', 'male', 'other'),
  age: fc.constantFrom(...ages),
  heard: fc.constantFrom('yes', 'no', 'unsure', null),
  forms: fc.subarray(['a', 'b'])
});

describe('results from integer-indexed counters', () => {
  it('give the figures of the per-counter path, for every weighting and breakdown', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(personArb, { minLength: 1, maxLength: 60 }),
        fc.constantFrom<TWeightingMethod>('none', 'poststratify', 'rake'),
        fc.constantFrom<TWeightingType | null>(null, 'sex', 'age_group'),
        async (people, method, by) => compareAll((await waveWith(people)).waveId, method, by)
      ),
      { numRuns: 12 }
    );
  });

  it('fall back to the per-counter path when a counter is out of step with the cell totals', async () => {
    const people = Array.from({ length: 80 }, (_, i) => ({
      sex: i % 2 ? 'female' : 'male',
      age: ages[i % ages.length],
      heard: ['yes', 'no', null][i % 3],
      forms: i % 4 ? ['a'] : []
    }));
    const { waveId } = await waveWith(people);
    await ctx.db
      .updateTable('survey_count')
      .set({ n: 500 })
      .where('wave_id', '=', waveId)
      .where('question_id', '=', 'heard')
      .where('answer', '=', 'yes')
      .execute();
    for (const method of ['none', 'rake'] as const) await compareAll(waveId, method, 'sex');
  });
});

describe('a results page with a breakdown (one item shown per group)', () => {
  it('gets the full results’ figures of that item, the same item chosen and the same items listed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            sex: fc.constantFrom('female', 'male', 'other'),
            age: fc.constantFrom(...ages.slice(0, 3)),
            heard: fc.constantFrom('yes', 'no', null),
            forms: fc.subarray(['a', 'b']),
            hours: fc.option(fc.integer({ min: 0, max: 40 }))
          }),
          { minLength: 1, maxLength: 40 }
        ),
        fc.constantFrom<TWeightingMethod>('none', 'rake'),
        fc.constantFrom('sex', 'age_group'),
        fc.constantFrom('', 'heard', 'forms', 'hours', 'sex', 'age', 'nothing'),
        async (people, weighting, by, shown) => {
          const { surveyId } = await waveWith(people);
          const full = await surveyResults(ctx.db, surveyId, { weighting, by, locale: 'en' });
          const one = await surveyResults(ctx.db, surveyId, { weighting, by, locale: 'en', shown });
          const item = chooseBreakdownItem(full, shown || null);
          expect(one.breakdown).toEqual({ item, items: breakdownItems(full) });
          expect(full.breakdown).toBeUndefined();
          const only = (x: { question: string }) => x.question === item?.value;
          expect(one.groups).toEqual(
            full.groups.map((g) => ({ ...g, questions: g.questions.filter(only), means: g.means.filter(only) }))
          );
          expect(one.questions).toEqual(full.questions);
          expect(one.means).toEqual(full.means);
          expect(one.notes).toEqual(full.notes);
        }
      ),
      { numRuns: 15 }
    );
  });
});

/** A wave's counters as read: cells → respondents, `question|answer|cell` → n. */
function canonical(snap: TWaveCounters) {
  const counts: Record<string, number> = {};
  for (const [id, rows] of snap.counters)
    for (let r = 0; r < rows.length; r++)
      counts[`${id}|${snap.answers[rows.answer[r]]}|${snap.cells[rows.cell[r]]}`] = rows.n[r];
  for (const c of snap.cellCounts) expect(snap.cellN[snap.cells.indexOf(c.cell)]).toBe(c.n);
  return { cells: Object.fromEntries(snap.cellCounts.map((c) => [c.cell, c.n])), counts };
}

/** The same, counted by the database. */
async function inDatabase(waveId: string) {
  const cells = await ctx.db
    .selectFrom('survey_cell_count')
    .select(['cell', 'n'])
    .where('wave_id', '=', waveId)
    .execute();
  const rows = await ctx.db
    .selectFrom('survey_count')
    .select(['question_id', 'answer', 'cell', 'n'])
    .where('wave_id', '=', waveId)
    .execute();
  return {
    cells: Object.fromEntries(cells.map((c) => [c.cell, Number(c.n)])),
    counts: Object.fromEntries(rows.map((c) => [`${c.question_id}|${c.answer}|${c.cell}`, Number(c.n)]))
  };
}

describe('counters kept between reads', () => {
  it('equal the database after every batch of responses this process writes, concurrent ones too', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(personArb, { minLength: 1, maxLength: 20 }),
        // Mostly someone like an earlier respondent (every counter row already there: added in memory), now
        // and then someone new (a new row: read again).
        fc.array(
          fc.array(fc.oneof({ weight: 4, arbitrary: fc.nat() }, { weight: 1, arbitrary: personArb }), {
            minLength: 1,
            maxLength: 8
          }),
          { minLength: 1, maxLength: 4 }
        ),
        async (first, batches) => {
          const { surveyId, waveId } = await waveWith(first);
          const read = await readWaveCounters(ctx.db, waveId);
          expect(canonical(read)).toEqual(await inDatabase(waveId));
          // A reader may change its copy: the next read does not see it.
          for (const rows of read.counters.values()) rows.n.fill(1e9);
          for (const batch of batches) {
            await Promise.all(
              batch
                .map((x) => (typeof x === 'number' ? first[x % first.length] : x))
                .map((p) =>
                  submitResponse(ctx.db, {
                    surveyId,
                    waveId,
                    answers: { sex: p.sex, age: p.age, forms: p.forms, ...(p.heard ? { heard: p.heard } : {}) }
                  })
                )
            );
            expect(canonical(await readWaveCounters(ctx.db, waveId))).toEqual(await inDatabase(waveId));
          }
        }
      ),
      { numRuns: 10 }
    );
  });

  it('are read again after a change this process did not write (a recount, another instance)', async () => {
    const people = Array.from({ length: 12 }, (_, i) => ({
      sex: i % 2 ? 'female' : 'male',
      age: ages[i % 3],
      heard: i % 3 ? 'yes' : 'no',
      forms: []
    }));
    const { waveId } = await waveWith(people);
    await readWaveCounters(ctx.db, waveId);
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('survey_count')
        .set({ n: 3 })
        .where('wave_id', '=', waveId)
        .where('question_id', '=', 'heard')
        .where('answer', '=', 'yes')
        .execute();
      await bumpCounterVersions(trx, [waveId]);
    });
    expect(canonical(await readWaveCounters(ctx.db, waveId))).toEqual(await inDatabase(waveId));
  });
});
