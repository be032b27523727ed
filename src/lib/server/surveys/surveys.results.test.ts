import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ageGroups } from '../../surveys/definition';
import { layoutTrend } from '../../charts/trend-layout';
import { trendView } from '../../surveys/results-view';
import { compareResults, populationMargins, surveyResults, trend } from './surveys.results';
import { createSurvey, publishSurvey, saveWave, submitResponse } from './surveys.service';

let ctx: AppContext;
let surveyId: string;
const waves: string[] = [];
const now = new Date('2027-03-10T12:00:00Z');
const q = (id: string, type: string, options: [string, string][] = []) => ({
  id,
  type,
  required: false,
  text_nb: id,
  text_en: id,
  help_nb: '',
  help_en: '',
  options: options.map(([code, label]) => ({ code, label_nb: label, label_en: label }))
});

beforeAll(async () => {
  ctx = await openTestApp();
  const { admin } = await setUpAdmin(ctx);
  const analyst = await createStaffUser(ctx, admin, 'analyst');
  ({ id: surveyId } = await createSurvey(ctx.db, analyst, {
    slug: 'results',
    definition: {
      title_nb: 'Resultater',
      title_en: 'Results',
      sections: [
        {
          title_nb: 'a',
          title_en: 'a',
          questions: [
            q('sex', 'sex'),
            q('age', 'age_group'),
            q('aware', 'single', [
              ['yes', 'Ja'],
              ['no', 'Nei']
            ]),
            q('forms', 'multiple', [
              ['a', 'A'],
              ['b', 'B']
            ])
          ]
        }
      ]
    }
  }));
  await publishSurvey(ctx.db, analyst, surveyId, now);
  for (const [name, method] of [
    ['2027 a', 'online_panel'],
    ['2027 b', 'face_to_face']
  ])
    waves.push(
      (
        await saveWave(ctx.db, analyst, surveyId, {
          name,
          opens_on: '2027-03-01',
          closes_on: '2027-03-31',
          method: method as 'online_panel',
          method_note_nb: '',
          method_note_en: '',
          quotas: []
        })
      ).id
    );
  // Every sex × age cell answers; women say yes more often; wave b says yes more often than wave a.
  for (const [w, waveId] of waves.entries())
    for (const sex of ['female', 'male'])
      for (const a of ageGroups)
        for (let k = 0; k < 6; k++) {
          const yes = (sex === 'female' ? k < 4 : k < 2) || (w === 1 && k < 5);
          await submitResponse(
            ctx.db,
            {
              surveyId,
              waveId,
              answers: {
                sex,
                age: a.code,
                aware: yes ? 'yes' : 'no',
                forms: k % 2 ? ['a'] : ['a', 'b']
              }
            },
            now
          );
        }
  await submitResponse(
    ctx.db,
    { surveyId, waveId: waves[0], answers: { sex: 'other', age: '16-24', aware: 'yes' } },
    now
  );
});
afterAll(() => ctx.close());

describe('results from the counters', () => {
  it('the margins are the population 16+ of 1 Jan 2026', () => {
    const m = populationMargins();
    const total = [...m.single.get('sex')!.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(4_665_416);
    expect([...m.single.get('age_group')!.values()].reduce((a, b) => a + b, 0)).toBe(total);
    expect([...m.single.get('county')!.values()].reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('gives unweighted shares with the textbook SE, weighted shares in [0,1], base n, deff and effective n', async () => {
    const r = await surveyResults(ctx.db, 'results', { wave: waves[0], weighting: 'rake', locale: 'nb' });
    expect(r.respondents).toBe(85);
    const aware = r.questions.find((x) => x.question === 'aware')!;
    const yes = aware.answers.find((a) => a.code === 'yes')!;
    const n = aware.base_n;
    const p = yes.n / n;
    expect(yes.proportion).toBeCloseTo(p, 12);
    expect(yes.se).toBeCloseTo(Math.sqrt((p * (1 - p)) / (n - 1)), 12);
    expect(yes.ci_low).toBeCloseTo(p - 1.959963984540054 * yes.se, 9);
    expect(yes.weighted_proportion).toBeGreaterThan(0);
    expect(yes.weighted_proportion).toBeLessThan(1);
    expect(aware.deff).toBeGreaterThanOrEqual(1);
    expect(aware.effective_n).toBeLessThanOrEqual(n);
    expect(r.notes.join(' ')).toContain('1 svar kunne ikke vektes');
    const forms = r.questions.find((x) => x.question === 'forms')!;
    expect(forms.answers.map((a) => [a.code, a.proportion])).toEqual([
      ['a', 1],
      ['b', expect.closeTo(42 / 84, 9)]
    ]);
  });

  it('breaks down by sex with the same figures per group, and marks small groups unreliable', async () => {
    const r = await surveyResults(ctx.db, 'results', { wave: waves[0], weighting: 'none', by: 'sex', locale: 'en' });
    expect(r.groups.map((g) => g.group)).toEqual(['female', 'male', 'other']);
    const women = r.groups[0].questions.find((x) => x.question === 'aware')!;
    expect(women.unreliable).toBe(false);
    expect(r.groups[2].questions[0].unreliable).toBe(true);
    expect((await errorOf(surveyResults(ctx.db, 'results', { by: 'county', locale: 'nb' }))).status).toBe(400);
  });

  it('compares two waves with a difference, CI and test, and warns that their methods differ', async () => {
    const c = await compareResults(ctx.db, 'results', {
      wave_a: waves[0],
      wave_b: waves[1],
      weighting: 'rake',
      locale: 'nb'
    });
    expect(c.method_differs).toBe(true);
    const yes = c.rows.find((x) => x.question === 'aware' && x.code === 'yes')!;
    expect(yes.result.difference).toBeGreaterThan(0);
    expect(yes.result.significant).toBe(yes.result.p_value < 0.05);
    expect(yes.result.ci_low).toBeLessThan(yes.result.difference);
    const g = await compareResults(ctx.db, 'results', {
      wave_a: waves[0],
      by: 'sex',
      group_a: 'male',
      group_b: 'female',
      weighting: 'none',
      locale: 'nb'
    });
    expect(g.rows.find((x) => x.question === 'aware' && x.code === 'yes')!.result.difference).toBeGreaterThan(0);
  });

  it('draws a trend across the waves in date order, each wave weighted on its own, with its method', async () => {
    const tr = await trend(ctx.db, 'results', 'aware', 'yes', 'rake', 'nb');
    expect(tr.waves.map((w) => [w.wave_id, w.method])).toEqual([
      [waves[0], 'online_panel'],
      [waves[1], 'face_to_face']
    ]);
    // The same figure as the results of each wave: one computation, two views.
    for (const [i, w] of tr.waves.entries()) {
      const r = await surveyResults(ctx.db, 'results', { wave: waves[i], weighting: 'rake', locale: 'nb' });
      const yes = r.questions.find((x) => x.question === 'aware')!.answers.find((a) => a.code === 'yes')!;
      expect(w.weighted).toBe(true);
      expect(w.proportion).toBeCloseTo(yes.weighted_proportion!, 12);
      expect(w.ci_low).toBeLessThan(w.proportion);
      expect(w.ci_high).toBeGreaterThan(w.proportion);
      expect(w.n).toBe(yes.n);
    }
    expect(tr.waves[1].proportion).toBeGreaterThan(tr.waves[0].proportion);
    expect(tr.waves[0].method).not.toBe(tr.waves[1].method);
    expect(tr.reference).toBeNull();
    // As the chart draws it: one numbered marker where the method changed, between the two waves.
    const view = trendView(tr, 'nb', true, null);
    const changes = layoutTrend(view.points, null, true).methodChanges;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ number: 1, before: '2027 a', after: '2027 b' });
    expect(changes[0].from).toBe('online_panel');
    expect(changes[0].to).toBe('face_to_face');
    const none = await trend(ctx.db, 'results', 'forms', 'b', 'none', 'en');
    expect(none.waves.map((w) => [w.weighted, w.proportion])).toEqual([
      [false, expect.closeTo(42 / 84, 9)],
      [false, expect.closeTo(42 / 84, 9)]
    ]);
    expect(none.label).toBe('B');
  });

  it('refuses a question or answer the survey does not have with a 400 naming the field', async () => {
    for (const [question, answer] of [
      ['aware', 'maybe'],
      ['nope', 'yes'],
      ['sex', 'x']
    ]) {
      const e = await errorOf(trend(ctx.db, 'results', question, answer, 'rake', 'nb'));
      expect(e.status).toBe(400);
      expect(e.fields).toHaveProperty('indicator');
    }
  });
});
