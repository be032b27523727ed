import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { fakeActionEvent } from '../testing/fake-event';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { freshDatabaseUrl } from '../testing/test-app';
import { getMeasure, getPlan } from './actionplan.service';

type TAction = (event: never) => Promise<unknown>;
let admin: TSessionUser;
let analyst: TSessionUser;
let create: TAction;
let update: TAction;
let assess: TAction;
let assessRec: TAction;

const form = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  create = (await import('../../../routes/(staff)/admin/action-plan/[plan]/+page.server')).actions.create as TAction;
  const edit = (await import('../../../routes/(staff)/admin/action-plan/measures/[id]/+page.server')).actions;
  update = edit.update as TAction;
  assess = edit.assess as TAction;
  assessRec = (await import('../../../routes/(staff)/admin/action-plan/greta/[code]/+page.server')).actions
    .assess as TAction;
  ({ admin } = await setUpAdmin(await app()));
  analyst = await createStaffUser(await app(), admin, 'analyst');
});
afterAll(async () => (await app()).close());

async function call(
  action: TAction,
  path: string,
  body: Record<string, string>,
  params: Record<string, string>,
  locals: Partial<App.Locals> = { user: admin }
) {
  const { event } = fakeActionEvent(path, new URLSearchParams(body).toString(), form, locals);
  try {
    return await action({ ...event, params } as never);
  } catch (e) {
    return e;
  }
}

async function measureCount() {
  const db = (await app()).db;
  const r = await db
    .selectFrom('ap_measure')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n);
}

describe('entering a measure through the staff form', () => {
  it('refuses a deadline before the plan and a budget that is not a number, per field, in bokmål — storing nothing', async () => {
    const before = await measureCount();
    const r = await call(
      create,
      '/admin/action-plan/2016',
      { title: 'Tiltak', chainLink: 'prevention', deadline: '2015-05-01', budgetNok: '' },
      { plan: '2016' }
    );
    expect(isActionFailure(r) && r.status).toBe(400);
    expect((r as { data: { errors: Record<string, string> } }).data.errors).toEqual({
      deadline: 'Fristen kan ikke være før planen starter.'
    });
    const bad = await call(
      create,
      '/en/admin/action-plan/2016',
      { title: 'Tiltak', chainLink: 'prevention', budgetNok: 'a lot', status: 'x' },
      { plan: '2016' },
      { user: admin, locale: 'en' }
    );
    expect((bad as { data: { errors: Record<string, string> } }).data.errors.budgetNok).toBe(
      'The budget must be a whole number of kroner, for example 7 000 000.'
    );
    expect(await measureCount()).toBe(before);
  });

  it('saves a good measure and redirects to it; an assessment then sets its status', async () => {
    const r = await call(
      create,
      '/admin/action-plan/2025-2030',
      {
        number: '14',
        title: 'Styrket innsats i politiet',
        chainLink: 'intelligence',
        deadline: '2030-12-31',
        sdg_16_2: 'on'
      },
      { plan: '2025-2030' }
    );
    expect(isRedirect(r) && r.status).toBe(303);
    const id = (r as { location: string }).location.match(/measures\/([0-9a-f-]{36})/)![1];
    const refused = await call(
      assess,
      `/admin/action-plan/measures/${id}`,
      { form: 'assess', status: 'in_progress', assessedOn: '2026-01-10', assessedBy: 'Politidirektoratet' },
      { id }
    );
    expect((refused as { data: { errors: Record<string, string> } }).data.errors.evidenceUrl).toBe(
      'Oppgi en lenke til dokumentasjon eller et sitat.'
    );
    const ok = await call(
      assess,
      `/admin/action-plan/measures/${id}`,
      {
        status: 'in_progress',
        assessedOn: '2026-01-10',
        assessedBy: 'Politidirektoratet',
        evidenceQuote: 'Arbeidet er i gang.'
      },
      { id }
    );
    expect(ok).toEqual({ assessed: true });
    const detail = await getMeasure((await app()).db, id);
    expect(detail.measure.status).toBe('in_progress');
    expect(detail.measure.sdgTargets).toEqual(['16.2']);
    const upd = await call(
      update,
      `/admin/action-plan/measures/${id}`,
      { number: '14', title: 'Styrket innsats i politiet', chainLink: 'intelligence', deadline: '' },
      { id }
    );
    expect(upd).toEqual({ saved: true });
    const { plan } = await getPlan((await app()).db, '2025-2030');
    expect(plan.scorecard).toMatchObject({ entered: 1, noDeadline: 1, notEntered: false });
  });

  it('an analyst is refused with 403, and a visitor is sent to log in', async () => {
    const r = await call(
      create,
      '/admin/action-plan/2016',
      { title: 'x', chainLink: 'prevention' },
      { plan: '2016' },
      {
        user: analyst
      }
    );
    expect(isHttpError(r) && r.status).toBe(403);
    const anon = await call(
      create,
      '/admin/action-plan/2016',
      { title: 'x', chainLink: 'prevention' },
      { plan: '2016' },
      {
        user: null
      }
    );
    expect(isRedirect(anon) && anon.location).toMatch(/\/login\?next=/);
  });

  it('an editor assesses a GRETA recommendation; an unknown one answers 404', async () => {
    const ok = await call(
      assessRec,
      '/admin/action-plan/greta/R2-1',
      { assessment: 'partly', evidence: 'Se tiltak 14.', theme: 'Identifisering og henvisning av ofre' },
      { code: 'R2-1' }
    );
    expect(ok).toEqual({ saved: true });
    const missing = await call(
      assessRec,
      '/admin/action-plan/greta/X',
      { assessment: 'partly', evidence: '', theme: '' },
      { code: 'X' }
    );
    expect(isActionFailure(missing) && missing.status).toBe(404);
  });

  it('answers any body with a redirect or a 4xx, never a crash (property)', async () => {
    const key = fc.constantFrom('title', 'chainLink', 'deadline', 'budgetNok', 'number', 'partId', 'sourceUrl', 'x');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, fc.string({ maxLength: 60 })), async (d) => {
        const r = await call(create, '/admin/action-plan/2011-2014', d, { plan: '2011-2014' });
        if (isActionFailure(r)) expect(r.status).toBeLessThan(500);
        else expect(isRedirect(r)).toBe(true);
      }),
      { numRuns: 40 }
    );
  });
});
