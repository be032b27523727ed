import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import { dispatchNodeRoute } from '../http/node-routes';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { freshDatabaseUrl } from '../testing/test-app';
import type { TSurveyDefinition } from '../../surveys/definition';
import { registerSurveyRoutes } from './surveys.node';
import { recountWave } from './surveys.service';
import { createSurvey, publishSurvey, saveWave } from './surveys.service';
import { counterDrift } from './surveys.recount-job';
import * as repo from './surveys.repository';

// POST /api/v1/surveys/{id}/waves/{wave}/responses as the production server answers it (before SvelteKit,
// see surveys.node.ts), over real HTTP, compared with the SvelteKit route that `vite dev` and tests use.
type THandler = (event: never) => Promise<Response>;
let server: Server;
let origin: string;
let svelteKitRoute: THandler;
let surveyId: string;
let slug: string;
let waveId: string;
let closedWaveId: string;

const json = { 'content-type': 'application/json' };
const q = (id: string, type: 'sex' | 'single', required: boolean) => ({
  id,
  type,
  required,
  text_nb: id,
  text_en: id,
  help_nb: '',
  help_en: '',
  options:
    type === 'single'
      ? [
          { code: 'yes', label_nb: 'Ja', label_en: 'Yes' },
          { code: 'no', label_nb: 'Nei', label_en: 'No' }
        ]
      : []
});
const definition: TSurveyDefinition = {
  title_nb: 'Node',
  title_en: 'Node',
  intro_nb: '',
  intro_en: '',
  min_age: 16,
  model_note_nb: '',
  model_note_en: '',
  sections: [{ title_nb: 'A', title_en: 'A', questions: [q('sex', 'sex', true), q('heard', 'single', true)] }]
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  const analyst = await createStaffUser(ctx, admin, 'analyst');
  slug = 'node-route';
  surveyId = (await createSurvey(ctx.db, analyst, { slug, definition })).id;
  await publishSurvey(ctx.db, analyst, surveyId);
  const wave = (opens: number, closes: number) =>
    saveWave(ctx.db, analyst, surveyId, {
      name: `w${opens}`,
      opens_on: day(opens),
      closes_on: day(closes),
      target_n: undefined,
      method: 'other',
      method_note_nb: '',
      method_note_en: '',
      quotas: []
    });
  waveId = (await wave(-1, 10)).id;
  closedWaveId = (await wave(-10, -5)).id;
  registerSurveyRoutes(ctx);
  svelteKitRoute = (await import('../../../routes/api/v1/surveys/[id]/waves/[wave]/responses/+server'))
    .POST as THandler;
  server = createServer((req, res) => {
    if (!dispatchNodeRoute(req, res)) res.writeHead(404).end('not a node route');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await (await app()).close();
});

const pathOf = (s: string, w: string, query = '') => `/api/v1/surveys/${s}/waves/${w}/responses${query}`;
const viaNode = (path: string, body: string, headers: Record<string, string> = json) =>
  fetch(origin + path, { method: 'POST', body, headers });
function viaSvelteKit(path: string, body: string, headers: Record<string, string> = json) {
  const url = new URL(`http://localhost${path}`);
  const [, id, wave] = /^\/api\/v1\/surveys\/([^/]+)\/waves\/([^/?]+)/.exec(path)!;
  return svelteKitRoute({
    url,
    request: new Request(url, { method: 'POST', body, headers }),
    locals: { locale: 'nb', requestId: 't' },
    params: { id: decodeURIComponent(id!), wave: decodeURIComponent(wave!) }
  } as never);
}
/** Status and body, with the id of a stored response replaced (each request stores its own). */
async function answer(res: Response) {
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status === 202 && typeof body.id === 'string') body.id = 'stored';
  return { status: res.status, body };
}
const responses = async () => repo.countResponses((await app()).db, waveId);

describe('POST /api/v1/surveys/{id}/waves/{wave}/responses served before SvelteKit', () => {
  it('answers every kind of request exactly as the SvelteKit route does', async () => {
    const ok = JSON.stringify({ answers: { sex: 'female', heard: 'yes' } });
    const cases: [string, string, Record<string, string>?][] = [
      [pathOf(surveyId, waveId), ok],
      [pathOf(slug, waveId), ok],
      [pathOf(surveyId, waveId, '?lang=en'), JSON.stringify({ answers: { sex: 'female' } })],
      [
        pathOf(surveyId, waveId),
        JSON.stringify({ answers: { sex: 'female', heard: 'maybe' } }),
        { ...json, 'accept-language': 'en' }
      ],
      [pathOf(surveyId, waveId), JSON.stringify({ answers: { sex: 'female', heard: 'yes', nope: 'x' } })],
      [pathOf(surveyId, waveId), JSON.stringify({ answers: {}, extra: 1 })],
      [pathOf(surveyId, closedWaveId), ok],
      [pathOf(surveyId, 'no-such-wave'), ok],
      [pathOf('no-such-survey', waveId), ok],
      [pathOf('%E2%82', waveId), ok],
      [pathOf(surveyId, waveId), '{"answers":'],
      [pathOf(surveyId, waveId), 'x'.repeat(300_000)],
      [pathOf(surveyId, waveId), 'a=b', { 'content-type': 'application/x-www-form-urlencoded' }]
    ];
    for (const [path, body, headers] of cases) {
      if (path.includes('%E2%82')) {
        // Not valid %-encoding: no route can decode it; the dispatcher answers the API's 400 with a message.
        const res = await viaNode(path, body, headers);
        expect(res.status).toBe(400);
        expect(((await res.json()) as { code: string }).code).toBe('bad_request');
        continue;
      }
      const node = await answer(await viaNode(path, body, headers));
      const kit = await answer(await viaSvelteKit(path, body, headers));
      expect(node, `${path} ${body.slice(0, 60)}`).toEqual(kit);
    }
  });

  it('stores a 202 response whole with the app headers; a refused one stores nothing', async () => {
    const before = await responses();
    const res = await viaNode(pathOf(surveyId, waveId), JSON.stringify({ answers: { sex: 'male', heard: 'no' } }));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await responses()).toBe(before + 1);
    const rows = await (await app()).db.selectFrom('survey_answer').selectAll().where('response_id', '=', id).execute();
    expect(rows.map((r) => `${r.question_id}=${r.value}`).sort()).toEqual(['heard=no', 'sex=male']);
    const refused = await viaNode(pathOf(surveyId, waveId), JSON.stringify({ answers: { sex: 'male' } }));
    expect(refused.status).toBe(400);
    expect(await responses()).toBe(before + 1);
  });

  it('many responses at once (group commit) are each answered after their commit, counters equal a recount', async () => {
    const before = await responses();
    const sent = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        viaNode(
          pathOf(surveyId, waveId),
          JSON.stringify({ answers: i % 7 === 0 ? { sex: 'x' } : { sex: i % 2 ? 'male' : 'female', heard: 'yes' } })
        )
      )
    );
    const statuses = sent.map((r) => r.status);
    const accepted = statuses.filter((s) => s === 202).length;
    expect(accepted).toBe(150 - Math.ceil(150 / 7));
    expect(statuses.filter((s) => s !== 202).every((s) => s === 400)).toBe(true);
    expect(await responses()).toBe(before + accepted);
    const db = (await app()).db;
    const stored = {
      cells: (await repo.cellCounts(db, [waveId])).map((c) => ({ cell: c.cell, n: Number(c.n) })),
      counts: (await repo.allCounts(db, [waveId])).map((c) => ({ ...c, n: Number(c.n) }))
    };
    expect(counterDrift(stored, await recountWave(db, waveId))).toEqual({ cells: 0, counts: 0 });
  });
});
