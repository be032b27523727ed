/**
 * Means of number questions from the numeric counters (n, Σy, Σy² per cell), the weighting fallback when a
 * margin category has no respondents, and the trend in the JSON API — on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { fromMicrodata, mean, rake, type TRespondent } from '../../stats/survey';
import { ageGroups } from '../../surveys/definition';
import { apiResults, apiTrend, ZSurveyTrendQuery } from './surveys.api';
import { numericSums, recountNumeric, withoutWave } from './surveys.numeric';
import { resultsPage } from './surveys.results-page';
import { compareResults, populationMargins, surveyResults, trend } from './surveys.results';
import { createSurvey, publishSurvey, recountAll, saveWave, submitResponse } from './surveys.service';

let ctx: AppContext;
let analyst: TSessionUser;
const now = new Date('2027-03-10T12:00:00Z');
const q = (id: string, type: string, options: [string, string][] = [], extra: object = {}) => ({
  id,
  type,
  required: false,
  text_nb: id,
  text_en: id,
  help_nb: '',
  help_en: '',
  options: options.map(([code, label]) => ({ code, label_nb: label, label_en: label })),
  ...extra
});

async function survey(slug: string, questions: ReturnType<typeof q>[], waves: [string, string, string][]) {
  const { id } = await createSurvey(ctx.db, analyst, {
    slug,
    definition: { title_nb: slug, title_en: slug, sections: [{ title_nb: 'a', title_en: 'a', questions }] }
  });
  await publishSurvey(ctx.db, analyst, id, now);
  const ids: string[] = [];
  for (const [name, opens, method] of waves)
    ids.push(
      (
        await saveWave(ctx.db, analyst, id, {
          name,
          opens_on: opens,
          closes_on: '2027-03-31',
          method: method as 'online_panel',
          method_note_nb: '',
          method_note_en: '',
          quotas: []
        })
      ).id
    );
  return { id, waves: ids };
}

beforeAll(async () => {
  ctx = await openTestApp();
  const { admin } = await setUpAdmin(ctx);
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(() => ctx.close());

describe('means of number questions', () => {
  let s: { id: string; waves: string[] };
  // Respondents as microdata, to check the counters' results against the engine on one row per person.
  const people: { wave: number; sex: string; age: string; hours: number | null }[] = [];

  beforeAll(async () => {
    s = await survey(
      'means',
      [q('sex', 'sex'), q('age', 'age_group'), q('hours', 'number', [], { min: 0, max: 100 })],
      [
        ['2027 a', '2027-03-01', 'online_panel'],
        ['2027 b', '2027-03-02', 'online_panel']
      ]
    );
    // Every sex × age cell answers; women report more hours; wave b more than wave a; every fourth skips.
    for (const [w, waveId] of s.waves.entries())
      for (const sex of ['female', 'male'])
        for (const [ai, a] of ageGroups.entries())
          for (let k = 0; k < 5; k++) {
            const hours = k === 3 ? null : (sex === 'female' ? 10 : 4) + ai + k * 2 + w * 3;
            people.push({ wave: w, sex, age: a.code, hours });
            await submitResponse(
              ctx.db,
              { surveyId: s.id, waveId, answers: { sex, age: a.code, hours: hours === null ? '' : String(hours) } },
              now
            );
          }
    // Sex "other" cannot be weighted: in the unweighted mean only.
    people.push({ wave: 0, sex: 'other', age: '16-24', hours: 50 });
    await submitResponse(
      ctx.db,
      { surveyId: s.id, waveId: s.waves[0], answers: { sex: 'other', age: '16-24', hours: '50' } },
      now
    );
  });

  it('gives the unweighted mean with the textbook SE and a Wald interval', async () => {
    const r = await surveyResults(ctx.db, s.id, { wave: s.waves[0], weighting: 'none', locale: 'nb' });
    const ys = people.filter((p) => p.wave === 0 && p.hours !== null).map((p) => p.hours!);
    const n = ys.length;
    const m = ys.reduce((a, b) => a + b, 0) / n;
    // A domain mean (those who answered among all the wave's respondents N), as R's svymean on a subset:
    // with-replacement variance N/(N − 1) Σ u², u = (y − ȳ)/n for those who answered and 0 for the others.
    const N = people.filter((p) => p.wave === 0).length;
    const se = Math.sqrt((N / (N - 1)) * ys.reduce((a, y) => a + (y - m) ** 2, 0)) / n;
    expect(r.means).toHaveLength(1);
    const x = r.means[0];
    expect(x).toMatchObject({ question: 'hours', base_n: n, weighted_mean: null, unreliable: false });
    expect(x.mean).toBeCloseTo(m, 10);
    expect(x.se!).toBeCloseTo(se, 10);
    expect(x.ci_low!).toBeCloseTo(m - 1.959963984540054 * se, 8);
    expect(x.ci_high!).toBeCloseTo(m + 1.959963984540054 * se, 8);
  });

  it('gives the raked mean, SE, deff and effective n the engine gives on one row per respondent', async () => {
    const r = await surveyResults(ctx.db, s.id, { wave: s.waves[0], weighting: 'rake', locale: 'nb' });
    expect(r.weighting_applied).toBe('rake');
    expect(r.weighting_note).toBeNull();
    const m = populationMargins();
    const targets = (['sex', 'age_group'] as const).map((v) => ({
      variables: [v],
      cells: [...m.single.get(v)!].map(([level, total]) => ({ levels: [level], total }))
    }));
    const respondents: TRespondent[] = people
      .filter((p) => p.wave === 0 && p.sex !== 'other')
      .map((p) => ({ stratum: s.waves[0], cell: [p.sex, p.age], value: p.hours }));
    const data = fromMicrodata(['sex', 'age_group'], respondents, 'numeric');
    const expected = mean(data, rake(data, targets, { maxit: 50, epsilon: 1e-9 }), { strata: [s.waves[0]] });
    const x = r.means[0];
    expect(x.weighted_mean!).toBeCloseTo(expected.mean, 9);
    expect(x.weighted_se! / expected.se).toBeCloseTo(1, 9);
    expect(x.deff! / expected.deff).toBeCloseTo(1, 9);
    expect(x.effective_n! / expected.effective_n).toBeCloseTo(1, 9);
    // Women report more hours and are a bit more than half the population: the weighted mean is not the unweighted one.
    expect(x.weighted_mean).not.toBeCloseTo(x.mean, 6);
    expect(x.weighted_ci_low!).toBeLessThan(x.weighted_mean!);
    // The API gives the same figures.
    const doc = await apiResults(ctx.db, s.id, { wave: s.waves[0], weighting: 'rake' }, 'nb');
    expect(doc.weighting_applied).toBe('rake');
    expect(doc.means[0]).toMatchObject({ question: 'hours', base_n: x.base_n, weighted_mean: x.weighted_mean });
  });

  it('gives means per group of a breakdown', async () => {
    const r = await surveyResults(ctx.db, s.id, { wave: s.waves[0], weighting: 'none', by: 'sex', locale: 'nb' });
    const female = r.groups.find((g) => g.group === 'female')!;
    const ys = people.filter((p) => p.wave === 0 && p.sex === 'female' && p.hours !== null).map((p) => p.hours!);
    expect(female.means[0].base_n).toBe(ys.length);
    expect(female.means[0].mean).toBeCloseTo(ys.reduce((a, b) => a + b, 0) / ys.length, 10);
  });

  it('compares the mean between two waves: the difference b − a with its interval and test', async () => {
    const c = await compareResults(ctx.db, s.id, {
      wave_a: s.waves[0],
      wave_b: s.waves[1],
      weighting: 'none',
      locale: 'nb'
    });
    const row = c.rows.find((x) => x.question === 'hours')!;
    expect(row).toMatchObject({ kind: 'mean', label: 'Gjennomsnitt' });
    const avg = (w: number) => {
      const ys = people.filter((p) => p.wave === w && p.hours !== null).map((p) => p.hours!);
      return ys.reduce((a, b) => a + b, 0) / ys.length;
    };
    expect(row.result.estimate_a).toBeCloseTo(avg(0), 10);
    expect(row.result.estimate_b).toBeCloseTo(avg(1), 10);
    expect(row.result.difference).toBeCloseTo(avg(1) - avg(0), 10);
    expect(row.result.ci_low).toBeLessThan(row.result.difference);
    const raked = await compareResults(ctx.db, s.id, { wave_a: s.waves[0], wave_b: s.waves[1], locale: 'nb' });
    expect(raked.weighting_applied).toBe('rake');
    expect(raked.rows.find((x) => x.question === 'hours')!.result.significant).toBe(true);
  });

  it('shows the means on the results page (public hides a base under 5)', async () => {
    const url = new URL(`http://localhost/results/means?wave=${s.waves[0]}`);
    const page = await resultsPage(ctx.db, s.id, url, 'nb', true);
    expect(page.results.means[0]).toMatchObject({ id: 'hours', warning: null });
    expect(page.results.means[0].mean).toMatch(/^\d+,\d+$/);
    expect(page.results.means[0].weighted_ci).toMatch(/ – /);
  });

  it('keeps Σy and Σy² equal to a recount, and the recount rebuilds them', async () => {
    const stored = (await numericSums(ctx.db, [s.waves[0]])).map(withoutWave);
    const sort = <T extends { cell: string }>(xs: T[]) => xs.sort((a, b) => a.cell.localeCompare(b.cell));
    expect(sort(stored)).toEqual(sort(await recountNumeric(ctx.db, s.waves[0])));
    await ctx.db.deleteFrom('survey_numeric_sum').where('wave_id', '=', s.waves[0]).execute();
    await recountAll(ctx.db);
    expect(sort((await numericSums(ctx.db, [s.waves[0]])).map(withoutWave))).toEqual(sort(stored));
  });
});

describe('weighting fallback: a margin category without respondents', () => {
  let s: { id: string; waves: string[] };

  beforeAll(async () => {
    s = await survey(
      'fallback',
      [
        q('sex', 'sex'),
        q('age', 'age_group'),
        q('county', 'county'),
        q('aware', 'single', [
          ['yes', 'Ja'],
          ['no', 'Nei']
        ])
      ],
      [
        ['Vår', '2027-03-01', 'face_to_face'],
        ['Høst', '2027-03-02', 'online_panel']
      ]
    );
    // Everyone lives in Oslo (03): no answers from Finnmark (56) or any other county.
    for (const waveId of s.waves)
      for (const sex of ['female', 'male'])
        for (const a of ageGroups)
          for (let k = 0; k < 3; k++)
            await submitResponse(
              ctx.db,
              { surveyId: s.id, waveId, answers: { sex, age: a.code, county: '03', aware: k ? 'yes' : 'no' } },
              now
            );
  });

  it('answers the unweighted figures with a note naming the empty county (API, nb and en)', async () => {
    const doc = await apiResults(ctx.db, s.id, { wave: s.waves[0], weighting: 'rake' }, 'nb');
    expect(doc.weighting).toBe('rake');
    expect(doc.weighting_applied).toBe('none');
    expect(doc.weighting_note).toMatch(
      /^Ingen svar fra .*Finnmark.* i denne bølgen: vektingen kan ikke brukes, tallene er uvektede\.$/
    );
    expect(doc.weighting_note).not.toMatch(/Oslo/);
    const aware = doc.questions.find((x) => x.question === 'aware')!;
    expect(aware.answers.find((a) => a.code === 'yes')).toMatchObject({ proportion: 2 / 3, weighted_proportion: null });
    const en = await apiResults(ctx.db, s.id, { wave: s.waves[0], weighting: 'rake' }, 'en');
    expect(en.weighting_note).toMatch(/^No answers from .*Finnmark.* in this wave: the weighting cannot be used/);
    // Post-stratification to sex × age group needs no county: every cell has answers, so it is applied.
    const ps = await apiResults(ctx.db, s.id, { wave: s.waves[0], weighting: 'poststratify' }, 'nb');
    expect(ps).toMatchObject({ weighting_applied: 'poststratify', weighting_note: null });
  });

  it('shows the note on the results page, in the comparison and in the trend — never silent', async () => {
    const url = new URL(`http://localhost/results/fallback?wave=${s.waves[0]}&weighting=rake&compare=${s.waves[1]}`);
    const page = await resultsPage(ctx.db, s.id, url, 'nb', true);
    expect(page.results.weighting_applied).toBe('none');
    expect(page.results.weighting_note).toMatch(/Finnmark/);
    expect(page.comparison!.notes.join(' ')).toMatch(/Finnmark/);
    const tr = await trend(ctx.db, s.id, 'aware', 'yes', 'rake', 'nb');
    expect(tr.waves.map((w) => w.weighted)).toEqual([false, false]);
    expect(tr.notes.filter((n) => /Finnmark/.test(n))).toHaveLength(2);
  });
});

describe('trend in the JSON API', () => {
  let s: { id: string; waves: string[] };

  beforeAll(async () => {
    s = await survey(
      'trendapi',
      [
        q('sex', 'sex'),
        q('age', 'age_group'),
        q('aware', 'single', [
          ['yes', 'Ja'],
          ['no', 'Nei']
        ])
      ],
      [
        ['Første', '2027-03-01', 'face_to_face'],
        ['Andre', '2027-03-02', 'face_to_face'],
        ['Tredje', '2027-03-03', 'online_panel']
      ]
    );
    for (const [w, waveId] of s.waves.entries())
      for (const sex of ['female', 'male'])
        for (const a of ageGroups)
          for (let k = 0; k < (w === 2 ? 3 : 4); k++)
            await submitResponse(
              ctx.db,
              { surveyId: s.id, waveId, answers: { sex, age: a.code, aware: (k + w) % 3 === 0 ? 'yes' : 'no' } },
              now
            );
  });

  it('gives per wave p, se, interval, n, method and method_changed — the figures of the trend chart', async () => {
    const query = ZSurveyTrendQuery.parse({ question: 'aware', answer: 'yes', weighting: 'rake' });
    const doc = await apiTrend(ctx.db, s.id, query, 'nb');
    const chart = await trend(ctx.db, s.id, 'aware', 'yes', 'rake', 'nb');
    expect(doc.waves.map((w) => [w.name, w.method, w.method_changed])).toEqual([
      ['Første', 'face_to_face', false],
      ['Andre', 'face_to_face', false],
      ['Tredje', 'online_panel', true]
    ]);
    for (const [i, w] of doc.waves.entries()) {
      expect(w).toMatchObject({
        p: chart.waves[i].proportion,
        se: chart.waves[i].se,
        ci_low: chart.waves[i].ci_low,
        ci_high: chart.waves[i].ci_high,
        n: chart.waves[i].n,
        weighted: true
      });
      expect(w.se!).toBeGreaterThan(0);
    }
    expect(doc.waves[0].p).toBeCloseTo(doc.waves[0].n! / doc.waves[0].base_n!, 1);
  });

  it('answers 400 for an unknown question or answer, naming the field', async () => {
    const bad = (question: string, answer: string) =>
      errorOf(apiTrend(ctx.db, s.id, ZSurveyTrendQuery.parse({ question, answer }), 'nb'));
    expect(await bad('nope', 'yes')).toMatchObject({
      status: 400,
      fields: { question: 'surveys.error.badTrendQuestion' }
    });
    expect(await bad('sex', 'xx')).toMatchObject({ status: 400, fields: { answer: 'surveys.error.badTrendAnswer' } });
    expect(await bad('aware', 'maybe')).toMatchObject({
      status: 400,
      fields: { answer: 'surveys.error.badTrendAnswer' }
    });
    expect(ZSurveyTrendQuery.safeParse({ answer: 'yes' }).success).toBe(false);
  });
});
