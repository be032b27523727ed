import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TRole, TSessionUser } from '../auth/auth.types';
import { fakeActionEvent } from '../testing/fake-event';
import { ZPlannerForm } from '../../schemas/campaigns';
import { planCampaign } from './planner.service';

type THandler = (event: never) => Promise<unknown>;
let action: THandler;
let load: THandler;

beforeAll(async () => {
  const route = await import('../../../routes/(staff)/admin/campaigns/planner/+page.server');
  action = (route.actions as Record<string, THandler>).default;
  load = route.load as unknown as THandler;
});

const user = (roles: TRole[]): TSessionUser => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: 'staff@example.org',
  displayName: 'Staff',
  roles,
  memberships: roles.map((role) => ({ organisationId: '00000000-0000-4000-8000-000000000002', role })),
  hasTotp: true
});

const body = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const plan = {
  level: '14',
  nBefore: '1 000',
  nAfter: '1000',
  shareExposed: '30',
  deff: '1,5',
  hopedChange: '2'
};

function post(fields: Record<string, string>, roles: TRole[] | null = ['analyst'], path = '/admin/campaigns/planner') {
  const { event } = fakeActionEvent(path, body(fields), 'application/x-www-form-urlencoded', {
    user: roles ? user(roles) : null,
    locale: path.startsWith('/en/') ? 'en' : 'nb'
  });
  return action(event as never);
}

async function thrown(f: () => Promise<unknown>): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('evaluation planner', () => {
  it('reads Norwegian decimals and spaces in numbers', () => {
    expect(ZPlannerForm.parse(plan)).toEqual({
      level: 14,
      nBefore: 1000,
      nAfter: 1000,
      shareExposed: 30,
      deff: 1.5,
      hopedChange: 2
    });
  });

  it('warns that 1,000 per wave cannot detect +2 points, and says what is needed (7,504 per wave at deff 1.5)', async () => {
    const r = (await post(plan)) as { result: ReturnType<typeof planCampaign> };
    expect(r.result.underpowered).toEqual(['before_after', 'exposed', 'did']);
    const ba = r.result.designs.find((d) => d.design === 'before_after')!;
    expect(ba.needed).toBe(7504);
    expect(Math.round(ba.mde! * 1000) / 10).toBe(5.7);
  });

  it('says a plan is enough when it is (+20 points with 2,000 per wave)', async () => {
    const r = (await post({ ...plan, nBefore: '2000', nAfter: '2000', hopedChange: '20' })) as {
      result: ReturnType<typeof planCampaign>;
    };
    expect(r.result.underpowered).toEqual([]);
  });

  it('answers bad input with 400 and a message per field in the user’s language', async () => {
    const r = await post({ ...plan, level: '140', nBefore: 'tusen', shareExposed: '', deff: '0', hopedChange: '2' });
    expect(isActionFailure(r)).toBe(true);
    const f = r as { status: number; data: { errors: Record<string, string> } };
    expect(f.status).toBe(400);
    expect(f.data.errors).toEqual({
      level: 'Skriv et tall mellom 0,1 og 99,9.',
      nBefore: 'Skriv et helt tall mellom 20 og 10 000 000.',
      shareExposed: 'Fyll ut dette feltet.',
      deff: 'Skriv et tall mellom 0,5 og 10.'
    });
    const en = (await post({ ...plan, level: '90', hopedChange: '15' }, ['editor'], '/en/admin/campaigns/planner')) as {
      data: { errors: Record<string, string> };
    };
    expect(en.data.errors).toEqual({ hopedChange: 'The level plus the change must be below 100%.' });
  });

  it('is for analysts and editors: others get 403, visitors are sent to log in (load and action)', async () => {
    expect(isHttpError(await thrown(() => post(plan, ['case_handler'])), 403)).toBe(true);
    expect(isRedirect(await thrown(() => post(plan, null)))).toBe(true);
    const { event } = fakeActionEvent('/admin/campaigns/planner', null, null, { user: user(['admin']) });
    expect(isHttpError(await thrown(() => load(event as never)), 403)).toBe(true);
  });
});

describe('POST /api/v1/campaigns/plan', () => {
  let POST: THandler;
  beforeAll(async () => {
    POST = (await import('../../../routes/api/v1/campaigns/plan/+server')).POST as unknown as THandler;
  });

  function call(body: unknown, lang = 'nb', contentType = 'application/json') {
    const url = new URL(`http://localhost/api/v1/campaigns/plan?lang=${lang}`);
    const request = new Request(url, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': contentType }
    });
    return POST({ url, request, locals: { locale: 'nb', user: null } } as never) as Promise<Response>;
  }
  const ok = { level: 0.14, n_before: 1000, n_after: 1000, share_exposed: 0.3, deff: 1.5, hoped_change: 0.02 };

  it('computes the plan with a plain warning', async () => {
    const res = await call(ok, 'en');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { designs: { design: string; needed: number }[]; warning: string };
    expect(body.designs.map((d) => d.design)).toEqual(['before_after', 'exposed', 'did']);
    expect(body.designs[0].needed).toBe(7504);
    expect(body.warning).toMatch(/^The plan cannot detect the hoped-for change with: Before and after/);
  });

  it('answers bad input with 400 and a message per field, never 500', async () => {
    const res = await call({ ...ok, level: 1.4, n_before: 10.5, share_exposed: '0.3', extra: 1 });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Record<string, string> };
    expect(body.fields.level).toBe('Skriv en andel mellom 0,001 og 0,999 (0,14 = 14 %).');
    expect(body.fields.n_before).toBe('Skriv et helt tall mellom 20 og 10 000 000.');
    expect(body.fields.share_exposed).toBe('Skriv en andel mellom 0,01 og 0,99 (0,3 = 30 %).');
    expect((await call({ ...ok, level: 0.95, hoped_change: 0.06 })).status).toBe(400);
    expect((await call('{"level":')).status).toBe(400);
    expect((await call(ok, 'nb', 'text/plain')).status).toBe(415);
  });
});
