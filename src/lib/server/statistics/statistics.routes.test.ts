import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import { buildOpenApi } from '../api/openapi';
import { getSeries } from './statistics.service';

type THandler = (event: never) => Promise<unknown>;
let actions: Record<string, THandler>;
let valuesGet: THandler;
let indicatorsGet: THandler;
let csvGet: THandler;
let jsonStatGet: THandler;
let embedGet: THandler;
let admin: TSessionUser;

const fixture = readFileSync(new URL('./fixtures/ssb-police-reports.jsonstat.json', import.meta.url), 'utf8');

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  actions = (await import('../../../routes/(staff)/admin/statistics/[id]/+page.server')).actions as Record<
    string,
    THandler
  >;
  valuesGet = (await import('../../../routes/api/v1/statistics/indicators/[id]/values/+server')).GET as THandler;
  indicatorsGet = (await import('../../../routes/api/v1/statistics/indicators/+server')).GET as THandler;
  csvGet = (await import('../../../routes/api/v1/statistics/indicators/[id].csv/+server')).GET as THandler;
  jsonStatGet = (await import('../../../routes/api/v1/statistics/indicators/[id].jsonstat/+server')).GET as THandler;
  embedGet = (await import('../../../routes/embed/statistics/[id]/+server')).GET as THandler;
  ({ admin } = await setUpAdmin(await app()));
});
afterAll(async () => (await app()).close());

function staffEvent(
  path: string,
  body: BodyInit | null,
  contentType: string | null,
  params: Record<string, string>,
  user: TSessionUser | null = admin
) {
  const { event } = fakeActionEvent(path, body, contentType, { user });
  return { ...event, params } as never;
}

function getEvent(path: string, params: Record<string, string>) {
  const url = new URL(`http://localhost${path}`);
  return {
    url,
    params,
    request: new Request(url),
    locals: { requestId: 't', locale: path.startsWith('/en/') ? 'en' : 'nb', user: null, sessionId: null }
  } as never;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('staff actions', () => {
  it('refuses a value without a source with a message per field, in bokmål', async () => {
    const r = await actions.enter(
      staffEvent(
        '/admin/statistics/police_reports_trafficking',
        form({ breakdown: 'total', period: '2020', value: '5' }),
        'application/x-www-form-urlencoded',
        { id: 'police_reports_trafficking' }
      )
    );
    expect(isActionFailure(r)).toBe(true);
    const data = r as { status: number; data: { errors: Record<string, string> } };
    expect(data.status).toBe(400);
    expect(data.data.errors.sourceTitle).toBe('Fyll ut dette feltet.');
  });

  it('sends a visitor without a session to the login page', async () => {
    try {
      await actions.enter(
        staffEvent('/admin/statistics/x', form({}), 'application/x-www-form-urlencoded', { id: 'x' }, null)
      );
      throw new Error('expected a redirect');
    } catch (e) {
      expect(isRedirect(e)).toBe(true);
    }
  });

  it('answers 403 to a case handler', async () => {
    try {
      await actions.enter(
        staffEvent(
          '/admin/statistics/x',
          form({}),
          'application/x-www-form-urlencoded',
          { id: 'x' },
          { ...admin, roles: ['case_handler'], hasTotp: true }
        )
      );
      throw new Error('expected 403');
    } catch (e) {
      expect(isHttpError(e) && e.status === 403).toBe(true);
    }
  });

  it('previews a JSON-stat upload without storing, then applies the carried content once', async () => {
    const body = new FormData();
    body.set('format', 'jsonstat');
    body.set('sourceTitle', 'KOMs tilstandsrapporter (testdatasett)');
    body.set('sourcePublisher', 'KOM');
    body.set('file', new File([fixture], 'ssb.json', { type: 'application/json' }));
    const before = (await getSeries((await app()).db, 'police_reports_trafficking')).values.length;
    const preview = (await actions.preview(
      staffEvent('/admin/statistics/police_reports_trafficking', body, null, { id: 'police_reports_trafficking' })
    )) as {
      report: { summary: string; rows: unknown[] };
      content: string;
    };
    expect(preview.report.summary).toMatch(/^12 nye, 0 rettet, 0 uendret/);
    expect((await getSeries((await app()).db, 'police_reports_trafficking')).values.length).toBe(before);
    const apply = new FormData();
    for (const [k, v] of Object.entries({
      format: 'jsonstat',
      sourceTitle: 'KOMs tilstandsrapporter (testdatasett)',
      sourcePublisher: 'KOM',
      content: preview.content
    }))
      apply.set(k, v);
    const applied = (await actions.apply(
      staffEvent('/admin/statistics/police_reports_trafficking', apply, null, { id: 'police_reports_trafficking' })
    )) as { report: { applied: boolean } };
    expect(applied.report.applied).toBe(true);
    expect((await getSeries((await app()).db, 'police_reports_trafficking')).values.length).toBe(before + 12);
  });

  it('refuses a file over 256 kB with 413 before reading it', async () => {
    const body = new FormData();
    body.set('format', 'csv');
    body.set('file', new File(['x'.repeat(257 * 1024)], 'big.csv', { type: 'text/csv' }));
    const r = await actions.preview(
      staffEvent('/admin/statistics/police_reports_trafficking', body, null, { id: 'police_reports_trafficking' })
    );
    expect(isActionFailure(r) && (r as { status: number }).status).toBe(413);
  });

  it('names the row of a bad CSV line and imports nothing', async () => {
    const body = new FormData();
    body.set('format', 'csv');
    body.set('sourceTitle', 'T');
    body.set('sourcePublisher', 'P');
    body.set('file', new File(['year,value\n2019,5\n2020,fem\n'], 'bad.csv', { type: 'text/csv' }));
    const r = (await actions.apply(
      staffEvent('/admin/statistics/new_convictions_trafficking', body, null, { id: 'new_convictions_trafficking' })
    )) as {
      status: number;
      data: { report: { issues: string[] } };
    };
    expect(r.status).toBe(400);
    expect(r.data.report.issues).toEqual(['Rad 3: «fem» er ikke et tall.']);
  });
});

describe('API and downloads', () => {
  it('lists indicators with the licence', async () => {
    const res = (await indicatorsGet(getEvent('/api/v1/statistics/indicators', {}))) as Response;
    const body = await res.json();
    expect(body.licence).toMatch(/NLOD 2.0/);
    expect(body.data.some((i: { id: string }) => i.id === 'police_reports_trafficking')).toBe(true);
  });

  it('filters values by year and breakdown, and refuses an unknown breakdown with 400 naming the field', async () => {
    const ok = (await valuesGet(
      getEvent(
        '/api/v1/statistics/indicators/police_reports_trafficking/values?from=2017&to=2018&breakdown=aggravated',
        { id: 'police_reports_trafficking' }
      )
    )) as Response;
    const body = await ok.json();
    expect(body.data.map((v: { periodTo: number; value: number }) => [v.periodTo, v.value]).sort()).toEqual([
      [2017, 5],
      [2017, 5],
      [2018, 11]
    ]);
    const bad = (await valuesGet(
      getEvent('/api/v1/statistics/indicators/police_reports_trafficking/values?breakdown=nope&lang=en', {
        id: 'police_reports_trafficking'
      })
    )) as Response;
    expect(bad.status).toBe(400);
    expect((await bad.json()).fields.breakdown).toBe('The indicator has no such breakdown.');
    const year = (await valuesGet(
      getEvent('/api/v1/statistics/indicators/police_reports_trafficking/values?from=abc', {
        id: 'police_reports_trafficking'
      })
    )) as Response;
    expect(year.status).toBe(400);
    const missing = (await valuesGet(
      getEvent('/api/v1/statistics/indicators/nope/values', { id: 'nope' })
    )) as Response;
    expect(missing.status).toBe(404);
  });

  it('downloads CSV and JSON-stat with sources and licence', async () => {
    const csv = await (
      (await csvGet(
        getEvent('/api/v1/statistics/indicators/reports_dismissed_henlagt.csv', { id: 'reports_dismissed_henlagt' })
      )) as Response
    ).text();
    expect(csv.split('\r\n')[0]).toContain('source_title');
    expect(csv).toContain('NRK');
    expect(csv).toContain('Lightup Norge');
    expect(csv).toContain('NLOD 2.0');
    const js = await (
      (await jsonStatGet(
        getEvent('/api/v1/statistics/indicators/reports_dismissed_henlagt.jsonstat', {
          id: 'reports_dismissed_henlagt'
        })
      )) as Response
    ).json();
    expect(js).toMatchObject({ version: '2.0', class: 'dataset', id: ['breakdown', 'period', 'source'] });
    expect(js.extension.licence.name).toMatch(/NLOD 2.0/);
    expect(
      ((await csvGet(getEvent('/api/v1/statistics/indicators/nope.csv', { id: 'nope' }))) as Response).status
    ).toBe(404);
  });

  it('answers 404 with a message for the JSON-stat of an indicator without values', async () => {
    const db = (await app()).db;
    const { createIndicator } = await import('./statistics.service');
    const { ZIndicatorForm } = await import('../../schemas/statistics');
    await createIndicator(
      db,
      admin,
      ZIndicatorForm.parse({
        slug: 'empty_series',
        nameNb: 'Tom',
        nameEn: 'Empty',
        definitionNb: 'd',
        definitionEn: 'd',
        unitNb: 'u',
        unitEn: 'u',
        chartKind: 'bar',
        breakdowns: 'total | I alt | Total'
      })
    );
    const res = (await jsonStatGet(
      getEvent('/api/v1/statistics/indicators/empty_series.jsonstat', { id: 'empty_series' })
    )) as Response;
    expect(res.status).toBe(404);
    expect((await res.json()).message).toBe('Indikatoren har ingen verdier ennå.');
  });

  it('documents the statistics operations in OpenAPI', () => {
    const doc = buildOpenApi('test');
    for (const p of [
      '/api/v1/statistics/indicators',
      '/api/v1/statistics/indicators/{id}/values',
      '/api/v1/statistics/indicators/{id}.csv',
      '/api/v1/statistics/indicators/{id}.jsonstat'
    ])
      expect(doc.paths[p]).toBeDefined();
  });

  it('serves the embed with its own CSP allowing any frame ancestor, a source line, and no script', async () => {
    const res = (await embedGet(
      getEvent('/embed/statistics/police_reports_trafficking', { id: 'police_reports_trafficking' })
    )) as Response;
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<svg');
    expect(html).toContain('Kilde:');
    expect(html).not.toContain('<script');
  });
});
