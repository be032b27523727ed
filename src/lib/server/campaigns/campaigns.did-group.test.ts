/**
 * Campaigns with difference-in-differences against a comparison group/region (design 'did_group'): the
 * registry's rules (every refused input names its field and stores nothing), the effect from the counters
 * with how the DiD was formed (API `did.formed`), the names the pages show, and the staff form — on SQLite
 * and PostgreSQL (`npm run test:pg`).
 */
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, type AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import {
  createSurvey,
  placesOf,
  publishSurvey,
  saveDefinition,
  saveWave,
  submitResponse
} from '../surveys/surveys.service';
import type { TQuestion, TSurveyDefinition } from '../../surveys/definition';
import type { TCampaignInput } from '../../schemas/campaigns';
import { apiCampaign, apiCampaignEffect } from './campaigns.api';
import { campaignEffectSummary, effectOfCampaign } from './campaigns.effect';
import {
  campaignOptions,
  campaignView,
  createCampaign,
  formValuesOf,
  getCampaignForStaff,
  setCampaignPublished
} from './campaigns.service';

let ctx: AppContext;
let admin: TSessionUser;
let analyst: TSessionUser;
let editor: TSessionUser;
let surveyId: string;
let oldWave: string;
let baseline: string;
let followup: string;
let counties: string[];
const TARGET = ['03', '31', '32', '33'];

const q = (id: string, type: TQuestion['type'], options: string[] = [], extra: Partial<TQuestion> = {}): TQuestion => ({
  id,
  type,
  required: false,
  text_nb: `Spørsmål ${id}`,
  text_en: `Question ${id}`,
  help_nb: '',
  help_en: '',
  options: options.map((code) => ({ code, label_nb: code, label_en: code })),
  ...extra
});

const definition = (withRegion: boolean): TSurveyDefinition => ({
  title_nb: 'Regioner',
  title_en: 'Regions',
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
        q('county', 'county'),
        q('problem', 'single', ['yes', 'no']),
        q('plain', 'single', ['x', 'y']),
        ...(withRegion ? [q('region', 'single', ['north', 'south'], { breakdown: true })] : [])
      ]
    }
  ]
});

async function wave(name: string, opens: string, closes: string) {
  const { id } = await saveWave(ctx.db, analyst, surveyId, {
    name,
    opens_on: opens,
    closes_on: closes,
    target_n: 1000,
    method: 'campaign_link',
    method_note_nb: '',
    method_note_en: '',
    quotas: []
  });
  return id;
}

const base = (): TCampaignInput => ({
  name: 'Bare i Oslo og Viken',
  goal: 'Flere i kampanjefylkene skal se menneskehandel som et problem.',
  targetGroup: 'Voksne i Oslo, Østfold, Akershus og Buskerud',
  sectors: [],
  channels: ['posters'],
  startsOn: '2026-09-07',
  endsOn: '2026-10-04',
  budget: 400_000,
  indicator: `${surveyId}|problem|yes`,
  sdgTargets: [],
  measureIds: [],
  partners: '',
  materials: [],
  design: 'did_group',
  baselineWave: baseline,
  followupWave: followup,
  exposure: '',
  sourceCodes: [],
  weighting: 'none',
  groupQuestion: 'county',
  groupTarget: TARGET,
  groupComparison: []
});

const count = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('campaign')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  );

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  ctx = await app();
  ({ admin } = await setUpAdmin(ctx));
  analyst = await createStaffUser(ctx, admin, 'analyst');
  editor = await createStaffUser(ctx, admin, 'editor');
  counties = (await placesOf(ctx.db)).counties.map((c) => c.number);
  ({ id: surveyId } = await createSurvey(ctx.db, analyst, { slug: 'regioner', definition: definition(false) }));
  await publishSurvey(ctx.db, analyst, surveyId);
  oldWave = await wave('Gammel', '2026-05-01', '2026-05-31');
  await saveDefinition(ctx.db, analyst, surveyId, definition(true));
  await publishSurvey(ctx.db, analyst, surveyId);
  baseline = await wave('Før', '2026-08-01', '2026-08-31');
  followup = await wave('Etter', '2026-10-05', '2026-10-31');
});

afterAll(async () => {
  await ctx?.close();
});

describe('registry: DiD against a comparison group', () => {
  it('stores the group question and the target group; the comparison "everyone else" is stored empty', async () => {
    const { id } = await createCampaign(ctx.db, analyst, base());
    const c = await getCampaignForStaff(ctx.db, admin, id);
    expect(c).toMatchObject({
      design: 'did_group',
      exposure: null,
      didGroup: { questionId: 'county', target: TARGET, comparison: [] }
    });
    // The edit form gets the same ticks back.
    expect(formValuesOf(c)).toMatchObject({ groupQuestion: 'county', 'groupTarget:county|03': 'on' });
    const view = await campaignView(ctx.db, id, admin);
    expect(view.names.group).toMatchObject({ question_nb: 'Spørsmål county', rest: true });
    expect(view.names.group!.target_nb.join(' ')).toMatch(/Oslo/);
    expect(view.names.group!.comparison_nb).toHaveLength(counties.length - TARGET.length);
    // The form offers the county question and the breakdown question, with their answers.
    const groups = (await campaignOptions(ctx.db)).groups.map((g) => g.questionId);
    expect(groups).toEqual(expect.arrayContaining(['county', 'region']));
    expect(groups).not.toContain('plain');
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const n = await count();
    const fieldOf = async (over: Partial<TCampaignInput>) =>
      (await errorOf(createCampaign(ctx.db, analyst, { ...base(), ...over }))).fields;
    expect(await fieldOf({ groupQuestion: '' })).toEqual({ groupQuestion: 'campaigns.error.groupRequired' });
    expect(await fieldOf({ groupQuestion: 'nosuch' })).toEqual({ groupQuestion: 'campaigns.error.groupNotInWaves' });
    // The old wave's version does not ask the breakdown question: not in both waves.
    expect(await fieldOf({ baselineWave: oldWave, groupQuestion: 'region', groupTarget: ['north'] })).toEqual({
      groupQuestion: 'campaigns.error.groupNotInWaves'
    });
    expect(await fieldOf({ groupQuestion: 'plain', groupTarget: ['x'] })).toEqual({
      groupQuestion: 'campaigns.error.groupNotBreakdown'
    });
    expect(await fieldOf({ groupQuestion: 'problem', groupTarget: ['yes'] })).toEqual({
      groupQuestion: 'campaigns.error.groupNotBreakdown'
    });
    expect(await fieldOf({ groupTarget: [] })).toEqual({ groupTarget: 'campaigns.error.groupTargetRequired' });
    expect(await fieldOf({ groupTarget: ['99'] })).toEqual({ groupTarget: 'campaigns.error.groupAnswer' });
    expect(await fieldOf({ groupComparison: ['03'] })).toEqual({ groupComparison: 'campaigns.error.groupOverlap' });
    expect(await fieldOf({ groupComparison: ['nn'] })).toEqual({ groupComparison: 'campaigns.error.groupAnswer' });
    expect(await fieldOf({ groupTarget: counties })).toEqual({
      groupComparison: 'campaigns.error.groupComparisonEmpty'
    });
    expect(await count()).toBe(n);
  });
});

describe('effect: DiD against a comparison group', () => {
  /** n answers of `problem` from `county`, dated inside the wave. */
  async function answer(waveId: string, day: string, n: number, county: string, problem: string) {
    for (let i = 0; i < n; i++)
      await submitResponse(ctx.db, { surveyId, waveId, answers: { county, problem } }, new Date(`${day}T12:00:00Z`));
  }

  it('gives (after − before in the target counties) − (after − before elsewhere), with its interval and formation', async () => {
    // Target counties: 20 % yes before (of 40), 60 % after (of 40). Elsewhere: 20 % before (of 60) and after (of 40).
    for (const [waveId, day, t, tYes, o, oYes] of [
      [baseline, '2026-08-10', 10, 2, 15, 3],
      [followup, '2026-10-10', 10, 6, 10, 2]
    ] as const) {
      for (const c of TARGET) {
        await answer(waveId, day, tYes, c, 'yes');
        await answer(waveId, day, t - tYes, c, 'no');
      }
      for (const c of ['11', '46', '50', '55']) {
        await answer(waveId, day, oYes, c, 'yes');
        await answer(waveId, day, o - oYes, c, 'no');
      }
    }
    const { id } = await createCampaign(ctx.db, analyst, base());
    const c = await getCampaignForStaff(ctx.db, analyst, id);
    const e = await effectOfCampaign(ctx, c);
    expect(e.before).toMatchObject({ n: 100 });
    expect(e.exposed_vs_unexposed).toBeNull();
    // (0.6 − 0.2) − (0.2 − 0.2) = 0.4
    expect(e.did!.estimate).toBeCloseTo(0.4, 10);
    expect(e.did!.too_few).toBe(false);
    expect(e.did!.ci_low!).toBeGreaterThan(0);
    expect(e.did!.formed).toEqual({
      by: 'group',
      question_id: 'county',
      target: TARGET,
      comparison: counties.filter((x) => !TARGET.includes(x))
    });
    expect(e.headline).toMatchObject({ design: 'did_group', verdict: { kind: 'rise' } });
    expect(e.cost_per_point!.estimate).toBeCloseTo(400_000 / 40, 6);
    expect((await campaignEffectSummary(ctx, c))!.estimate).toBeCloseTo(40, 8);

    // A chosen comparison of two counties (46, 55): 30 answers before, 20 after — too few for an interval.
    const chosen = await createCampaign(ctx.db, analyst, { ...base(), groupComparison: ['46', '55'] });
    const e2 = await effectOfCampaign(ctx, await getCampaignForStaff(ctx.db, analyst, chosen.id));
    expect(e2.did!.formed.comparison).toEqual(['46', '55']);
    expect(e2.did!.too_few).toBe(true);
    expect(e2.did!.ci_low).toBeNull();
    expect(e2.headline.verdict).toEqual({ kind: 'too_few' });

    // The API of the published campaign names the design and how the DiD was formed.
    await setCampaignPublished(ctx.db, editor, id, true);
    const api = await apiCampaignEffect(ctx, id);
    expect(api.did).toMatchObject({ too_few: false, formed: { by: 'group', question_id: 'county' } });
    expect((await apiCampaign(ctx.db, id)).did_group).toEqual({
      question_id: 'county',
      target: TARGET,
      comparison: []
    });
  });
});

describe('the staff form', () => {
  type THandler = (event: never) => Promise<unknown>;
  const post = async (path: string, fields: [string, string][]) => {
    const route = await import('../../../routes/(staff)/admin/campaigns/new/+page.server');
    const { event } = fakeActionEvent(
      path,
      new URLSearchParams(fields).toString(),
      'application/x-www-form-urlencoded',
      {
        user: analyst,
        locale: path.startsWith('/en/') ? 'en' : 'nb'
      }
    );
    try {
      return await (route.actions as Record<string, THandler>).default({ ...event, params: {} } as never);
    } catch (e) {
      return e;
    }
  };
  const fields = (extra: [string, string][]): [string, string][] => [
    ['name', 'Skjema med gruppe'],
    ['goal', 'Mål'],
    ['targetGroup', 'Alle'],
    ['startsOn', '2026-09-07'],
    ['endsOn', '2026-10-04'],
    ['indicator', `${surveyId}|problem|yes`],
    ['design', 'did_group'],
    ['baselineWave', baseline],
    ['followupWave', followup],
    ['weighting', 'none'],
    ['groupQuestion', 'county'],
    // Ticks under another question than the chosen one do not count.
    ['groupTarget:region|north', 'on'],
    ...extra
  ];

  it('creates from ticked answers of the chosen question and redirects', async () => {
    const r = await post('/admin/campaigns/new', fields([['groupTarget:county|03', 'on']]));
    expect(isRedirect(r)).toBe(true);
    const id = /campaigns\/([0-9a-f-]{36})/.exec((r as { location: string }).location)![1];
    expect((await getCampaignForStaff(ctx.db, analyst, id)).didGroup).toEqual({
      questionId: 'county',
      target: ['03'],
      comparison: []
    });
  });

  it('answers an overlap or an empty target with 400 and the message on the field, nb and en', async () => {
    const n = await count();
    const r = await post(
      '/en/admin/campaigns/new',
      fields([
        ['groupTarget:county|03', 'on'],
        ['groupComparison:county|03', 'on']
      ])
    );
    expect(isActionFailure(r) && r.status).toBe(400);
    expect((r as { data: { errors: Record<string, string> } }).data.errors.groupComparison).toBe(
      'An answer cannot be in both the target group and the comparison group.'
    );
    const r2 = await post('/admin/campaigns/new', fields([]));
    expect((r2 as { data: { errors: Record<string, string> } }).data.errors.groupTarget).toBe(
      'Velg minst ett svar for målgruppen.'
    );
    expect(await count()).toBe(n);
  });
});

describe('activity: knowledge gain of the classroom quizzes', () => {
  it('gives the weekly gain in points from the class tallies (shards summed), under 5 answers suppressed', async () => {
    const set = await ctx.db.selectFrom('youth_quiz_set').select('id').executeTakeFirstOrThrow();
    const row = (iso_week: string, run: string, answered: number, correct: number, shard = 0, question_id = 'q1') => ({
      set_id: set.id,
      question_id,
      run,
      iso_week,
      municipality: '',
      answered,
      correct,
      shard
    });
    await ctx.db
      .insertInto('youth_class_tally')
      .values([
        // A week before the campaign: 10/20 right before, 15/20 after → +25 points.
        row('2026-W34', 'before', 20, 10),
        row('2026-W34', 'after', 20, 15),
        // A campaign week, two questions and (on PostgreSQL) a second shard: 12/40 → 36/40 = +60 points.
        row('2026-W38', 'before', 20, 6),
        row('2026-W38', 'before', 20, 6, 0, 'q2'),
        row('2026-W38', 'after', 30, 27),
        row('2026-W38', 'after', 10, 9, 1),
        // Three pupils only: not shown.
        row('2026-W39', 'before', 3, 1),
        row('2026-W39', 'after', 3, 3)
      ])
      .execute();
    const { campaignActivity } = await import('./campaigns.service');
    const a = await campaignActivity(ctx.db, { startsOn: '2026-09-07', endsOn: '2026-10-04', sourceCodes: [] });
    const gain = (week: string) => a.rows.find((r) => r.metric === 'knowledge_gain' && r.week === week)!;
    expect(gain('2026-W34')).toMatchObject({ value: 25, suppressed: false, during: false });
    expect(gain('2026-W38').value).toBeCloseTo(60, 10);
    expect(gain('2026-W39')).toMatchObject({ value: null, suppressed: true, during: true });
    expect(gain('2026-W40')).toMatchObject({ value: null, suppressed: false });
    // Periods: before 25 points; the campaign weeks hold a suppressed week, so their pooled gain is not shown
    // (it would give the three pupils' share away by subtraction).
    const u = a.uplift.find((x) => x.metric === 'knowledge_gain')!;
    expect(u).toEqual({
      metric: 'knowledge_gain',
      unit: 'points',
      before: 25,
      during: null,
      ratio: null,
      difference: null,
      suppressed: true
    });
  });
});
