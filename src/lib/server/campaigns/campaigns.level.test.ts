import fc from 'fast-check';
import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, type AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import { createSurvey, publishSurvey, saveWave, submitResponse } from '../surveys/surveys.service';
import { populationMargins } from '../surveys/surveys.results';
import type { TSurveyDefinition } from '../../surveys/definition';
import { indicatorLevel, lastClosedWave } from './campaigns.level';
import { createCampaign } from './campaigns.service';
import { plannerLevel } from './planner.service';

describe('lastClosedWave', () => {
  const w = (opens_on: string, closes_on: string) => ({ opens_on, closes_on });

  it('takes the wave that closed last before today; open and future waves do not count', () => {
    const waves = [w('2026-03-01', '2026-03-31'), w('2026-06-01', '2026-06-30'), w('2026-11-01', '2026-12-31')];
    expect(lastClosedWave(waves, '2026-11-15')).toBe(waves[1]);
    expect(lastClosedWave(waves, '2026-06-30')).toBe(waves[0]); // closes today: still open
    expect(lastClosedWave(waves, '2026-03-31')).toBeUndefined();
    expect(lastClosedWave([], '2026-11-15')).toBeUndefined();
  });

  it('property: the chosen wave closed before today and no closed wave closed later', () => {
    const day = fc
      .integer({ min: 0, max: 1000 })
      .map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, day), { maxLength: 12 }), day, (pairs, today) => {
        const waves = pairs.map(([a, b]) => (a <= b ? w(a, b) : w(b, a)));
        const got = lastClosedWave(waves, today);
        const closed = waves.filter((x) => x.closes_on < today);
        if (closed.length === 0) return got === undefined;
        return got !== undefined && got.closes_on < today && closed.every((x) => x.closes_on <= got.closes_on);
      })
    );
  });
});

let ctx: AppContext;
let admin: TSessionUser;
let analyst: TSessionUser;
let surveyId: string;
let juneWave: string;
let onlyOpenSurvey: string;

const definition = (): TSurveyDefinition => ({
  title_nb: 'Nivå',
  title_en: 'Level',
  intro_nb: '',
  intro_en: '',
  min_age: 16,
  model_note_nb: '',
  model_note_en: '',
  sections: [
    {
      title_nb: 'Del',
      title_en: 'Part',
      questions: [
        {
          id: 'sex',
          type: 'sex',
          required: true,
          text_nb: 'Kjønn',
          text_en: 'Sex',
          help_nb: '',
          help_en: '',
          options: []
        },
        {
          id: 'problem',
          type: 'single',
          required: true,
          text_nb: 'Er menneskehandel et problem i Norge?',
          text_en: 'Is trafficking a problem in Norway?',
          help_nb: '',
          help_en: '',
          options: ['yes', 'no'].map((code) => ({ code, label_nb: code, label_en: code }))
        }
      ]
    }
  ]
});

async function wave(survey: string, name: string, opens: string, closes: string) {
  const { id } = await saveWave(ctx.db, analyst, survey, {
    name,
    opens_on: opens,
    closes_on: closes,
    target_n: undefined,
    method: 'online_panel',
    method_note_nb: '',
    method_note_en: '',
    quotas: []
  });
  return id;
}

async function answer(survey: string, waveId: string, day: string, n: number, sex: string, problem: string) {
  for (let i = 0; i < n; i++)
    await submitResponse(ctx.db, { surveyId: survey, waveId, answers: { sex, problem } }, new Date(`${day}T12:00:00Z`));
}

const NOW = new Date('2026-11-15T12:00:00Z');

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  ctx = await app();
  ({ admin } = await setUpAdmin(ctx));
  analyst = await createStaffUser(ctx, admin, 'analyst');
  ({ id: surveyId } = await createSurvey(ctx.db, analyst, { slug: 'niva', definition: definition() }));
  await publishSurvey(ctx.db, analyst, surveyId);
  const march = await wave(surveyId, 'Mars', '2026-03-01', '2026-03-31');
  juneWave = await wave(surveyId, 'Juni', '2026-06-01', '2026-06-30');
  const open = await wave(surveyId, 'Nå', '2026-11-01', '2026-12-31');
  await answer(surveyId, march, '2026-03-10', 10, 'female', 'yes');
  // June: women 10 of 20 say yes (50 %), men 15 of 60 (25 %): 25 of 80 unweighted.
  await answer(surveyId, juneWave, '2026-06-10', 10, 'female', 'yes');
  await answer(surveyId, juneWave, '2026-06-10', 10, 'female', 'no');
  await answer(surveyId, juneWave, '2026-06-10', 15, 'male', 'yes');
  await answer(surveyId, juneWave, '2026-06-10', 45, 'male', 'no');
  await answer(surveyId, open, '2026-11-10', 10, 'female', 'no');
  ({ id: onlyOpenSurvey } = await createSurvey(ctx.db, analyst, { slug: 'niva-apen', definition: definition() }));
  await publishSurvey(ctx.db, analyst, onlyOpenSurvey);
  await wave(onlyOpenSurvey, 'Nå', '2026-11-01', '2026-12-31');
});

afterAll(async () => {
  await ctx?.close();
});

describe('the indicator level of the last closed wave', () => {
  it('is the unweighted share of the last closed wave, with its wave and n', async () => {
    const level = await indicatorLevel(
      ctx.db,
      { surveyId, questionId: 'problem', answerCode: 'yes', weighting: 'none' },
      NOW
    );
    expect(level).toMatchObject({ n: 80, tooFew: false, weighting: 'none', weightingApplied: 'none' });
    expect(level!.wave).toMatchObject({ id: juneWave, name: 'Juni', closes_on: '2026-06-30' });
    expect(level!.p).toBeCloseTo(25 / 80, 12);
    expect(level!.se).toBeGreaterThan(0);
  });

  it('is weighted when a weighting is asked: raked to the population sex margins', async () => {
    const sex = populationMargins().single.get('sex')!;
    const female = sex.get('female')! / (sex.get('female')! + sex.get('male')!);
    const level = await indicatorLevel(
      ctx.db,
      { surveyId, questionId: 'problem', answerCode: 'yes', weighting: 'rake' },
      NOW
    );
    expect(level).toMatchObject({ n: 80, weighting: 'rake', weightingApplied: 'rake' });
    expect(level!.p).toBeCloseTo(female * 0.5 + (1 - female) * 0.25, 8);
  });

  it('is null when the survey has no closed wave yet', async () => {
    expect(
      await indicatorLevel(
        ctx.db,
        { surveyId: onlyOpenSurvey, questionId: 'problem', answerCode: 'yes', weighting: 'none' },
        NOW
      )
    ).toBeNull();
  });

  it('refuses an answer or question the survey does not have, on the indicator field', async () => {
    for (const [questionId, answerCode] of [
      ['problem', 'maybe'],
      ['nothing', 'yes'],
      ['sex', 'female_x']
    ] as const) {
      const e = await errorOf(indicatorLevel(ctx.db, { surveyId, questionId, answerCode, weighting: 'none' }, NOW));
      expect(e.code).toBe('validation');
      expect(e.fields).toEqual({ indicator: 'campaigns.error.indicator' });
    }
    const e = await errorOf(
      indicatorLevel(
        ctx.db,
        {
          surveyId: '00000000-0000-4000-8000-00000000dead',
          questionId: 'problem',
          answerCode: 'yes',
          weighting: 'none'
        },
        NOW
      )
    );
    expect(e.fields).toEqual({ indicator: 'campaigns.error.indicator' });
  });
});

describe('the planner page reads the level', () => {
  it('from a campaign: its indicator and weighting', async () => {
    const { id } = await createCampaign(ctx.db, analyst, {
      name: 'Nivåkampanje',
      goal: 'Mål',
      targetGroup: 'Alle',
      sectors: [],
      channels: [],
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
      budget: null,
      indicator: `${surveyId}|problem|yes`,
      sdgTargets: [],
      measureIds: [],
      partners: '',
      materials: [],
      design: 'before_after',
      baselineWave: '',
      followupWave: '',
      exposure: '',
      sourceCodes: [],
      weighting: 'rake'
    });
    const view = await plannerLevel(ctx.db, analyst, { campaign: id }, NOW);
    expect(view).toMatchObject({
      indicator: `${surveyId}|problem|yes`,
      weighting: 'rake',
      campaign: { id, name: 'Nivåkampanje' },
      asked: true
    });
    expect(view.level?.weightingApplied).toBe('rake');
    expect(view.indicators.some((i) => i.value === `${surveyId}|problem|yes` && i.label_nb.startsWith('Nivå:'))).toBe(
      true
    );
    // The weighting asked in the query wins over the campaign's.
    expect((await plannerLevel(ctx.db, analyst, { campaign: id, weighting: 'none' }, NOW)).level?.p).toBeCloseTo(
      25 / 80,
      12
    );
    expect((await errorOf(plannerLevel(ctx.db, admin, { campaign: id }, NOW))).code).toBe('forbidden');
  });

  it('through the route: ?indicator=&weighting= (a GET form), 400 for a malformed indicator', async () => {
    const route = await import('../../../routes/(staff)/admin/campaigns/planner/+page.server');
    const load = route.load as unknown as (event: never) => Promise<Record<string, unknown>>;
    const get = (query: string, path = '/admin/campaigns/planner') =>
      load(
        fakeActionEvent(`${path}?${query}`, null, null, {
          user: analyst,
          locale: path.startsWith('/en/') ? 'en' : 'nb'
        }).event as never
      );
    // The route uses today's date: every wave of this survey but the open one has closed by now.
    const data = await get(`indicator=${encodeURIComponent(`${surveyId}|problem|yes`)}&weighting=none`);
    expect(data).toMatchObject({ asked: true, weighting: 'none' });
    const level = data.level as { p: number; wave: { id: string } };
    expect(level.p).toBeCloseTo(25 / 80, 12);
    expect(await get('')).toMatchObject({ asked: false, level: null, indicator: '' });
    for (const query of ['indicator=nonsense', 'weighting=heavy']) {
      let thrown: unknown;
      try {
        await get(query, '/en/admin/campaigns/planner');
      } catch (e) {
        thrown = e;
      }
      expect(isHttpError(thrown, 400)).toBe(true);
    }
  });
});
