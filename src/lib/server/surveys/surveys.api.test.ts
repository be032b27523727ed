import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { freshDatabaseUrl } from '../testing/test-app';
import { csvCell } from '../http/csv';
import { codebookCsv, responseColumns, responsesCsv, resultsCsv, resultsJson } from './surveys.export';
import * as repo from './surveys.repository';
import { createLink, createSurvey, publishSurvey, saveWave } from './surveys.service';
import { TEMPLATE_SLUG } from './surveys.template';

type THandler = (event: never) => Promise<Response>;
let analyst: TSessionUser;
let surveyId: string;
let openWave: string;
let closedWave: string;
let panel: { id: string; tokens: string[] };
let routes: {
  list: THandler;
  one: THandler;
  respond: THandler;
  results: THandler;
  compare: THandler;
  exportFile: THandler;
};

/** A complete, valid response to the template (as the form would send it). */
const valid = (over: Record<string, string | string[]> = {}) => ({
  sex: 'female',
  age_group: '25-34',
  county: '46',
  problem_world: 'great',
  problem_europe: 'great',
  problem_norway: 'some',
  problem_local: 'little',
  forms_known: ['sexual', 'labour'],
  heard_recently: 'yes',
  where_heard: ['news'],
  services_risk: '4',
  pay_more: '5',
  would_do: ['police'],
  know_where: 'unsure',
  ...over
});

function event(
  path: string,
  params: Record<string, string>,
  init: { body?: unknown; raw?: string; type?: string } = {}
) {
  const url = new URL(`http://localhost${path}`);
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  return {
    url,
    params,
    request: new Request(url, {
      method: body === undefined ? 'GET' : 'POST',
      body,
      headers: body === undefined ? {} : { 'content-type': init.type ?? 'application/json' }
    }),
    locals: { locale: 'nb', requestId: 't', user: analyst, sessionId: null }
  } as never;
}

const post = (wave: string, body: unknown, id = TEMPLATE_SLUG) =>
  routes.respond(event(`/api/v1/surveys/${id}/waves/${wave}/responses`, { id, wave }, { body }));
const get = (h: THandler, path: string, params: Record<string, string> = { id: TEMPLATE_SLUG }) =>
  h(event(path, params));
const stored = async () => repo.countResponses((await app()).db, openWave);

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  analyst = await createStaffUser(ctx, admin, 'analyst');
  routes = {
    list: (await import('../../../routes/api/v1/surveys/+server')).GET as THandler,
    one: (await import('../../../routes/api/v1/surveys/[id]/+server')).GET as THandler,
    respond: (await import('../../../routes/api/v1/surveys/[id]/waves/[wave]/responses/+server')).POST as THandler,
    results: (await import('../../../routes/api/v1/surveys/[id]/results/+server')).GET as THandler,
    compare: (await import('../../../routes/api/v1/surveys/[id]/compare/+server')).GET as THandler,
    exportFile: (await import('../../../routes/(staff)/admin/surveys/[id]/export/[file]/+server')).GET as THandler
  };
  surveyId = (await repo.findSurvey(ctx.db, TEMPLATE_SLUG))!.id;
  await publishSurvey(ctx.db, analyst, surveyId);
  const wave = (name: string, opens_on: string, closes_on: string, quotas: { sex?: string; max: number }[] = []) =>
    saveWave(ctx.db, analyst, surveyId, {
      name,
      opens_on,
      closes_on,
      target_n: null as never,
      method: 'campaign_link',
      method_note_nb: '',
      method_note_en: '',
      quotas: quotas as never
    });
  closedWave = (await wave('2020', '2020-01-01', '2020-12-31')).id;
  openWave = (await wave('Open', '2020-01-01', '2099-12-31', [{ sex: 'male', max: 1 }])).id;
  panel = await createLink(ctx.db, analyst, openWave, { source_code: 'panel-a', kind: 'panel', tokens: 2 });
  // A draft: never visible through the API.
  await createSurvey(ctx.db, analyst, {
    slug: 'draft-only',
    definition: { title_nb: 'Utkast', title_en: 'Draft', sections: [] }
  } as never);
});
afterAll(async () => (await app()).close());

describe('GET /api/v1/surveys and /api/v1/surveys/{id}', () => {
  it('lists published surveys with their waves, not drafts', async () => {
    const res = await get(routes.list, '/api/v1/surveys', {});
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data.map((s: { slug: string }) => s.slug)).toEqual([TEMPLATE_SLUG]);
    expect(data[0].waves.map((w: { name: string }) => w.name).sort()).toEqual(['2020', 'Open']);
  });

  it('gives the questions of the published version; a draft or unknown survey is 404', async () => {
    const res = await get(routes.one, `/api/v1/surveys/${surveyId}`, { id: surveyId });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.slug).toBe(TEMPLATE_SLUG);
    expect(body.definition.sections[0].questions.map((q: { id: string }) => q.id)).toContain('sex');
    expect((await get(routes.one, '/api/v1/surveys/draft-only', { id: 'draft-only' })).status).toBe(404);
    expect((await get(routes.one, '/api/v1/surveys/nope', { id: 'nope' })).status).toBe(404);
  });
});

describe('POST /api/v1/surveys/{id}/waves/{wave}/responses', () => {
  it('stores one response and answers 202 with its id', async () => {
    const before = await stored();
    const res = await post(openWave, { answers: valid() });
    expect(res.status).toBe(202);
    expect((await res.json()).id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await stored()).toBe(before + 1);
  });

  it('refuses bad input with the reason per question in the caller’s language, storing nothing', async () => {
    const before = await stored();
    const unknown = await post(openWave, { answers: valid({ ghost: 'x' }) });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).fields.ghost).toBe('Dette spørsmålet finnes ikke i undersøkelsen.');
    const missing = await post(openWave, { answers: { ...valid(), sex: undefined } });
    expect(missing.status).toBe(400);
    expect((await missing.json()).fields.sex).toBeTruthy();
    const notOption = await post(openWave, { answers: valid({ heard_recently: 'maybe' }) });
    expect((await notOption.json()).fields.heard_recently).toBe('Svaret er ikke et av alternativene.');
    const likert = await post(openWave, { answers: valid({ pay_more: '9' }) });
    expect(likert.status).toBe(400);
    const closed = await post(closedWave, { answers: valid() });
    expect(closed.status).toBe(409);
    expect((await closed.json()).message).toBe('Undersøkelsen er ikke åpen for svar nå.');
    expect((await post('no-such-wave', { answers: valid() })).status).toBe(404);
    expect((await post(openWave, { answers: valid() }, 'draft-only')).status).toBe(404);
    expect((await post(openWave, { answers: 'yes' })).status).toBe(400);
    expect((await post(openWave, { answers: valid(), extra: 1 })).status).toBe(400);
    const notJson = await routes.respond(
      event(
        '/x',
        { id: TEMPLATE_SLUG, wave: openWave },
        { raw: 'sex=female', type: 'application/x-www-form-urlencoded' }
      )
    );
    expect(notJson.status).toBe(415);
    const malformed = await routes.respond(event('/x', { id: TEMPLATE_SLUG, wave: openWave }, { raw: '{"answers":' }));
    expect(malformed.status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('a full quota cell and a used panel code are 409; a panel link without a code is 400', async () => {
    expect((await post(openWave, { answers: valid({ sex: 'male' }) })).status).toBe(202);
    const before = await stored();
    const full = await post(openWave, { answers: valid({ sex: 'male' }) });
    expect(full.status).toBe(409);
    expect((await full.json()).code).toBe('conflict');
    expect((await post(openWave, { answers: valid(), link: panel.id })).status).toBe(400);
    expect(await stored()).toBe(before);
    expect((await post(openWave, { answers: valid(), link: panel.id, token: panel.tokens[0] })).status).toBe(202);
    const again = await post(openWave, { answers: valid(), link: panel.id, token: panel.tokens[0] });
    expect(again.status).toBe(409);
    expect(await stored()).toBe(before + 1);
    const rows = await repo.responsesWithAnswers((await app()).db, openWave);
    expect(rows.filter((r) => r.source_code === 'panel-a')).toHaveLength(1);
  });
});

describe('GET /api/v1/surveys/{id}/results and /compare', () => {
  beforeAll(async () => {
    // 8 women in 25–34 (with the 2 above: 9 women, 1 man); 2 of them say "no" to heard_recently.
    for (let i = 0; i < 8; i++)
      expect((await post(openWave, { answers: valid({ heard_recently: i < 2 ? 'no' : 'yes' }) })).status).toBe(202);
  });

  it('gives shares with intervals, weighted or not; counts under 5 are hidden as on the public page', async () => {
    const res = await get(routes.results, `/api/v1/surveys/${TEMPLATE_SLUG}/results?wave=${openWave}&weighting=none`);
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.respondents).toBe(11);
    const heard = r.questions.find((q: { question: string }) => q.question === 'heard_recently');
    expect(heard.base_n).toBe(11);
    const yes = heard.answers.find((a: { code: string }) => a.code === 'yes');
    expect(yes).toMatchObject({ n: 9, suppressed: false });
    expect(yes.proportion).toBeCloseTo(9 / 11, 12);
    expect(yes.ci_low).toBeLessThan(yes.proportion);
    expect(yes.ci_high).toBeGreaterThan(yes.proportion);
    // 2 said no: hidden, with its share and interval.
    expect(heard.answers.find((a: { code: string }) => a.code === 'no')).toMatchObject({
      n: null,
      suppressed: true,
      proportion: null,
      ci_low: null
    });
    expect(heard.answers.find((a: { code: string }) => a.code === 'dont_know')).toMatchObject({
      n: 0,
      suppressed: false
    });
  });

  it('accepts the breakdown as a question id; a group with a base under 5 is left out', async () => {
    const r = await (
      await get(routes.results, `/api/v1/surveys/${TEMPLATE_SLUG}/results?wave=${openWave}&by=sex`)
    ).json();
    expect(r.by).toBe('sex');
    const male = r.groups.find((g: { group: string }) => g.group === 'male');
    expect(male.questions).toEqual([]);
    const female = r.groups.find((g: { group: string }) => g.group === 'female');
    expect(female.questions.find((q: { question: string }) => q.question === 'heard_recently').base_n).toBe(10);
  });

  it('refuses a bad weighting, breakdown or wave with a 4xx naming the field', async () => {
    const bad = await get(routes.results, `/api/v1/surveys/${TEMPLATE_SLUG}/results?weighting=magic`);
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fields)).toEqual(['weighting']);
    const by = await get(routes.results, `/api/v1/surveys/${TEMPLATE_SLUG}/results?by=heard_recently`);
    expect(by.status).toBe(400);
    expect((await by.json()).fields.by).toBeTruthy();
    expect((await get(routes.results, `/api/v1/surveys/${TEMPLATE_SLUG}/results?wave=nope`)).status).toBe(404);
    expect((await get(routes.results, '/api/v1/surveys/draft-only/results', { id: 'draft-only' })).status).toBe(404);
  });

  it('compares two waves and two groups; an unknown wave is 400', async () => {
    const waves = await get(
      routes.compare,
      `/api/v1/surveys/${TEMPLATE_SLUG}/compare?wave_a=${closedWave}&wave_b=${openWave}&weighting=none`
    );
    expect(waves.status).toBe(200);
    const w = await waves.json();
    expect(w.wave_b.id).toBe(openWave);
    expect(w.method_differs).toBe(false);
    const groups = await get(
      routes.compare,
      `/api/v1/surveys/${TEMPLATE_SLUG}/compare?wave_a=${openWave}&by=sex&group_a=male&group_b=female&weighting=none`
    );
    expect(groups.status).toBe(200);
    const heard = (await groups.json()).rows.find(
      (x: { question: string; code: string }) => x.question === 'heard_recently' && x.code === 'yes'
    );
    expect(heard.difference).toBeCloseTo(8 / 10 - 1, 12);
    expect((await get(routes.compare, `/api/v1/surveys/${TEMPLATE_SLUG}/compare?wave_a=nope&wave_b=x`)).status).toBe(
      400
    );
  });
});

describe('staff exports', () => {
  it('the responses CSV reads back with csv-parse into the stored answers, a column per question', async () => {
    const db = (await app()).db;
    const { body } = await responsesCsv(db, analyst, surveyId, openWave);
    const rows = parse(body, { columns: true }) as Record<string, string>[];
    const storedRows = await repo.responsesWithAnswers(db, openWave);
    expect(rows).toHaveLength(storedRows.length);
    for (const s of storedRows) {
      const row = rows.find((r) => r.response_id === s.id)!;
      expect(row.iso_week).toBe(s.iso_week);
      expect(row.source).toBe(s.source_code ?? '');
      for (const a of s.answers) {
        const multi = `${a.question_id}.${a.value}`;
        if (multi in row) expect(row[multi]).toBe('1');
        else expect(row[a.question_id]).toBe(a.value);
      }
    }
    const first = rows[0];
    expect(first['forms_known.sexual']).toBe('1');
    expect(first['forms_known.organs']).toBe('0');
    expect(first.sex).toMatch(/^(female|male)$/);
  });

  it('the codebook names every column of the responses CSV with labels in bokmål and English', async () => {
    const db = (await app()).db;
    const { body } = await codebookCsv(db, analyst, surveyId, openWave);
    const rows = parse(body, { columns: true }) as Record<string, string>[];
    const version = await repo.findVersion(db, (await repo.findWave(db, openWave))!.version_id);
    const columns = responseColumns(JSON.parse(version!.definition)).map((c) => c.name);
    expect([...new Set(rows.map((r) => r.variable))]).toEqual(columns);
    expect(rows.find((r) => r.variable === 'heard_recently' && r.code === 'yes')).toMatchObject({
      label_nb: 'Ja',
      label_en: 'Yes'
    });
    expect(rows.find((r) => r.variable === 'county' && r.code === '46')!.label_nb).toBeTruthy();
  });

  it('results CSV and JSON carry the unsuppressed staff figures', async () => {
    const db = (await app()).db;
    const q = { wave: openWave, weighting: 'none' as const, by: null };
    const csv = parse((await resultsCsv(db, analyst, surveyId, q, 'en')).body, { columns: true }) as Record<
      string,
      string
    >[];
    const no = csv.find((r) => r.question === 'heard_recently' && r.code === 'no')!;
    expect(no).toMatchObject({ n: '2', label: 'No', base_n: '11' });
    expect(Number(no.proportion)).toBeCloseTo(2 / 11, 12);
    const json = JSON.parse((await resultsJson(db, analyst, surveyId, q, 'en')).body);
    const heard = json.questions.find((x: { question: string }) => x.question === 'heard_recently');
    expect(heard.answers.find((a: { code: string }) => a.code === 'no')).toMatchObject({ n: 2, suppressed: false });
  });

  it('only analysts, editors and administrators may export; the route answers the file with its type', async () => {
    const db = (await app()).db;
    const handler = { ...analyst, roles: ['case_handler' as const] };
    expect((await errorOf(responsesCsv(db, handler, surveyId, openWave))).code).toBe('forbidden');
    expect(
      (await errorOf(resultsJson(db, handler, surveyId, { wave: null, weighting: 'rake', by: null }, 'nb'))).code
    ).toBe('forbidden');
    const res = await routes.exportFile(
      event(`/admin/surveys/${surveyId}/export/codebook.csv?wave=${openWave}`, { id: surveyId, file: 'codebook.csv' })
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+-codebook\.csv"/);
    const missing = await routes.exportFile(
      event(`/admin/surveys/${surveyId}/export/responses.csv?wave=nope`, { id: surveyId, file: 'responses.csv' })
    );
    expect(missing.status).toBe(404);
  });

  it('R read.csv reads the responses CSV with the same values', async (t) => {
    if (!existsSync('/usr/bin/Rscript')) return t.skip();
    const db = (await app()).db;
    const { body } = await responsesCsv(db, analyst, surveyId, openWave);
    const dir = mkdtempSync(join(tmpdir(), 'surveys-r-'));
    writeFileSync(join(dir, 'r.csv'), body);
    const out = execFileSync(
      '/usr/bin/Rscript',
      [
        '-e',
        `d <- read.csv("${join(dir, 'r.csv')}", colClasses = "character", na.strings = character(0), check.names = FALSE); cat(nrow(d), ncol(d), sum(d[["heard_recently"]] == "no"), sum(d[["forms_known.sexual"]] == "1"), "\\n")`
      ],
      { encoding: 'utf8' }
    );
    const rows = parse(body, { columns: true }) as Record<string, string>[];
    expect(out.trim()).toBe(
      [
        rows.length,
        Object.keys(rows[0]).length,
        rows.filter((r) => r.heard_recently === 'no').length,
        rows.filter((r) => r['forms_known.sexual'] === '1').length
      ].join(' ')
    );
  });
});

describe('the CSV writer', () => {
  it('quotes per RFC 4180 and defuses formulas, but keeps plain negative numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const c of ['+1+1', '-1+cmd', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(c).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('-3')).toBe('-3');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(null)).toBe('');
    const tricky = ['=1+2', 'a,"b"', 'x\ny', '-7', '@x', 'plain'];
    const text = [tricky.map((c) => csvCell(c)).join(','), ''].join('\r\n');
    expect((parse(text) as string[][])[0].map((v) => v.replace(/^'(?=[=+\-@\t\r])/, ''))).toEqual(tricky);
  });
});
