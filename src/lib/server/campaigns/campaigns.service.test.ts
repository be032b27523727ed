import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, type AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import { createSurvey, publishSurvey, saveWave, submitResponse } from '../surveys/surveys.service';
import type { TSurveyDefinition } from '../../surveys/definition';
import { ZCampaignForm, type TCampaignInput } from '../../schemas/campaigns';
import { isoWeek } from '../../stats/iso-week';
import { apiCampaign, apiCampaigns } from './campaigns.api';
import {
  campaignActivity,
  campaignView,
  createCampaign,
  getCampaignForStaff,
  getPublishedCampaign,
  listCampaignsForStaff,
  listPublishedCampaigns,
  setCampaignPublished,
  updateCampaign
} from './campaigns.service';

let ctx: AppContext;
let admin: TSessionUser;
let analyst: TSessionUser;
let editor: TSessionUser;
let surveyA: string;
let surveyB: string;
let baseline: string;
let followup: string;
let otherWave: string;
let oldWave: string;

const choice = (id: string, options: string[]) => ({
  id,
  type: 'single' as const,
  required: false,
  text_nb: `Spørsmål ${id}`,
  text_en: `Question ${id}`,
  help_nb: '',
  help_en: '',
  options: options.map((code) => ({ code, label_nb: code, label_en: code }))
});

const definition = (withExposure: boolean): TSurveyDefinition => ({
  title_nb: 'Holdninger',
  title_en: 'Attitudes',
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
        choice('problem', ['yes', 'no']),
        ...(withExposure ? [{ ...choice('seen_poster', ['seen', 'not_seen']), breakdown: true }] : [])
      ]
    }
  ]
});

async function wave(surveyId: string, name: string, opens: string, closes: string) {
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
  name: 'Se tegnene',
  goal: 'Flere skal se menneskehandel som et problem i Norge.',
  targetGroup: 'Unge voksne 16–24',
  sectors: ['cleaning'],
  channels: ['social_media', 'posters'],
  startsOn: '2026-09-07',
  endsOn: '2026-10-04',
  budget: 600_000,
  indicator: `${surveyA}|problem|yes`,
  sdgTargets: ['8.7', '16.2'],
  measureIds: [],
  partners: 'Partner A\nPartner B',
  materials: [{ title: 'Plakat', url: 'https://example.org/plakat.pdf' }],
  design: 'did',
  baselineWave: baseline,
  followupWave: followup,
  exposure: 'seen_poster|seen',
  sourceCodes: ['poster-2026'],
  weighting: 'rake',
  groupQuestion: '',
  groupTarget: [],
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
const auditCount = async (action: string) =>
  Number(
    (
      await ctx.db
        .selectFrom('audit_log')
        .select((e) => e.fn.countAll().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n
  );

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  ctx = await app();
  ({ admin } = await setUpAdmin(ctx));
  analyst = await createStaffUser(ctx, admin, 'analyst');
  editor = await createStaffUser(ctx, admin, 'editor');
  // Survey A: the baseline asks only the indicator; the follow-up version adds the exposure question.
  ({ id: surveyA } = await createSurvey(ctx.db, analyst, { slug: 'camp-a', definition: definition(false) }));
  await publishSurvey(ctx.db, analyst, surveyA);
  oldWave = await wave(surveyA, 'Gammel', '2026-05-01', '2026-05-31');
  const { saveDefinition } = await import('../surveys/surveys.service');
  await saveDefinition(ctx.db, analyst, surveyA, definition(true));
  await publishSurvey(ctx.db, analyst, surveyA);
  baseline = await wave(surveyA, 'Før', '2026-08-01', '2026-08-31');
  followup = await wave(surveyA, 'Etter', '2026-10-05', '2026-10-31');
  ({ id: surveyB } = await createSurvey(ctx.db, analyst, { slug: 'camp-b', definition: definition(true) }));
  await publishSurvey(ctx.db, analyst, surveyB);
  otherWave = await wave(surveyB, 'Annen', '2026-10-05', '2026-10-31');
});

afterAll(async () => {
  await ctx?.close();
});

describe('campaign registry', () => {
  it('registers a campaign with its design, audited, and reads it back', async () => {
    const before = await auditCount('campaign.create');
    const { id, slug } = await createCampaign(ctx.db, analyst, base());
    expect(slug).toBe('se-tegnene');
    const c = await getCampaignForStaff(ctx.db, admin, id);
    expect(c).toMatchObject({
      name: 'Se tegnene',
      sectors: ['cleaning'],
      budget: 600_000,
      indicator: { surveyId: surveyA, questionId: 'problem', answerCode: 'yes' },
      design: 'did',
      baselineWaveId: baseline,
      followupWaveId: followup,
      exposure: { questionId: 'seen_poster', answerCode: 'seen' },
      partners: ['Partner A', 'Partner B'],
      sourceCodes: ['poster-2026'],
      weighting: 'rake',
      publishedAt: null
    });
    expect(await auditCount('campaign.create')).toBe(before + 1);
    // A second campaign of the same name gets its own address.
    expect((await createCampaign(ctx.db, editor, base())).slug).toBe('se-tegnene-2');
  });

  it('lets administrators read but not edit; case handlers and others not at all', async () => {
    expect((await errorOf(createCampaign(ctx.db, admin, base()))).code).toBe('forbidden');
    expect((await listCampaignsForStaff(ctx.db, admin)).length).toBeGreaterThan(0);
    const { id } = await createCampaign(ctx.db, analyst, base());
    expect((await errorOf(updateCampaign(ctx.db, admin, id, base()))).code).toBe('forbidden');
    expect((await errorOf(setCampaignPublished(ctx.db, analyst, id, true))).code).toBe('forbidden');
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const n = await count();
    const fieldOf = async (input: TCampaignInput) => (await errorOf(createCampaign(ctx.db, analyst, input))).fields;
    expect(await fieldOf({ ...base(), followupWave: otherWave })).toEqual({
      followupWave: 'campaigns.error.wavesDiffer'
    });
    expect(await fieldOf({ ...base(), indicator: `${surveyA}|problem|maybe` })).toEqual({
      indicator: 'campaigns.error.indicatorAnswer'
    });
    expect(await fieldOf({ ...base(), indicator: `${surveyA}|nosuch|yes` })).toMatchObject({
      indicator: 'campaigns.error.indicator'
    });
    expect(await fieldOf({ ...base(), exposure: '' })).toEqual({ exposure: 'campaigns.error.exposureRequired' });
    // The old wave's version has no exposure question: as the follow-up it cannot serve a DiD, nor as the baseline.
    expect(await fieldOf({ ...base(), followupWave: oldWave, baselineWave: '' })).toEqual({
      exposure: 'campaigns.error.exposureNotInFollowup'
    });
    expect(await fieldOf({ ...base(), baselineWave: oldWave })).toEqual({
      exposure: 'campaigns.error.exposureNotInBaseline'
    });
    expect(await fieldOf({ ...base(), followupWave: baseline })).toMatchObject({
      followupWave: 'campaigns.error.sameWave'
    });
    expect(await fieldOf({ ...base(), sectors: ['no-such-sector'] })).toEqual({ sectors: 'campaigns.error.sector' });
    expect(await fieldOf({ ...base(), measureIds: ['00000000-0000-4000-8000-000000000000'] })).toEqual({
      measureIds: 'campaigns.error.measure'
    });
    expect(await fieldOf({ ...base(), indicator: '' })).toEqual({ indicator: 'campaigns.error.indicatorForWaves' });
    expect(await count()).toBe(n);
  });

  it('reads the form: end before start, negative budget and javascript: links are refused by field', () => {
    const form = {
      name: 'X',
      goal: 'Y',
      targetGroup: 'Z',
      startsOn: '2026-10-01',
      endsOn: '2026-09-01',
      budget: '-5',
      materials: 'Bad | javascript:alert(1)',
      design: 'before_after',
      weighting: 'none',
      'channels:posters': 'on',
      'sdgTargets:5.2': 'on'
    };
    const r = ZCampaignForm.safeParse(form);
    expect(r.success).toBe(false);
    const fields = Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(fields).toMatchObject({
      endsOn: 'campaigns.error.endBeforeStart',
      budget: 'campaigns.error.budget',
      materials: 'campaigns.error.material'
    });
    const ok = ZCampaignForm.parse({
      ...form,
      endsOn: '2026-10-31',
      budget: '250 000',
      materials: 'Plakat | https://example.org/p'
    });
    expect(ok).toMatchObject({
      budget: 250_000,
      channels: ['posters'],
      sdgTargets: ['5.2'],
      materials: [{ title: 'Plakat', url: 'https://example.org/p' }]
    });
  });

  it('publishes for the public and the API, and withdraws', async () => {
    const { id, slug } = await createCampaign(ctx.db, analyst, { ...base(), name: 'Publisert kampanje' });
    expect((await errorOf(getPublishedCampaign(ctx.db, slug))).code).toBe('not_found');
    expect((await errorOf(apiCampaign(ctx.db, id))).status).toBe(404);
    await setCampaignPublished(ctx.db, editor, id, true);
    expect((await listPublishedCampaigns(ctx.db)).map((c) => c.id)).toContain(id);
    const api = await apiCampaign(ctx.db, slug);
    expect(api).toMatchObject({
      id,
      slug,
      design: 'did',
      exposure: { question_id: 'seen_poster', answer_code: 'seen' }
    });
    expect((await apiCampaigns(ctx.db)).campaigns.map((c) => c.id)).toContain(id);
    expect(await auditCount('campaign.publish')).toBeGreaterThan(0);
    await setCampaignPublished(ctx.db, editor, id, false);
    expect((await errorOf(getPublishedCampaign(ctx.db, id))).code).toBe('not_found');
    expect((await errorOf(apiCampaign(ctx.db, '%00'))).status).toBe(404);
  });

  it('edits a campaign, audited, and keeps the same rules', async () => {
    const { id } = await createCampaign(ctx.db, analyst, base());
    await updateCampaign(ctx.db, editor, id, { ...base(), budget: 0, design: 'before_after', exposure: '' });
    const c = await getCampaignForStaff(ctx.db, analyst, id);
    expect(c).toMatchObject({ budget: 0, design: 'before_after', exposure: null });
    expect(await auditCount('campaign.update')).toBeGreaterThan(0);
    expect((await errorOf(updateCampaign(ctx.db, editor, id, { ...base(), followupWave: otherWave }))).fields).toEqual({
      followupWave: 'campaigns.error.wavesDiffer'
    });
  });
});

describe('platform activity', () => {
  it('counts checks per week during the campaign and as many weeks before, small counts suppressed', async () => {
    const day = (iso: string) => isoWeek(new Date(`${iso}T12:00:00Z`));
    const rows = [
      ...Array.from({ length: 7 }, () => day('2026-09-08')),
      ...Array.from({ length: 3 }, () => day('2026-08-25'))
    ];
    await ctx.db
      .insertInto('check_result')
      .values(
        rows.map((w, i) => ({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          sector: 'cleaning',
          checklist_version: 1,
          level: 'low',
          municipality_number: null,
          iso_week: w
        }))
      )
      .execute();
    await submitResponse(ctx.db, { surveyId: surveyA, waveId: followup, answers: { problem: 'yes' } }).catch(
      () => null
    );
    const a = await campaignActivity(ctx.db, { startsOn: '2026-09-07', endsOn: '2026-10-04', sourceCodes: [] });
    expect(a.weeks.during).toEqual(['2026-W37', '2026-W38', '2026-W39', '2026-W40']);
    expect(a.weeks.before).toEqual(['2026-W33', '2026-W34', '2026-W35', '2026-W36']);
    const checks = a.rows.filter((r) => r.metric === 'checks');
    expect(checks.find((r) => r.week === '2026-W37')).toMatchObject({ value: 7, suppressed: false, during: true });
    expect(checks.find((r) => r.week === '2026-W35')).toMatchObject({ value: null, suppressed: true, during: false });
    expect(a.uplift.find((u) => u.metric === 'checks')).toMatchObject({ during: 7, suppressed: true, ratio: null });
  });

  it('shows the public view of a published campaign only', async () => {
    const { id } = await createCampaign(ctx.db, analyst, { ...base(), name: 'Visning' });
    await expect(campaignView(ctx.db, id)).rejects.toMatchObject({ code: 'not_found' });
    const staff = await campaignView(ctx.db, id, admin);
    expect(staff.names.indicator).toMatchObject({ question_nb: 'Spørsmål problem', answer_nb: 'yes' });
    expect(staff.names.exposure).toMatchObject({ question_en: 'Question seen_poster', answer_en: 'seen' });
    expect(staff.names).toMatchObject({ baselineWave: 'Før', followupWave: 'Etter' });
    await setCampaignPublished(ctx.db, editor, id, true);
    expect((await campaignView(ctx.db, id)).campaign.id).toBe(id);
  });
});

describe('routes', () => {
  type THandler = (event: never) => Promise<unknown>;
  const post = async (path: string, fields: [string, string][], user: TSessionUser | null, params = {}) => {
    const route = path.endsWith('/new')
      ? await import('../../../routes/(staff)/admin/campaigns/new/+page.server')
      : await import('../../../routes/(staff)/admin/campaigns/[id]/edit/+page.server');
    const { event } = fakeActionEvent(
      path,
      new URLSearchParams(fields).toString(),
      'application/x-www-form-urlencoded',
      {
        user,
        locale: path.startsWith('/en/') ? 'en' : 'nb'
      }
    );
    try {
      return await (route.actions as Record<string, THandler>).default({ ...event, params } as never);
    } catch (e) {
      return e;
    }
  };
  const good = (): [string, string][] => [
    ['name', 'Skjemakampanje'],
    ['goal', 'Mål'],
    ['targetGroup', 'Alle'],
    ['startsOn', '2026-09-07'],
    ['endsOn', '2026-10-04'],
    ['budget', '100 000'],
    ['channels:posters', 'on'],
    ['indicator', `${surveyA}|problem|yes`],
    ['design', 'exposure'],
    ['baselineWave', baseline],
    ['followupWave', followup],
    ['exposure', 'seen_poster|seen'],
    ['sourceCodes', 'a-1, b_2'],
    ['weighting', 'none']
  ];

  it('creates from the form and redirects to the campaign', async () => {
    const r = await post('/admin/campaigns/new', good(), analyst);
    expect(isRedirect(r)).toBe(true);
    expect((r as { location: string }).location).toMatch(/^\/admin\/campaigns\/[0-9a-f-]{36}\?created=1$/);
  });

  it('answers bad input with 400 and a message per field in the user language', async () => {
    const n = await count();
    const bad = good().map(([k, v]): [string, string] =>
      k === 'endsOn' ? [k, '2026-01-01'] : k === 'budget' ? [k, '-1'] : [k, v]
    );
    const r = await post('/en/admin/campaigns/new', bad, analyst);
    expect(isActionFailure(r)).toBe(true);
    const data = (r as { status: number; data: { errors: Record<string, string> } }).data;
    expect((r as { status: number }).status).toBe(400);
    expect(data.errors.endsOn).toBe('The end date cannot be before the start date.');
    expect(data.errors.budget).toBe('Enter the budget as a whole number of kroner, 0 or more.');
    const diff = good().map(([k, v]): [string, string] => (k === 'followupWave' ? [k, otherWave] : [k, v]));
    const r2 = await post('/admin/campaigns/new', diff, analyst);
    expect((r2 as { status: number }).status).toBe(400);
    expect((r2 as { data: { errors: Record<string, string> } }).data.errors.followupWave).toBe(
      'Før- og etterbølgen må være fra samme undersøkelse.'
    );
    expect(await count()).toBe(n);
  });

  it('refuses an administrator (403) and sends the signed-out to log in', async () => {
    const r = await post('/admin/campaigns/new', good(), admin);
    expect(isHttpError(r) && r.status).toBe(403);
    const r2 = await post('/admin/campaigns/new', good(), null);
    expect(isRedirect(r2) && r2.location).toMatch(/^\/login\?next=/);
  });

  it('edits from the form', async () => {
    const { id } = await createCampaign(ctx.db, analyst, base());
    const fields = good().map(([k, v]): [string, string] => (k === 'name' ? [k, 'Nytt navn'] : [k, v]));
    const r = await post(`/admin/campaigns/${id}/edit`, fields, editor, { id });
    expect(isRedirect(r)).toBe(true);
    expect((await getCampaignForStaff(ctx.db, editor, id)).name).toBe('Nytt navn');
  });
});

describe('effect', () => {
  /** n answers of (problem, seen_poster) to a wave, dated inside it. */
  async function answer(waveId: string, day: string, n: number, problem: string, seen: string) {
    for (let i = 0; i < n; i++)
      await submitResponse(
        ctx.db,
        { surveyId: surveyA, waveId, answers: { problem, seen_poster: seen } },
        new Date(`${day}T12:00:00Z`)
      );
  }

  it('gives the change, exposed vs not and DiD with intervals, the verdict and cost per point', async () => {
    // Before: 20 % say yes among 40 exposed and 60 unexposed alike; after: 60 % of 50 exposed, 20 % of 50 not.
    await answer(baseline, '2026-08-10', 8, 'yes', 'seen');
    await answer(baseline, '2026-08-10', 32, 'no', 'seen');
    await answer(baseline, '2026-08-10', 12, 'yes', 'not_seen');
    await answer(baseline, '2026-08-10', 48, 'no', 'not_seen');
    await answer(followup, '2026-10-10', 30, 'yes', 'seen');
    await answer(followup, '2026-10-10', 20, 'no', 'seen');
    await answer(followup, '2026-10-10', 10, 'yes', 'not_seen');
    await answer(followup, '2026-10-10', 40, 'no', 'not_seen');
    const { effectOfCampaign, campaignEffectSummary } = await import('./campaigns.effect');
    const { id } = await createCampaign(ctx.db, analyst, { ...base(), weighting: 'none', name: 'Effekt' });
    const c = await getCampaignForStaff(ctx.db, analyst, id);
    const e = await effectOfCampaign(ctx, c);
    expect(e.before).toMatchObject({ n: 100 });
    expect(e.before!.p).toBeCloseTo(0.2, 10);
    expect(e.after!.p).toBeCloseTo(0.4, 10);
    expect(e.change!.estimate).toBeCloseTo(0.2, 10);
    expect(e.change!.too_few).toBe(false);
    expect(e.change!.ci_low!).toBeLessThan(0.2);
    expect(e.exposed_vs_unexposed!.estimate).toBeCloseTo(0.4, 10);
    // DiD: (0.6 − 0.2) − (0.2 − 0.2) = 0.4.
    expect(e.did!.estimate).toBeCloseTo(0.4, 10);
    expect(e.did!.ci_low!).toBeGreaterThan(0);
    expect(e.headline.verdict).toMatchObject({ kind: 'rise' });
    // Cost per point: 600,000 NOK ÷ 40 points, its interval from the DiD interval's bounds.
    expect(e.cost_per_point!.estimate).toBeCloseTo(600_000 / 40, 6);
    expect(e.cost_per_point!.ci_low).toBeCloseTo(600_000 / (e.did!.ci_high! * 100), 6);
    const s = await campaignEffectSummary(ctx, c);
    expect(s).toMatchObject({ n: 200, tooFew: false });
    expect(s!.estimate).toBeCloseTo(40, 8);

    // A before/after campaign on the same waves: too few is not the case; the API answers only when published.
    const { apiCampaignEffect } = await import('./campaigns.api');
    expect((await errorOf(apiCampaignEffect(ctx, id))).status).toBe(404);
    await setCampaignPublished(ctx.db, editor, id, true);
    const api = await apiCampaignEffect(ctx, id);
    expect(api.did!.formed).toEqual({ by: 'exposure', question_id: 'seen_poster', target: ['seen'], comparison: null });
    expect(Object.keys(api).sort()).toEqual(
      ['activity', 'after', 'before', 'change', 'cost_per_point', 'did', 'exposed_vs_unexposed', 'indicator'].sort()
    );
    expect(api.activity.some((r) => r.metric === 'checks')).toBe(true);
  });

  it('says "too few answers" instead of an interval under 30, and gives no cost per point', async () => {
    const { effectOfCampaign } = await import('./campaigns.effect');
    const { id } = await createCampaign(ctx.db, analyst, {
      ...base(),
      name: 'Få svar',
      baselineWave: oldWave,
      exposure: '',
      design: 'before_after'
    });
    const e = await effectOfCampaign(ctx, await getCampaignForStaff(ctx.db, analyst, id));
    expect(e.before?.n).toBe(0);
    expect(e.change?.too_few ?? true).toBe(true);
    expect(e.change?.ci_low ?? null).toBeNull();
    expect(e.cost_per_point).toBeNull();
    expect(e.headline.verdict.kind === 'too_few' || e.headline.verdict.kind === 'none').toBe(true);
  });
});
