import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { freshDatabaseUrl } from '../testing/test-app';
import { getSurveyForStaff } from './surveys.service';

type TAction = (event: never) => Promise<unknown>;
let list: Record<string, TAction>;
let one: Record<string, TAction>;
let loadOne: TAction;
let analyst: TSessionUser;

function event(path: string, user: TSessionUser | null, fields: Record<string, string> | null, params = {}) {
  const url = new URL(`http://localhost${path}`);
  return {
    url,
    request: new Request(url, {
      method: fields ? 'POST' : 'GET',
      body: fields ? new URLSearchParams(fields) : undefined,
      headers: fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}
    }),
    locals: { locale: 'en', requestId: 't', user, sessionId: user ? 's' : null },
    params
  } as never;
}

async function run(f: TAction, e: never) {
  try {
    return await f(e);
  } catch (x) {
    if (isRedirect(x)) return { redirect: x.location };
    if (isHttpError(x)) return { httpStatus: x.status };
    throw x;
  }
}

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  analyst = await createStaffUser(ctx, admin, 'analyst');
  list = (await import('../../../routes/(staff)/admin/surveys/+page.server')).actions as never;
  const mod = await import('../../../routes/(staff)/admin/surveys/[id]/+page.server');
  one = mod.actions as never;
  loadOne = mod.load as never;
});
afterAll(async () => (await app()).close());

describe('the staff builder', () => {
  it('builds a survey question by question, publishes it, and opens a wave with a link — without JSON', async () => {
    const created = (await run(
      list.create,
      event('/admin/surveys?/create', analyst, { slug: 'trust', title_nb: 'Tillit', title_en: 'Trust' })
    )) as { redirect: string };
    const id = created.redirect.split('/').at(-1)!;
    const p = `/admin/surveys/${id}`;
    const post = (action: string, fields: Record<string, string>, query = '') =>
      run(one[action], event(`${p}?/${action}${query}`, analyst, fields, { id }));
    const q = (qid: string, type: string, options: string) => ({
      section: '0',
      index: '',
      id: qid,
      type,
      text_nb: `Spørsmål ${qid}`,
      text_en: `Question ${qid}`,
      options
    });
    expect(await post('question', { ...q('sex', 'sex', ''), required: 'on' })).toEqual({ saved: true });
    expect(await post('question', q('trust', 'single', 'yes | Ja | Yes\nno | Nei | No'))).toEqual({ saved: true });
    const bad = await post('question', q('scale', 'likert', 'a | A | A\nb | B | B'));
    expect(isActionFailure(bad) && bad.status).toBe(400);
    expect(await post('move', { section: '0', index: '1', by: '-1' })).toEqual({ saved: true });
    let s = await getSurveyForStaff((await app()).db, analyst, id);
    expect(s.definition.sections[0].questions.map((x) => x.id)).toEqual(['trust', 'sex']);
    expect(await post('publish', {})).toEqual({ published: true });
    const wave = await post('wave', {
      name: '2027',
      opens_on: '2027-01-01',
      closes_on: '2026-12-31',
      method: 'online_panel',
      quotas: 'sex=female max=5'
    });
    expect(isActionFailure(wave) && wave.status).toBe(400);
    const badQuota = await post('wave', {
      name: '2027',
      opens_on: '2027-01-01',
      closes_on: '2027-12-31',
      method: 'online_panel',
      quotas: 'sex=x'
    });
    expect(isActionFailure(badQuota) && Object.keys((badQuota.data as unknown as { errors: object }).errors)).toEqual([
      'quotas'
    ]);
    expect(
      await post('wave', {
        name: '2027',
        opens_on: '2027-01-01',
        closes_on: '2027-12-31',
        method: 'online_panel',
        quotas: 'sex=female max=5'
      })
    ).toEqual({ saved: true });
    s = await getSurveyForStaff((await app()).db, analyst, id);
    expect(s.waves[0]).toMatchObject({ name: '2027', quotas: [{ sex: 'female', max: 5 }] });
    const link = (await post(
      'link',
      { source_code: 'skole', kind: 'panel', tokens: '3' },
      `&wave=${s.waves[0].id}`
    )) as {
      link: { tokens: string[] };
    };
    expect(link.link.tokens).toHaveLength(3);
    // Editing after publishing makes version 2 as a draft.
    expect(await post('remove', { section: '0', index: '0' })).toEqual({ saved: true });
    s = await getSurveyForStaff((await app()).db, analyst, id);
    expect(s).toMatchObject({ version: 2, draft: true, published_version: 1 });
    const page = (await run(loadOne, event(p, analyst, null, { id }))) as { preview: unknown[] };
    expect(page.preview).toHaveLength(1);
  });

  it('guards every load and action: no session → login, unknown survey → 404', async () => {
    expect(await run(one.publish, event('/admin/surveys/x?/publish', null, {}, { id: 'x' }))).toMatchObject({
      redirect: expect.stringContaining('/login')
    });
    expect(await run(loadOne, event('/admin/surveys/x', null, null, { id: 'x' }))).toMatchObject({
      redirect: expect.stringContaining('/login')
    });
    expect(await run(loadOne, event('/admin/surveys/x', analyst, null, { id: 'nope' }))).toEqual({ httpStatus: 404 });
    const r = await run(
      one.publish,
      event('/admin/surveys/nope?/publish', { ...analyst, roles: ['case_handler'], hasTotp: true }, {}, { id: 'nope' })
    );
    expect(r).toEqual({ httpStatus: 403 });
  });
});
