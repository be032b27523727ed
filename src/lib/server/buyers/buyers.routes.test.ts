import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../api/openapi';
import { fakeActionEvent } from '../testing/fake-event';

/** The public Buyers page, its CSV and its API: computed answers, nothing stored. */
type THandler = (event: never) => Promise<unknown>;
let actions: Record<string, THandler>;
let csvPost: THandler;
let rulesPost: THandler;
let scopePost: THandler;

beforeAll(async () => {
  actions = (await import('../../../routes/buyers/+page.server')).actions as Record<string, THandler>;
  csvPost = (await import('../../../routes/buyers/plan.csv/+server')).POST as THandler;
  rulesPost = (await import('../../../routes/api/v1/buyers/rules/+server')).POST as THandler;
  scopePost = (await import('../../../routes/api/v1/buyers/transparency-scope/+server')).POST as THandler;
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formEvent = (fields: Record<string, string>, locale: 'nb' | 'en' = 'nb') =>
  fakeActionEvent('/buyers', form(fields), 'application/x-www-form-urlencoded', { locale }).event as never;

function apiEvent(
  path: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' }
) {
  const url = new URL(`http://localhost${path}`);
  return {
    url,
    request: new Request(url, { method: 'POST', body, headers }),
    locals: { requestId: 't', locale: 'nb', user: null, sessionId: null },
    params: {}
  } as never;
}

const cleaning = { buyerType: 'municipal', sector: 'cleaning', contractType: 'service' };

describe('/buyers ?/rules', () => {
  it('a municipality’s cleaning contract of "2,5 mill." gets the regulation with its threshold and a plan', async () => {
    const r = (await actions.rules(
      formEvent({ ...cleaning, value: '2,5 mill.', supplierOrgNumber: '974 760 673' })
    )) as {
      rules: { input: { value: number }; rules: { id: string; applies: boolean; threshold: number | null }[] };
      orgNumber: string;
    };
    expect(r.rules.input.value).toBe(2_500_000);
    expect(r.rules.rules.find((x) => x.id === 'pay-conditions')).toMatchObject({ applies: true, threshold: 2_050_000 });
    expect(r.rules.rules.find((x) => x.id === 'cleaning-register')?.applies).toBe(true);
    expect(r.orgNumber).toBe('974760673');
  });

  it('answers in English on /en', async () => {
    const r = (await actions.rules(formEvent({ ...cleaning, value: '3000000' }, 'en'))) as {
      rules: { rules: { title: string }[]; plan: { items: { title: string }[] }[] };
    };
    expect(r.rules.rules[0].title).toBe('Pay and working conditions in public contracts');
    expect(r.rules.plan[2].items.map((i) => i.title)).toContain('Check time sheets and pay slips');
  });

  it('refuses a negative value, a value in words, an unknown sector and a bad organisation number, per field', async () => {
    const r = await actions.rules(
      formEvent({
        buyerType: 'municipal',
        sector: 'fishing',
        contractType: 'service',
        value: '-5',
        supplierOrgNumber: '123'
      })
    );
    expect(isActionFailure(r)).toBe(true);
    const data = (r as { status: number; data: { errors: Record<string, string> } }).data;
    expect((r as { status: number }).status).toBe(400);
    expect(data.errors).toEqual({
      sector: 'Velg en bransje fra listen.',
      value: 'Beløpet kan ikke være negativt.',
      supplierOrgNumber: 'Organisasjonsnummeret må ha ni sifre og et gyldig kontrollsiffer.'
    });
    const words = await actions.rules(formEvent({ ...cleaning, value: 'to millioner' }, 'en'));
    expect((words as { data: { errors: Record<string, string> } }).data.errors).toEqual({
      value: 'Enter an amount in NOK, for example 2 500 000 or 2,5 mill.'
    });
  });
});

describe('/buyers ?/scope', () => {
  it('a company over two limits is covered, with what that gives the buyer', async () => {
    const r = (await actions.scope(formEvent({ revenue: '85 mill.', balance: '20 000 000', employees: '60' }))) as {
      scope: { covered: boolean; exceededCount: number; explanation: string };
    };
    expect(r.scope).toMatchObject({ covered: true, exceededCount: 2 });
    expect(r.scope.explanation).toContain('redegjørelse');
  });

  it('refuses empty and non-numeric figures', async () => {
    const r = await actions.scope(formEvent({ revenue: '', balance: 'mye', employees: '12' }));
    expect(isActionFailure(r)).toBe(true);
    expect(Object.keys((r as { data: { errors: object } }).data.errors).sort()).toEqual(['balance', 'revenue']);
  });
});

describe('/buyers/plan.csv', () => {
  it('is the plan as CSV, one row per item, with sources', async () => {
    const { event } = fakeActionEvent(
      '/buyers/plan.csv',
      form({ ...cleaning, value: '2500000' }),
      'application/x-www-form-urlencoded'
    );
    const res = (await csvPost(event as never)) as Response;
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Trinn,Tiltak,Krav eller anbefalt,Hvorfor,Slik gjør du det,Kilder');
    expect(lines.some((l) => l.startsWith('1. Før konkurransen,Kontraktsklausul: sanksjoner,Krav,'))).toBe(true);
    expect(lines.some((l) => l.includes('renholdsregisteret'))).toBe(true);
  });

  it('answers bad input with 400, not 500', async () => {
    const { event } = fakeActionEvent(
      '/buyers/plan.csv',
      form({ ...cleaning, value: 'x' }),
      'application/x-www-form-urlencoded'
    );
    try {
      await csvPost(event as never);
      expect.unreachable();
    } catch (e) {
      expect(isHttpError(e) && e.status).toBe(400);
    }
  });
});

describe('API', () => {
  it('POST /api/v1/buyers/rules takes numbers or Norwegian text', async () => {
    for (const value of [2_050_000, '2 050 000', 'kr 2,05 mill.']) {
      const res = (await rulesPost(
        apiEvent('/api/v1/buyers/rules', JSON.stringify({ ...cleaning, value }))
      )) as Response;
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.input.value).toBe(2_050_000);
      expect(body.rules[0]).toMatchObject({ id: 'pay-conditions', applies: true, uncertain: true });
      expect(body.rules[0].sources[0].url).toMatch(/^https:\/\/anskaffelser\.no\//);
      expect(body.warningSigns.checklistId).toBe('cleaning');
    }
  });

  it('POST /api/v1/buyers/rules explains bad fields in the caller’s language, never a 500', async () => {
    const res = (await rulesPost(
      apiEvent(
        '/api/v1/buyers/rules?lang=en',
        JSON.stringify({ buyerType: 'x', sector: 'cleaning', contractType: 'goods', value: -1 })
      )
    )) as Response;
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      message: 'The form has errors. Please correct the marked fields.',
      code: 'validation',
      fields: { buyerType: 'Choose who is buying.', value: 'The amount cannot be negative.' }
    });
    const notJson = (await rulesPost(
      apiEvent('/api/v1/buyers/rules', '{', { 'content-type': 'application/json' })
    )) as Response;
    expect(notJson.status).toBe(400);
    const wrongType = (await rulesPost(
      apiEvent('/api/v1/buyers/rules', 'a=b', { 'content-type': 'text/plain' })
    )) as Response;
    expect(wrongType.status).toBe(415);
  });

  it('POST /api/v1/buyers/transparency-scope keeps decimals of full-time equivalents', async () => {
    const res = (await scopePost(
      apiEvent(
        '/api/v1/buyers/transparency-scope',
        JSON.stringify({ revenue: 71_000_000, balance: 1, employees: '50,4' })
      )
    )) as Response;
    expect(await res.json()).toMatchObject({
      covered: true,
      exceeded: { revenue: true, balance: false, employees: true }
    });
  });

  it('both operations are in the OpenAPI document', () => {
    const doc = buildOpenApi('0.0.0') as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/api/v1/buyers/rules'].post).toBeTruthy();
    expect(doc.paths['/api/v1/buyers/transparency-scope'].post).toBeTruthy();
  });
});
