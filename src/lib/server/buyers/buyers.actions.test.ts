import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../admin/admin.service';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';

/** The staff plan pages, the supplier's link and the plans API, called as the routes are. */
type THandler = (event: never) => Promise<unknown>;
let listActions: Record<string, THandler>;
let planActions: Record<string, THandler>;
let planLoad: THandler;
let supplierActions: Record<string, THandler>;
let supplierLoad: THandler;
let plansGet: THandler;
let planGet: THandler;
let summaryGet: THandler;
let buyerA: TSessionUser;
let buyerB: TSessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  listActions = (await import('../../../routes/(staff)/admin/buyers/+page.server')).actions as Record<string, THandler>;
  const plan = await import('../../../routes/(staff)/admin/buyers/[id]/+page.server');
  planActions = plan.actions as Record<string, THandler>;
  planLoad = plan.load as THandler;
  const supplier = await import('../../../routes/buyers/supplier/[token]/+page.server');
  supplierActions = supplier.actions as Record<string, THandler>;
  supplierLoad = supplier.load as THandler;
  plansGet = (await import('../../../routes/api/v1/buyers/plans/+server')).GET as THandler;
  planGet = (await import('../../../routes/api/v1/buyers/plans/[id]/+server')).GET as THandler;
  summaryGet = (await import('../../../routes/api/v1/buyers/summary/+server')).GET as THandler;
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  const a = await createOrganisation(ctx.db, admin, { name: 'Testvik kommune', kind: 'municipality', orgNumber: '' });
  const b = await createOrganisation(ctx.db, admin, { name: 'Annen kommune', kind: 'municipality', orgNumber: '' });
  buyerA = { ...admin, roles: ['editor'], memberships: [{ organisationId: a.id, role: 'editor' }] };
  buyerB = { ...admin, roles: ['editor'], memberships: [{ organisationId: b.id, role: 'editor' }] };
});
afterAll(async () => (await app()).close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
function post(
  path: string,
  fields: Record<string, string>,
  user: TSessionUser | null,
  params: Record<string, string> = {}
) {
  const { event } = fakeActionEvent(path, form(fields), 'application/x-www-form-urlencoded', { user });
  return { ...event, params, setHeaders: () => undefined } as never;
}
function get(path: string, user: TSessionUser | null, params: Record<string, string> = {}) {
  const url = new URL(`http://localhost${path}`);
  return {
    url,
    params,
    request: new Request(url),
    setHeaders: () => undefined,
    locals: { requestId: 't', locale: 'nb', user, sessionId: null }
  } as never;
}

async function redirectOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isRedirect(e)) return e.location;
    throw e;
  }
  throw new Error('expected a redirect');
}

let planId = '';
let supplierLink = '';

describe('staff: plans, checks and links', () => {
  it('creates a plan and redirects to it', async () => {
    const location = await redirectOf(
      listActions.create(
        post(
          '/admin/buyers',
          {
            organisationId: buyerA.memberships[0].organisationId,
            title: 'Renhold skoler',
            buyerType: 'municipal',
            sector: 'cleaning',
            contractType: 'service',
            value: '2 500 000 kr',
            supplierName: 'Rent AS',
            supplierOrgNumber: ''
          },
          buyerA
        )
      )
    );
    planId = location.match(/\/admin\/buyers\/([0-9a-f-]{36})\?created=1$/)?.[1] ?? '';
    expect(planId).not.toBe('');
  });

  it('refuses a plan without a name or with "mill" alone, storing nothing', async () => {
    const r = await listActions.create(
      post(
        '/admin/buyers',
        {
          organisationId: buyerA.memberships[0].organisationId,
          title: '',
          buyerType: 'municipal',
          sector: 'cleaning',
          contractType: 'service',
          value: 'mill.',
          supplierName: 'X'
        },
        buyerA
      )
    );
    expect(isActionFailure(r)).toBe(true);
    expect(Object.keys((r as { data: { errors: object } }).data.errors).sort()).toEqual(['title', 'value']);
    const list = ((await await plansGet(get('/api/v1/buyers/plans', buyerA))) as Response).json();
    expect((await list).data).toHaveLength(1);
  });

  it('schedules and records a check; a bad date is refused', async () => {
    const bad = await planActions.schedule(
      post(`/admin/buyers/${planId}`, { kind: 'id-cards', dueOn: '2027-02-30' }, buyerA, { id: planId })
    );
    expect(
      isActionFailure(bad) && (bad as unknown as { data: { errors: Record<string, string> } }).data.errors.dueOn
    ).toBe('Skriv en gyldig dato (ÅÅÅÅ-MM-DD).');
    await planActions.schedule(
      post(`/admin/buyers/${planId}`, { kind: 'id-cards', dueOn: '2027-02-20' }, buyerA, { id: planId })
    );
    const page = (await planLoad(get(`/admin/buyers/${planId}`, buyerA, { id: planId }))) as {
      checks: { id: string }[];
      view: { rules: { id: string; applies: boolean }[] };
    };
    expect(page.checks).toHaveLength(1);
    expect(page.view.rules.find((r) => r.id === 'cleaning-register')?.applies).toBe(true);
    const r = await planActions.record(
      post(
        `/admin/buyers/${planId}`,
        {
          checkId: page.checks[0].id,
          outcome: 'finding',
          findingType: 'cash_wages',
          note: 'Lønnsslipper viser kontant.'
        },
        buyerA,
        { id: planId }
      )
    );
    expect(r).toEqual({ recorded: page.checks[0].id });
  });

  it('another organisation’s member gets 404 on the page and the API, and cannot act on the plan', async () => {
    try {
      await planLoad(get(`/admin/buyers/${planId}`, buyerB, { id: planId }));
      expect.unreachable();
    } catch (e) {
      expect(isHttpError(e) && e.status).toBe(404);
    }
    const res = (await planGet(get(`/api/v1/buyers/plans/${planId}`, buyerB, { id: planId }))) as Response;
    expect(res.status).toBe(404);
    const act = await planActions.assess(post(`/admin/buyers/${planId}`, {}, buyerB, { id: planId }));
    expect(isActionFailure(act) && (act as { status: number }).status).toBe(404);
    const anon = (await plansGet(get('/api/v1/buyers/plans', null))) as Response;
    expect(anon.status).toBe(401);
  });

  it('the API gives the own plan with its checks', async () => {
    const res = (await planGet(get(`/api/v1/buyers/plans/${planId}`, buyerA, { id: planId }))) as Response;
    const body = await res.json();
    expect(body.data).toMatchObject({ title: 'Renhold skoler', value: 2_500_000, sector: 'cleaning' });
    expect(body.data.checks[0]).toMatchObject({ outcome: 'finding', findingType: 'cash_wages' });
  });

  it('makes a one-time link for the supplier', async () => {
    const r = (await planActions.assess(post(`/admin/buyers/${planId}`, {}, buyerA, { id: planId }))) as {
      link: string;
    };
    expect(r.link).toMatch(/^http:\/\/localhost\/buyers\/supplier\/[A-Za-z0-9_-]{43}$/);
    supplierLink = r.link;
  });
});

describe('the supplier’s link', () => {
  const answers = {
    workers: '8',
    subcontractorTiers: '1',
    payMethod: 'cash',
    tariffPay: 'yes',
    pension: 'yes',
    hmsCards: 'some',
    housing: 'none',
    recruitmentFees: 'no',
    ownDocuments: 'yes',
    comment: ''
  };

  it('opens without an account and names the buyer and contract', async () => {
    const token = supplierLink.split('/').at(-1) as string;
    const data = (await supplierLoad(get(`/buyers/supplier/${token}`, null, { token }))) as {
      assessment: { buyerName: string; contractTitle: string };
    };
    expect(data.assessment).toMatchObject({ buyerName: 'Testvik kommune', contractTitle: 'Renhold skoler' });
  });

  it('refuses missing answers, takes complete ones once, and refuses a second sending', async () => {
    const token = supplierLink.split('/').at(-1) as string;
    const missing = await supplierActions.default(
      post(`/buyers/supplier/${token}`, { ...answers, payMethod: '' }, null, { token })
    );
    expect(isActionFailure(missing) && (missing as { status: number }).status).toBe(400);
    expect(await supplierActions.default(post(`/buyers/supplier/${token}`, answers, null, { token }))).toEqual({
      sent: true
    });
    const again = await supplierActions.default(post(`/buyers/supplier/${token}`, answers, null, { token }));
    expect(
      isActionFailure(again) && (again as unknown as { status: number; data: { message: string } }).data.message
    ).toBe('Denne lenken er allerede brukt, og svarene er sendt. Den kan bare brukes én gang.');
    // After its own post the page shows the thanks (load gives no form), not an error page.
    const after = await supplierLoad({
      ...(post(`/buyers/supplier/${token}`, {}, null, { token }) as object)
    } as never);
    expect(after).toEqual({ assessment: null });
    const page = (await planLoad(get(`/admin/buyers/${planId}`, buyerA, { id: planId }))) as {
      assessments: { status: string; flags: { id: string }[] }[];
    };
    expect(page.assessments[0].status).toBe('answered');
    expect(page.assessments[0].flags.map((f) => f.id)).toEqual(['cash-wages', 'hms-cards-missing']);
  });

  it('an unknown link is 404', async () => {
    try {
      await supplierLoad(get('/buyers/supplier/x', null, { token: 'x' }));
      expect.unreachable();
    } catch (e) {
      expect(isHttpError(e) && e.status).toBe(404);
    }
  });
});

describe('the public summary', () => {
  it('shows counts under 5 suppressed', async () => {
    const body = await ((await summaryGet(get('/api/v1/buyers/summary', null))) as Response).json();
    expect(body.plansBySector).toEqual([{ sector: 'cleaning', plans: { suppressed: true, count: null, lessThan: 5 } }]);
    expect(body.checksRecorded).toEqual({ suppressed: true, count: null, lessThan: 5 });
  });
});
