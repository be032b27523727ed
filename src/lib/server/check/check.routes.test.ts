import { isActionFailure } from '@sveltejs/kit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import { currentChecklist } from './checklists';
import type { TChecklist } from '../../check/checklist';

type THandler = (event: never) => Promise<Response>;
type TAction = (event: never) => Promise<unknown>;
const h: Record<string, THandler> = {};
let score: TAction;
let search: TAction;

function event(
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  params = {}
) {
  const url = new URL(`http://localhost${path}`);
  return {
    url,
    request: new Request(url, { method: init.method ?? 'GET', body: init.body, headers: init.headers }),
    locals: { locale: 'nb', requestId: 't' },
    params
  } as never;
}
const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  event('/api/v1/checks', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers });

const carWash = currentChecklist('car-wash') as TChecklist;
const safeAnswers = Object.fromEntries(carWash.questions.map((q) => [q.id, q.riskAnswer === 'yes' ? 'no' : 'yes']));

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  h.list = (await import('../../../routes/api/v1/checklists/+server')).GET as THandler;
  h.one = (await import('../../../routes/api/v1/checklists/[sector]/+server')).GET as THandler;
  h.check = (await import('../../../routes/api/v1/checks/+server')).POST as THandler;
  h.summary = (await import('../../../routes/api/v1/checks/summary/+server')).GET as THandler;
  h.openapi = (await import('../../../routes/api/v1/openapi.json/+server')).GET as THandler;
  const actions = (await import('../../../routes/check/[sector]/+page.server')).actions;
  score = actions.score as TAction;
  search = actions.search as TAction;
  await app();
});
afterAll(async () => (await app()).close());

describe('API', () => {
  it('lists the checklists and gives one whole, 404 for an unknown sector', async () => {
    const list = await (await h.list(event('/api/v1/checklists'))).json();
    expect(list.data).toHaveLength(7);
    expect(list.data[0]).toEqual({ id: 'car-wash', version: 1, kind: 'checklist', title: carWash.title });
    const one = await (await h.one(event('/api/v1/checklists/cleaning', {}, { sector: 'cleaning' }))).json();
    expect(one.questions.map((q: { id: string }) => q.id)).toContain('in-register');
    const missing = await h.one(event('/api/v1/checklists/spa?lang=en', {}, { sector: 'spa' }));
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toContain('car-wash');
    expect((await h.one(event('/api/v1/checklists/cleaning?version=7', {}, { sector: 'cleaning' }))).status).toBe(409);
  });

  it('POST /api/v1/checks scores and answers in the caller’s language on bad input', async () => {
    const ok = await h.check(
      post({ sector: 'car-wash', version: 1, answers: { ...safeAnswers, 'child-working': 'yes' } })
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ level: 'strong', stored: true, triggered: [{ id: 'child-working' }] });

    const demo = await (
      await h.check(post({ sector: 'car-wash', version: 1, answers: safeAnswers, demo: true }))
    ).json();
    expect(demo).toMatchObject({ level: 'low', stored: false });

    const unknownId = await h.check(post({ sector: 'car-wash', version: 1, answers: { ...safeAnswers, nope: 'yes' } }));
    expect(unknownId.status).toBe(400);
    expect((await unknownId.json()).fields).toEqual({ 'answers.nope': 'Spørsmålet finnes ikke i denne sjekklisten.' });

    const wrongValue = await h.check(
      post(
        { sector: 'car-wash', version: 1, answers: { ...safeAnswers, fearful: 'maybe' } },
        {
          'content-type': 'application/json',
          'accept-language': 'en'
        }
      )
    );
    expect(wrongValue.status).toBe(400);
    expect((await wrongValue.json()).fields['answers.fearful']).toBe("Answer yes, no or don't know.");

    const tooMany = Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`q${i}`, 'yes']));
    expect((await h.check(post({ sector: 'car-wash', version: 1, answers: tooMany }))).status).toBe(400);
    expect((await h.check(post({ sector: 'car-wash', version: 42, answers: safeAnswers }))).status).toBe(409);
    expect((await h.check(post({ sector: 'spa', version: 1, answers: {} }))).status).toBe(404);
    expect((await h.check(post({ sector: 'buying-sex', version: 1, answers: {} }))).status).toBe(400);
    expect((await h.check(post('{"sector":'))).status).toBe(400);
    expect((await h.check(post('x'.repeat(300_000)))).status).toBe(413);
    expect((await h.check(post('a=b', { 'content-type': 'application/x-www-form-urlencoded' }))).status).toBe(415);
  });

  it('never answers 5xx to random bodies (property)', async () => {
    const body = fc.oneof(
      fc.json(),
      fc
        .record({
          sector: fc.oneof(fc.constant('car-wash'), fc.string()),
          version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
          answers: fc.dictionary(
            fc.oneof(fc.constantFrom(...Object.keys(safeAnswers)), fc.string()),
            fc.oneof(fc.constantFrom('yes', 'no', 'unknown'), fc.anything())
          ),
          municipality: fc.option(fc.oneof(fc.constant('0301'), fc.string()), { nil: undefined }),
          demo: fc.constant(true)
        })
        .map((o) => JSON.stringify(o))
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await h.check(post(b));
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 }
    );
  });

  it('GET /api/v1/checks/summary is suppressed and validates its filter', async () => {
    const body = await (await h.summary(event('/api/v1/checks/summary?sector=car-wash'))).json();
    expect(body.total).toEqual({ count: null, suppressed: true, display: '<5' });
    const bad = await h.summary(event('/api/v1/checks/summary?from=2026-48&county=x'));
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fields).sort()).toEqual(['county', 'from']);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await (await h.openapi(event('/api/v1/openapi.json'))).json();
    expect(doc.paths['/api/v1/checklists'].get).toBeTruthy();
    expect(doc.paths['/api/v1/checklists/{sector}'].get).toBeTruthy();
    expect(doc.paths['/api/v1/checks'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CheckRequest'
    });
    expect(doc.paths['/api/v1/checks/summary'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'county',
      'from',
      'sector',
      'to'
    ]);
  });
});

describe('the /check form actions (the no-JavaScript path)', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const run = (action: TAction, sector: string, fields: Record<string, string>) => {
    const { event: e } = fakeActionEvent(`/check/${sector}`, form(fields), 'application/x-www-form-urlencoded');
    return action({ ...e, params: { sector } } as never);
  };
  const qFields = (answers: Record<string, string>) =>
    Object.fromEntries(Object.entries(answers).map(([k, v]) => [`q-${k}`, v]));

  it('scores a full form and returns the result with reasons and advice', async () => {
    const res = (await run(score, 'car-wash', {
      version: '1',
      municipality: '0301',
      ...qFields({ ...safeAnswers, cash: 'x', 'cash-only': 'yes', receipt: 'no' })
    })) as { result: { level: string; triggered: { text: string }[]; advice: { id: string }[]; stored: boolean } };
    expect(res.result.level).toBe('some');
    expect(res.result.stored).toBe(true);
    expect(res.result.triggered[0].text).toBe('Bare kontant betaling eller ingen kvittering');
    expect(res.result.advice.map((a) => a.id)).toContain('ask-receipt');
  });

  it('a missing answer gives the form again with that question marked and the other answers kept', async () => {
    const { fearful: _f, ...rest } = safeAnswers;
    void _f;
    const res = await run(score, 'car-wash', { version: '1', demo: 'on', ...qFields(rest) });
    expect(isActionFailure(res)).toBe(true);
    const data = res as { status: number; data: { errors: Record<string, string>; values: Record<string, string> } };
    expect(data.status).toBe(400);
    expect(data.data.errors).toEqual({ 'q-fearful': 'Svar ja, nei eller vet ikke.' });
    expect(data.data.values['q-no-ppe']).toBe(safeAnswers['no-ppe']);
    expect(data.data.values.demo).toBe('on');
  });

  it('checks an organisation number on the spot (MOD11) without storing it', async () => {
    const c = currentChecklist('construction')!;
    const safe = Object.fromEntries(c.questions.map((q) => [q.id, q.riskAnswer === 'yes' ? 'no' : 'yes']));
    const bad = await run(score, 'construction', {
      version: '1',
      demo: 'on',
      orgNumber: '123456789',
      ...qFields(safe)
    });
    expect((bad as { data: { errors: Record<string, string> } }).data.errors.orgNumber).toMatch(/kontrollsiffer/);
    const good = (await run(score, 'construction', {
      version: '1',
      demo: 'on',
      orgNumber: '974 760 673',
      ...qFields(safe)
    })) as { orgNumber: string };
    expect(good.orgNumber).toBe('974760673');
  });

  it('a stale version that is unknown asks to reload (409); a municipality not in the list is refused', async () => {
    const stale = await run(score, 'car-wash', { version: '9', ...qFields(safeAnswers) });
    expect((stale as { status: number }).status).toBe(409);
    const place = await run(score, 'car-wash', { version: '1', municipality: '9999', ...qFields(safeAnswers) });
    expect((place as { data: { errors: Record<string, string> } }).data.errors.municipality).toBeTruthy();
  });

  it('the municipality search narrows the list by name and keeps the answers', async () => {
    const res = (await run(search, 'car-wash', { municipalitySearch: 'bergen', 'q-fearful': 'yes' })) as {
      search: { q: string; matches: string[] };
      values: Record<string, string>;
    };
    expect(res.search.matches).toEqual(['4601']);
    expect(res.values['q-fearful']).toBe('yes');
  });
});

describe('the staff page /admin/checks', () => {
  type TLoad = (event: never) => Promise<Record<string, unknown>>;
  const staff = (roles: string[]) => ({
    id: 'u1',
    email: 'a@example.org',
    displayName: 'A',
    roles,
    memberships: [],
    hasTotp: true
  });
  const load = async (user: unknown, query = '') => {
    const mod = await import('../../../routes/(staff)/admin/checks/+page.server');
    const url = new URL(`http://localhost/admin/checks${query}`);
    return (mod.load as unknown as TLoad)({ url, locals: { locale: 'nb', user, requestId: 't' } } as never);
  };
  const statusOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return 200;
    } catch (e) {
      return (e as { status: number }).status;
    }
  };

  it('shows analysts exact counts, checklist versions and letter counts', async () => {
    const data = (await load(staff(['analyst']), '?sector=car-wash')) as {
      summary: { total: { count: number; suppressed: boolean } };
      versions: { sector: string }[];
      errors: Record<string, string>;
    };
    expect(data.summary.total.suppressed).toBe(false);
    expect(data.summary.total.count).toBeGreaterThan(0);
    expect(data.versions.map((v) => v.sector)).toContain('buying-sex');
    expect(data.errors).toEqual({});
  });

  it('explains a bad filter, and refuses case handlers (403) and visitors (to login)', async () => {
    const data = (await load(staff(['editor']), '?from=last-week')) as { errors: Record<string, string> };
    expect(data.errors.from).toBe('Skriv en ISO-uke, for eksempel 2026-W48.');
    expect(await statusOf(load(staff(['case_handler'])))).toBe(403);
    expect(await statusOf(load(null))).toBe(303);
  });
});
