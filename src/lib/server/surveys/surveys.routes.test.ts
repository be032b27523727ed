import { isActionFailure, isRedirect, type Cookies } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { freshDatabaseUrl } from '../testing/test-app';
import * as repo from './surveys.repository';
import { createLink, publishSurvey, saveWave } from './surveys.service';
import { TEMPLATE_SLUG } from './surveys.template';

type TAction = (event: never) => Promise<unknown>;
type TLoad = (event: never) => Promise<unknown>;
let act: TAction;
let load: TLoad;
let analyst: TSessionUser;
let waveId: string;

/** A cookie jar shared by the requests of one "browser". */
function browser() {
  const jar = new Map<string, string>();
  const cookies = {
    get: (n: string) => jar.get(n),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (n: string, v: string) => void jar.set(n, v),
    delete: (n: string) => void jar.delete(n),
    serialize: () => ''
  } as unknown as Cookies;
  return { jar, cookies };
}

function event(b: ReturnType<typeof browser>, fields: [string, string][] | null, query = '', locale = 'nb') {
  const url = new URL(`http://localhost/surveys/${TEMPLATE_SLUG}${query}`);
  const body = fields ? new URLSearchParams(fields) : undefined;
  return {
    url,
    request: new Request(url, {
      method: fields ? 'POST' : 'GET',
      body,
      headers: fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}
    }),
    locals: { locale, requestId: 't', user: null, sessionId: null },
    params: { slug: TEMPLATE_SLUG },
    cookies: b.cookies
  } as never;
}

/** Posts a page and returns what the action gave back (data, failure or redirect). */
async function submit(b: ReturnType<typeof browser>, fields: [string, string][], query = '') {
  try {
    return await act(event(b, fields, query));
  } catch (e) {
    if (isRedirect(e)) return { redirect: e.location };
    throw e;
  }
}

const carried = (r: unknown): [string, string][] =>
  Object.entries((r as { carried: Record<string, string[]> }).carried).flatMap(([k, vs]) =>
    vs.map((v): [string, string] => [`p.${k}`, v])
  );

const pages: [string, string][][] = [
  [
    ['q.sex', 'female'],
    ['q.age_group', '25-34'],
    ['q.county', '46']
  ],
  [
    ['q.problem_world', 'great'],
    ['q.problem_europe', 'great'],
    ['q.problem_norway', 'some'],
    ['q.problem_local', 'little']
  ],
  [
    ['q.forms_known', 'sexual'],
    ['q.forms_known', 'labour'],
    ['q.heard_recently', 'yes']
  ],
  [
    ['q.where_heard', 'news'],
    ['q.services_risk', '4'],
    ['q.pay_more', '5']
  ],
  [
    ['q.would_do', 'police'],
    ['q.know_where', 'unsure']
  ]
];

/** Answers the whole template page by page, as a browser without JavaScript does. */
async function answerAll(b: ReturnType<typeof browser>, query = '') {
  let r = await submit(
    b,
    [
      ['step', '-1'],
      ['age_ok', 'yes']
    ],
    query
  );
  for (const [i, fields] of pages.entries()) {
    expect(r).toMatchObject({ step: i });
    r = await submit(b, [['step', String(i)], ...carried(r), ...fields], query);
  }
  return r;
}

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  analyst = await createStaffUser(ctx, admin, 'analyst');
  const mod = await import('../../../routes/surveys/[slug]/+page.server');
  act = mod.actions.default as TAction;
  load = mod.load as unknown as TLoad;
  const s = await repo.findSurvey(ctx.db, TEMPLATE_SLUG);
  await publishSurvey(ctx.db, analyst, s!.id);
  waveId = (
    await saveWave(ctx.db, analyst, s!.id, {
      name: 'Test',
      opens_on: '2020-01-01',
      closes_on: '2099-12-31',
      target_n: null as never,
      method: 'campaign_link',
      method_note_nb: '',
      method_note_en: '',
      quotas: []
    })
  ).id;
});
afterAll(async () => (await app()).close());

describe('the respondent form without JavaScript', () => {
  it('goes page by page, stores nothing until the end, then once, and refuses the same browser again', async () => {
    const ctx = await app();
    const b = browser();
    const page = (await load(event(b, null))) as { sections: unknown[]; alreadyAnswered: boolean };
    expect(page.sections).toHaveLength(5);
    let r = await submit(b, [
      ['step', '-1'],
      ['age_ok', 'yes']
    ]);
    for (const [i, fields] of pages.slice(0, -1).entries())
      r = await submit(b, [['step', String(i)], ...carried(r), ...fields]);
    expect(await repo.countResponses(ctx.db, waveId)).toBe(0);
    r = await submit(b, [['step', '4'], ...carried(r), ...pages[4]]);
    expect(r).toEqual({ redirect: `/surveys/${TEMPLATE_SLUG}/thanks` });
    expect(await repo.countResponses(ctx.db, waveId)).toBe(1);
    const [row] = await repo.responsesWithAnswers(ctx.db, waveId);
    expect(
      row.answers
        .filter((a) => a.question_id === 'forms_known')
        .map((a) => a.value)
        .sort()
    ).toEqual(['labour', 'sexual']);
    expect(((await load(event(b, null))) as { alreadyAnswered: boolean }).alreadyAnswered).toBe(true);
    const again = await submit(b, [
      ['step', '-1'],
      ['age_ok', 'yes']
    ]);
    expect(isActionFailure(again) && again.status).toBe(409);
    expect(await repo.countResponses(ctx.db, waveId)).toBe(1);
  });

  it('screens by age, skips a question by its rule, and names a missing answer', async () => {
    const b = browser();
    expect(
      await submit(b, [
        ['step', '-1'],
        ['age_ok', 'no']
      ])
    ).toEqual({ tooYoung: true });
    const noAge = await submit(b, [['step', '-1']]);
    expect(isActionFailure(noAge) && noAge.status).toBe(400);
    const missing = await submit(b, [
      ['step', '0'],
      ['q.sex', 'male']
    ]);
    expect(isActionFailure(missing) && missing.status).toBe(400);
    expect(isActionFailure(missing) && Object.keys((missing.data as unknown as { errors: object }).errors)).toEqual([
      'q.age_group',
      'q.county'
    ]);
    const bad = await submit(b, [
      ['step', '0'],
      ['q.sex', 'male'],
      ['q.age_group', '25-34'],
      ['q.county', '99']
    ]);
    expect(isActionFailure(bad) && (bad.data as unknown as { errors: Record<string, string> }).errors['q.county']).toBe(
      'Svaret er ikke et av alternativene.'
    );
  });

  it('takes a panel invitation once, keeping its source code', async () => {
    const ctx = await app();
    const link = await createLink(ctx.db, analyst, waveId, { source_code: 'skole-1', kind: 'panel', tokens: 1 });
    const query = `?l=${link.id}&t=${link.tokens[0]}`;
    expect(await answerAll(browser(), query)).toEqual({ redirect: `/surveys/${TEMPLATE_SLUG}/thanks` });
    const second = await answerAll(browser(), query);
    expect(isActionFailure(second) && second.status).toBe(409);
    const sources = await ctx.db
      .selectFrom('survey_response')
      .select('source_code')
      .where('wave_id', '=', waveId)
      .execute();
    expect(sources.map((s) => s.source_code).sort()).toEqual([null, 'skole-1']);
  });
});
