import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { loadConfig } from '../config';
import { createStaffUser, setUpAdmin, surveyHeader, surveyQuestion } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ageGroups, type TSurveyDefinition } from '../../surveys/definition';
import { indicatorEffect } from './surveys.effect';
import { groupDidEffect } from './surveys.effect-group';
import { recountWaveChecked } from './surveys.recount-job';
import { forgetResults } from './surveys.results-cache';
import { compareResults, surveyResults, trend, type TResults, type TWeightingMethod } from './surveys.results';
import { createSurvey, publishSurvey, recountAll, saveWave, submitResponse } from './surveys.service';

// Two app instances on one database (one SQLite file, or the PostgreSQL cluster under `npm run test:pg`), as two
// servers behind nginx: each keeps results in its own memory under the counters' generation.
let a: AppContext;
let b: AppContext;
/** A third instance that forgets what it computed before every request: the reference. */
let reference: AppContext;
let analyst: TSessionUser;

const q = surveyQuestion;

const definition = {
  ...surveyHeader('Hurtigbuffer', 'Cache'),
  sections: [
    {
      title_nb: 'a',
      title_en: 'a',
      questions: [
        q('sex', 'sex'),
        q('age', 'age_group'),
        q('heard', 'single', ['yes', 'no']),
        q('seen', 'single', ['yes', 'no'], { breakdown: true }),
        q('forms', 'multiple', ['a', 'b'])
      ]
    }
  ]
} as unknown as TSurveyDefinition;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function addWave(surveyId: string, name: string) {
  return (
    await saveWave(a.db, analyst, surveyId, {
      name,
      opens_on: day(-1),
      closes_on: day(10),
      target_n: undefined,
      method: 'other',
      method_note_nb: '',
      method_note_en: '',
      quotas: []
    })
  ).id;
}

async function openSurvey(slug: string) {
  const { id } = await createSurvey(a.db, analyst, { slug, definition });
  await publishSurvey(a.db, analyst, id);
  return { surveyId: id, waveId: await addWave(id, 'Wave 1') };
}

type TAnswer = { sex: string; age: string; heard: string; seen: string; forms: string[] };
const answer = (ctx: AppContext, surveyId: string, waveId: string, x: TAnswer) =>
  submitResponse(ctx.db, { surveyId, waveId, answers: x });

const heard = (r: TResults) =>
  r.questions.find((x) => x.question === 'heard')?.answers.map((x) => [x.code, x.n, x.weighted_proportion]) ?? [];

beforeAll(async () => {
  a = await openTestApp();
  b = await openApp(loadConfig({ ...process.env, DATABASE_URL: a.config.DATABASE_URL, LOG_LEVEL: 'silent' }));
  reference = await openApp(loadConfig({ ...process.env, DATABASE_URL: a.config.DATABASE_URL, LOG_LEVEL: 'silent' }));
  const { admin } = await setUpAdmin(a);
  analyst = await createStaffUser(a, admin, 'analyst');
});
afterAll(async () => {
  await reference.close();
  await b.close();
  await a.close();
});

const person = (sex: string, heardIt: string, seen = 'no'): TAnswer => ({
  sex,
  age: '25-34',
  heard: heardIt,
  seen,
  forms: ['a']
});

describe('results kept between requests', () => {
  it('serves the same figures until a response arrives, and a response after a request is in the next one', async () => {
    const { surveyId, waveId } = await openSurvey('cache-one');
    await answer(a, surveyId, waveId, person('female', 'yes'));
    await answer(a, surveyId, waveId, person('male', 'no'));
    const ask = () => surveyResults(a.db, surveyId, { wave: waveId, weighting: 'none', locale: 'nb' });
    const first = await ask();
    expect(first.respondents).toBe(2);
    // Nothing changed: the figures kept in memory (the same objects) are served.
    expect((await ask()).questions).toBe(first.questions);
    await answer(a, surveyId, waveId, person('male', 'yes'));
    const next = await ask();
    expect(next.respondents).toBe(3);
    expect(heard(next)).toEqual([
      ['yes', 2, null],
      ['no', 1, null]
    ]);
    expect(next.questions).not.toBe(first.questions);
  });

  it('sees a response written through another instance of the app on the same database', async () => {
    const { surveyId, waveId } = await openSurvey('cache-two');
    await answer(a, surveyId, waveId, person('female', 'yes'));
    await answer(a, surveyId, waveId, person('male', 'no'));
    const on = (ctx: AppContext) =>
      surveyResults(ctx.db, surveyId, { wave: waveId, weighting: 'poststratify', locale: 'en' });
    expect((await on(a)).respondents).toBe(2);
    expect((await on(b)).respondents).toBe(2);
    await answer(b, surveyId, waveId, person('female', 'no'));
    expect((await on(a)).respondents).toBe(3);
    await answer(a, surveyId, waveId, person('male', 'yes'));
    const viaB = await on(b);
    expect(viaB.respondents).toBe(4);
    expect(heard(viaB).map(([code, n]) => [code, n])).toEqual([
      ['yes', 2],
      ['no', 2]
    ]);
    // Not every sex × age group answered: unweighted, with the note saying why (kept like the figures).
    expect(viaB.weighting_applied).toBe('none');
  });

  it('sees a recount (on another instance) and gives the figures a fresh computation gives', async () => {
    const { surveyId, waveId } = await openSurvey('cache-recount');
    for (const [sex, h] of [
      ['female', 'yes'],
      ['female', 'no'],
      ['male', 'yes']
    ])
      await answer(a, surveyId, waveId, person(sex, h));
    const ask = () => surveyResults(a.db, surveyId, { wave: waveId, weighting: 'none', locale: 'nb' });
    const before = await ask();
    // A counter corrupted behind the app's back, then repaired by the nightly check on the other instance.
    await b.db
      .updateTable('survey_count')
      .set({ n: 7 })
      .where('wave_id', '=', waveId)
      .where('question_id', '=', 'heard')
      .execute();
    const repaired = await recountWaveChecked(b.db, waveId);
    expect(repaired.drift.counts).toBeGreaterThan(0);
    const after = await ask();
    expect(after.questions).not.toBe(before.questions);
    expect(after.questions).toEqual(before.questions);
    // `npm run surveys:recount` (every wave) likewise.
    await recountAll(b.db);
    expect((await ask()).questions).not.toBe(after.questions);
  });

  it('the trend and a campaign effect see a new response too', async () => {
    const { surveyId, waveId } = await openSurvey('cache-effect');
    const later = await addWave(surveyId, 'Wave 2');
    for (const w of [waveId, later])
      for (const [sex, h, seen] of [
        ['female', 'yes', 'yes'],
        ['female', 'no', 'no'],
        ['male', 'yes', 'no'],
        ['male', 'no', 'yes']
      ])
        await answer(a, surveyId, w, person(sex, h, seen));
    const tr = () => trend(a.db, surveyId, 'heard', 'yes', 'none', 'nb');
    expect((await tr()).waves.map((w) => w.n)).toEqual([2, 2]);
    const effect = () =>
      indicatorEffect(a, {
        surveyId,
        beforeWaveId: waveId,
        afterWaveId: later,
        questionId: 'heard',
        answerCode: 'yes',
        exposure: { questionId: 'seen', answerCode: 'yes' },
        weighting: 'none'
      });
    const e1 = await effect();
    expect(e1.after.n).toBe(4);
    expect(await effect()).toBe(e1);
    await answer(b, surveyId, later, person('female', 'yes', 'yes'));
    expect((await tr()).waves.map((w) => w.n)).toEqual([2, 3]);
    const e2 = await effect();
    expect(e2.after.n).toBe(5);
    expect(e2.after.p).toBeCloseTo(3 / 5, 12);
    expect(e2.exposed_vs_unexposed?.exposed.n).toBe(3);
    // The baseline's counters are kept under their own generation: a response to it is seen too.
    await answer(b, surveyId, waveId, person('male', 'yes', 'yes'));
    const e3 = await effect();
    expect(e3.before.n).toBe(5);
    expect(e3.after).toEqual(e2.after);
    forgetResults(reference.db);
    const fresh = await indicatorEffect(reference, {
      surveyId,
      beforeWaveId: waveId,
      afterWaveId: later,
      questionId: 'heard',
      answerCode: 'yes',
      exposure: { questionId: 'seen', answerCode: 'yes' },
      weighting: 'none'
    });
    expect(e3).toEqual(fresh);
    // The comparison-group design (sex from the weighting cells) is kept and computed again the same way.
    const group = (ctx: AppContext) =>
      groupDidEffect(ctx, {
        surveyId,
        beforeWaveId: waveId,
        afterWaveId: later,
        questionId: 'heard',
        answerCode: 'yes',
        group: { questionId: 'sex', target: ['female'], comparison: [] },
        weighting: 'none'
      });
    const g1 = await group(a);
    expect(await group(a)).toBe(g1);
    expect(g1.before.n).toBe(5);
    await answer(b, surveyId, waveId, person('female', 'no', 'no'));
    const g2 = await group(a);
    expect(g2.before.n).toBe(6);
    expect(g2.target_vs_comparison).toEqual(g1.target_vs_comparison);
    forgetResults(reference.db);
    expect(g2).toEqual(await group(reference));
  });

  it('keeps a comparison of two waves until a response arrives in either, on any instance', async () => {
    const { surveyId, waveId } = await openSurvey('cache-compare');
    const later = await addWave(surveyId, 'Wave 2');
    for (const w of [waveId, later])
      for (const [sex, h] of [
        ['female', 'yes'],
        ['male', 'no']
      ])
        await answer(a, surveyId, w, person(sex, h));
    const compare = (ctx: AppContext) =>
      compareResults(ctx.db, surveyId, { wave_a: waveId, wave_b: later, weighting: 'none', locale: 'nb' });
    const yes = (c: Awaited<ReturnType<typeof compare>>) =>
      c.rows.find((x) => x.question === 'heard' && x.code === 'yes')!.result;
    const first = await compare(a);
    expect(yes(first).estimate_b).toBeCloseTo(1 / 2, 12);
    // Nothing changed: the rows kept in memory (the same objects) are served.
    expect((await compare(a)).rows).toBe(first.rows);
    await answer(b, surveyId, later, person('female', 'yes'));
    const next = await compare(a);
    expect(yes(next).estimate_b).toBeCloseTo(2 / 3, 12);
    await answer(b, surveyId, waveId, person('female', 'yes'));
    expect(yes(await compare(a)).estimate_a).toBeCloseTo(2 / 3, 12);
    forgetResults(reference.db);
    expect((await compare(a)).rows).toEqual((await compare(reference)).rows);
  });

  it('gives, whatever the order of responses and requests on two instances, the figures of a fresh computation', async () => {
    const ages = ageGroups.map((g) => g.code);
    const step = fc.record({
      sex: fc.constantFrom('female', 'male', 'other'),
      age: fc.constantFrom(...ages),
      heard: fc.constantFrom('yes', 'no'),
      seen: fc.constantFrom('yes', 'no'),
      forms: fc.subarray(['a', 'b']),
      writer: fc.constantFrom(0, 1),
      reader: fc.constantFrom(0, 1),
      read: fc.boolean()
    });
    // One query per run, asked again and again (each weighting and breakdown across runs).
    const query = fc.record({
      weighting: fc.constantFrom<TWeightingMethod>('none', 'poststratify', 'rake'),
      by: fc.constantFrom(null, 'sex', 'age_group', 'seen')
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(query, fc.array(step, { minLength: 1, maxLength: 12 }), async (asked, steps) => {
        const { surveyId, waveId } = await openSurvey(`cache-property-${run++}`);
        const apps = [a, b];
        for (const s of steps) {
          const { sex, age, heard: h, seen, forms } = s;
          await answer(apps[s.writer], surveyId, waveId, { sex, age, heard: h, seen, forms });
          if (!s.read) continue;
          const options = { wave: waveId, ...asked, locale: 'nb' as const };
          const kept = await surveyResults(apps[s.reader].db, surveyId, options);
          forgetResults(reference.db);
          const fresh = await surveyResults(reference.db, surveyId, options);
          expect(kept).toEqual(fresh);
        }
      }),
      { numRuns: 15 }
    );
  });
});
