import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { freshDatabaseUrl } from '../testing/test-app';
import type { TTrendView } from '../../surveys/results-view';
import type { TBreakdownItem, TResultsView } from '../../surveys/results-view';
import * as repo from './surveys.repository';
import { publishSurvey, saveWave, submitResponse } from './surveys.service';
import { TEMPLATE_SLUG } from './surveys.template';
import type { ServerRendered } from '../../server-rendered';

type TLoad = (event: never) => Promise<unknown>;
type TData = {
  trend: TTrendView | null;
  results: TResultsView;
  indicatorOptions: { value: string }[];
  breakdown: { item: TBreakdownItem; items: TBreakdownItem[]; by: string; byLabel: string } | null;
  query: Record<string, string>;
};
let publicLoad: TLoad;
let staffLoad: TLoad;
let analyst: TSessionUser;
let surveyId: string;

const event = (path: string, query: string, user: TSessionUser | null, params: Record<string, string>) =>
  ({
    url: new URL(`http://localhost${path}${query}`),
    locals: { locale: 'nb', requestId: 't', user, sessionId: user ? 's' : null },
    params
  }) as never;
/** The page's data (held for the server's HTML only: ServerRendered). */
const view = (data: unknown) => (data as { page: ServerRendered<TData> }).page.value;
const pub = async (query = '') =>
  view(await publicLoad(event(`/results/${TEMPLATE_SLUG}`, query, null, { survey: TEMPLATE_SLUG })));
const staff = async (query = '', user: TSessionUser | null = analyst) =>
  view(await staffLoad(event(`/admin/surveys/${surveyId}/results`, query, user, { id: surveyId })));
const caught = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the load to fail');
};

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  analyst = await createStaffUser(ctx, admin, 'analyst');
  publicLoad = (await import('../../../routes/results/[survey]/+page.server')).load as unknown as TLoad;
  staffLoad = (await import('../../../routes/(staff)/admin/surveys/[id]/results/+page.server'))
    .load as unknown as TLoad;
  surveyId = (await repo.findSurvey(ctx.db, TEMPLATE_SLUG))!.id;
  await publishSurvey(ctx.db, analyst, surveyId);
  // Two waves with different methods: 12 respondents face to face, then 3 online.
  for (const [name, opens, method, n] of [
    ['Vår 2027', '2027-03-01', 'face_to_face', 12],
    ['Høst 2027', '2027-09-01', 'online_panel', 3]
  ] as const) {
    const wave = await saveWave(ctx.db, analyst, surveyId, {
      name,
      opens_on: opens,
      closes_on: opens.replace(/-01$/, '-28'),
      target_n: null as never,
      method,
      method_note_nb: '',
      method_note_en: '',
      quotas: []
    });
    for (let k = 0; k < n; k++)
      await submitResponse(
        ctx.db,
        {
          surveyId,
          waveId: wave.id,
          answers: {
            sex: k % 2 ? 'male' : 'female',
            age_group: '25-34',
            county: '46',
            problem_world: k < 8 ? 'great' : 'some',
            problem_europe: 'some',
            problem_norway: 'some',
            problem_local: 'little',
            heard_recently: 'no',
            would_do: k < 10 ? ['police'] : ['nothing'],
            know_where: 'yes'
          }
        },
        new Date(`${opens}T12:00:00Z`)
      );
  }
});
afterAll(async () => (await app()).close());

describe('results pages: charts and the trend', () => {
  it('public: a chart per choice question, and by default the trend of an answer with a Scottish reference', async () => {
    const latest = await pub('?weighting=none');
    // The latest wave has 3 respondents: too few to show anything for the public.
    expect(latest.results.questions.every((q) => q.chart.length === 0)).toBe(true);
    const d = await pub(`?weighting=none&wave=${latest.results.waves[0].id}`);
    const world = d.results.questions.find((q) => q.id === 'problem_world')!;
    expect(world.chart.map((b) => [b.label, b.value, b.suppressed])).toEqual([
      ['I stor grad', 8 / 12, false],
      ['I noen grad', 0, true],
      ['I liten grad', 0, false],
      ['Ikke i det hele tatt', 0, false],
      ['Vet ikke', 0, false]
    ]);
    expect(d.trend!.indicator).toBe('problem_world:great');
    // The online wave had 3 respondents: suppressed for the public, the method change still shown.
    expect(d.trend!.points.map((p) => [p.label, p.method, p.suppressed])).toEqual([
      ['Vår 2027', 'face_to_face', false],
      ['Høst 2027', 'online_panel', true]
    ]);
    expect(d.trend!.points[0].value).toBeCloseTo(8 / 12, 12);
    expect(d.trend!.reference!.points.map((p) => p.label)).toEqual(['2018']);
    expect(d.trend!.caveats.length).toBeGreaterThan(0);
    expect(d.indicatorOptions.map((o) => o.value)).toContain('would_do:police');
  });

  it('picks another question and answer by GET, with its own reference series and sources', async () => {
    const d = await pub('?weighting=none&indicator=would_do%3Apolice');
    expect(d.trend!.title).toContain('Melde fra til politiet');
    expect(d.trend!.points[0].value).toBeCloseTo(10 / 12, 12);
    expect(d.trend!.reference!.points.map((p) => [p.label, p.value])).toEqual([
      ['2017', 0.8],
      ['2018', 0.87]
    ]);
    expect(d.trend!.reference!.points.every((p) => p.source && p.url?.startsWith('https://'))).toBe(true);
    const none = await pub('?indicator=tell_whom%3Apolice');
    expect(none.trend!.reference).toBeNull();
  });

  it('staff: weighted and unweighted series, nothing suppressed', async () => {
    const d = await staff('?weighting=none&indicator=problem_world%3Agreat');
    expect(d.trend!.points.map((p) => p.suppressed)).toEqual([false, false]);
    expect(d.trend!.points[1].value).toBeCloseTo(1, 12);
    const q = d.results.questions.find((x) => x.id === 'problem_world')!;
    expect(q.chart.every((b) => !b.suppressed)).toBe(true);
  });

  it('answers a bad indicator with 400, and the staff page only to survey staff', async () => {
    for (const bad of ['nope%3Ayes', 'would_do%3Amaybe', 'would_do', 'county%3A46'.replace('county', 'municipality')]) {
      const e = await caught(pub(`?indicator=${bad}`));
      expect(isHttpError(e) && e.status).toBe(400);
    }
    const e = await caught(staff('', null));
    expect(isRedirect(e) || (isHttpError(e) && e.status === 403)).toBe(true);
  });
});

describe('results pages: a breakdown shows one question per group at a time', () => {
  const firstWave = async () => (await pub('?weighting=none')).results.waves[0].id;

  it('by default the first question that is not a demographic; every other question is an item to link to', async () => {
    const d = await pub(`?weighting=none&wave=${await firstWave()}&by=sex`);
    expect(d.breakdown!.item).toMatchObject({ value: 'problem_world', kind: 'share' });
    expect(d.breakdown!.byLabel).toBe('kjønn');
    expect(d.query.question).toBe('problem_world');
    expect(d.results.groups.map((g) => [g.label, g.questions.map((q) => q.id)])).toEqual([
      ['Kvinne', ['problem_world']],
      ['Mann', ['problem_world']]
    ]);
    // Every other question is one link away (the template's choice questions; municipality is not broken down).
    expect(d.breakdown!.items.map((i) => i.value)).toEqual(
      expect.arrayContaining(['problem_europe', 'problem_norway', 'problem_local', 'heard_recently', 'know_where'])
    );
    expect(d.breakdown!.items.length).toBeGreaterThan(8);
    // 6 women: 4 "great", 2 "some" — the public sees the group's base, and "<5" instead of the small counts.
    const women = d.results.groups[0].questions[0];
    expect(women.base_n).toBe('6');
    expect(women.warning).toBe('unreliable');
    expect(women.rows.slice(0, 2).map((r) => [r.n, r.share])).toEqual([
      ['<5', '–'],
      ['<5', '–']
    ]);
    const staffView = await staff(`?weighting=none&wave=${await firstWave()}&by=sex`);
    expect(staffView.results.groups[0].questions[0].rows.slice(0, 2).map((r) => r.n)).toEqual(['4', '2']);
  });

  it('shows the question asked for; one this wave does not have gives the default; a malformed one is a 400', async () => {
    const wave = await firstWave();
    const d = await pub(`?weighting=none&wave=${wave}&by=sex&question=problem_europe`);
    expect(d.breakdown!.item.value).toBe('problem_europe');
    expect(d.results.groups.map((g) => g.questions.map((q) => q.id))).toEqual([['problem_europe'], ['problem_europe']]);
    expect((await pub(`?weighting=none&wave=${wave}&by=sex&question=gone`)).breakdown!.item.value).toBe(
      'problem_world'
    );
    const e = await caught(pub(`?wave=${wave}&by=sex&question=${encodeURIComponent('<script>')}`));
    expect(isHttpError(e) && e.status).toBe(400);
    // Without a breakdown there is nothing to choose.
    const none = await pub(`?weighting=none&wave=${wave}&question=problem_europe`);
    expect([none.breakdown, none.results.groups]).toEqual([null, []]);
  });

  it('needs no JavaScript: both results pages are rendered on the server only', async () => {
    expect((await import('../../../routes/results/[survey]/+page.server')).csr).toBe(false);
    expect((await import('../../../routes/(staff)/admin/surveys/[id]/results/+page.server')).csr).toBe(false);
  });
});
