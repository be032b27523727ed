import { isActionFailure } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { buildOpenApi } from '../api/openapi';
import { setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import { addRule, followUpReport } from './report.service';
import { createCaseHandler, createTestOrganisation, signIn } from './report.testing';

type THandler = (event: never) => Promise<unknown>;
let post: THandler;
let actions: Record<string, THandler>;
let admin: TSessionUser;

const valid = {
  kind: 'labour_exploitation',
  indicators: ['fearful-workers', 'no-hms-card'],
  text: 'Workers sleep at the site',
  municipality: '0301',
  place: '',
  identity: 'anonymous',
  contact: ''
};

async function send(body: unknown, contentType = 'application/json'): Promise<Response> {
  const { event } = fakeActionEvent(
    '/api/v1/reports',
    typeof body === 'string' ? body : JSON.stringify(body),
    contentType
  );
  return (await post(event as never)) as Response;
}

async function reports(): Promise<number> {
  const r = await (
    await app()
  ).db
    .selectFrom('report')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  process.env.REPORT_SUBMITS_PER_HOUR = '2';
  post = (await import('../../../routes/api/v1/reports/+server')).POST as THandler;
  actions = (await import('../../../routes/report/+page.server')).actions as Record<string, THandler>;
  ({ admin } = await setUpAdmin(await app()));
});
afterAll(async () => {
  delete process.env.REPORT_SUBMITS_PER_HOUR;
  await (await app()).close();
});

describe('POST /api/v1/reports', () => {
  it('is in the OpenAPI document with a valid example', () => {
    const op = (buildOpenApi('test') as { paths: Record<string, { post?: { requestBody?: unknown } }> }).paths[
      '/api/v1/reports'
    ]?.post;
    expect(op?.requestBody).toBeDefined();
  });

  it('with nobody to receive it: 200, accepted false, nothing stored', async () => {
    const res = await send(valid);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: false, organisations: [] });
    expect(await reports()).toBe(0);
  });

  it('refuses bad input with a message per field in the caller’s language, storing nothing', async () => {
    const cases: [unknown, string][] = [
      [{ ...valid, kind: 'x' }, 'kind'],
      [{ ...valid, municipality: '12' }, 'municipality'],
      [{ ...valid, text: 'x'.repeat(5001) }, 'text'],
      [{ ...valid, identity: 'contact', contact: '' }, 'contact'],
      [{ ...valid, indicators: ['NOT A SLUG'] }, 'indicators.0'],
      [{ ...valid, homepage: 'bot' }, '_']
    ];
    for (const [body, field] of cases) {
      const res = await send(body);
      expect(res.status, field).toBe(400);
      const json = (await res.json()) as { message: string; fields: Record<string, string> };
      expect(Object.keys(json.fields), field).toContain(field);
    }
    // A warning sign that no checklist has is refused before routing.
    expect((await send({ ...valid, indicators: ['not-a-sign'] })).status).toBe(400);
    expect((await send('{', 'application/json')).status).toBe(400);
    expect((await send(valid, 'text/plain')).status).toBe(415);
    expect(await reports()).toBe(0);
  });

  it('accepted: 202 with the receipt once, never cached; the receipt opens the follow-up', async () => {
    const ctx = await app();
    const org = await createTestOrganisation(ctx, admin, 'API receiver');
    const handler = await createCaseHandler(ctx, admin, org);
    await signIn(ctx, handler.id);
    await addRule(ctx.db, admin, { kind: 'labour_exploitation', scope: 'national', area: '', organisationId: org });

    const bad = await send({ ...valid, indicators: ['not-a-sign'] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: Record<string, string> }).fields.indicators).toBeTruthy();

    const res = await send(valid);
    expect(res.status).toBe(202);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { accepted: boolean; receipt: string; organisations: { name: string }[] };
    expect(body.accepted).toBe(true);
    expect(body.receipt).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(body.organisations.map((o) => o.name)).toEqual(['API receiver']);
    expect((await followUpReport({ db: ctx.db }, body.receipt)).status).toBe('new');
    expect(await reports()).toBe(1);
  });

  it('is rate limited per client together with the form: 429 with a message, nothing stored', async () => {
    expect((await send(valid)).status).toBe(202); // the second of REPORT_SUBMITS_PER_HOUR=2
    const res = await send(valid);
    expect(res.status).toBe(429);
    expect(((await res.json()) as { message: string }).message).toMatch(/Vent \d+ minutter/);
    const form = new URLSearchParams({ ...valid, indicators: valid.indicators.join(','), homepage: '' });
    const { event } = fakeActionEvent('/report?/send', form.toString(), 'application/x-www-form-urlencoded');
    const out = await actions.send(event as never);
    expect(isActionFailure(out) && out.status).toBe(429);
    expect(await reports()).toBe(2);
  });
});
