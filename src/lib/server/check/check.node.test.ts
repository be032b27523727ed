import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TChecklist } from '../../check/checklist';
import { app } from '../app';
import { dispatchNodeRoute } from '../http/node-routes';
import { freshDatabaseUrl } from '../testing/test-app';
import { registerCheckRoutes } from './check.node';
import { currentChecklist } from './checklists';

// POST /api/v1/checks as the production server answers it (before SvelteKit, see check.node.ts), over
// real HTTP, compared with the SvelteKit route that `vite dev` and the route tests use.
type THandler = (event: never) => Promise<Response>;
let server: Server;
let origin: string;
let svelteKitRoute: THandler;

const carWash = currentChecklist('car-wash') as TChecklist;
const safeAnswers = Object.fromEntries(carWash.questions.map((q) => [q.id, q.riskAnswer === 'yes' ? 'no' : 'yes']));
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  registerCheckRoutes(await app());
  svelteKitRoute = (await import('../../../routes/api/v1/checks/+server')).POST as THandler;
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

const viaNode = (body: string, headers: Record<string, string> = json, path = '/api/v1/checks') =>
  fetch(origin + path, { method: 'POST', body, headers });
function viaSvelteKit(body: string, headers: Record<string, string> = json, path = '/api/v1/checks') {
  const url = new URL(`http://localhost${path}`);
  return svelteKitRoute({
    url,
    request: new Request(url, { method: 'POST', body, headers }),
    locals: { locale: 'nb', requestId: 't' },
    params: {}
  } as never);
}
async function answer(res: Response) {
  return { status: res.status, body: await res.json() };
}
const count = async (table: 'check_result' | 'check_result_indicator') =>
  Number(
    (
      await (
        await app()
      ).db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  );

describe('POST /api/v1/checks served before SvelteKit', () => {
  it('answers every kind of request exactly as the SvelteKit route does', async () => {
    const cases: [string, Record<string, string>?, string?][] = [
      [JSON.stringify({ sector: 'car-wash', version: 1, answers: safeAnswers, demo: true })],
      [
        JSON.stringify({
          sector: 'car-wash',
          version: 1,
          answers: { ...safeAnswers, 'child-working': 'yes' },
          demo: true
        })
      ],
      [JSON.stringify({ sector: 'car-wash', version: 1, answers: { ...safeAnswers, nope: 'yes' } })],
      [
        JSON.stringify({ sector: 'car-wash', version: 1, answers: { ...safeAnswers, fearful: 'maybe' } }),
        { ...json, 'accept-language': 'en' }
      ],
      [JSON.stringify({ sector: 'car-wash', version: 1, answers: safeAnswers }), json, '/api/v1/checks?lang=en&x=1'],
      [JSON.stringify({ sector: 'car-wash', version: 42, answers: safeAnswers })],
      [JSON.stringify({ sector: 'spa', version: 1, answers: {} })],
      [JSON.stringify({ sector: 'buying-sex', version: 1, answers: {} })],
      [JSON.stringify({ sector: 'car-wash', version: 1, answers: safeAnswers, municipality: '9999' })],
      ['{"sector":'],
      ['x'.repeat(300_000)],
      ['a=b', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['{}', { 'content-type': 'text/plain' }]
    ];
    for (const [body, headers, path] of cases) {
      const node = await answer(await viaNode(body, headers, path));
      const kit = await answer(await viaSvelteKit(body, headers, path));
      expect(node, body.slice(0, 80)).toEqual(kit);
    }
  });

  it('stores the anonymous aggregate and answers with the headers of every answer of the app', async () => {
    const before = await count('check_result');
    const res = await viaNode(
      JSON.stringify({
        sector: 'car-wash',
        version: 1,
        answers: { ...safeAnswers, 'child-working': 'yes' },
        municipality: '0301'
      })
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ level: 'strong', stored: true });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await count('check_result')).toBe(before + 1);
    const row = await (
      await app()
    ).db
      .selectFrom('check_result')
      .selectAll()
      .where('municipality_number', '=', '0301')
      .executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(
      ['checklist_version', 'id', 'iso_week', 'level', 'municipality_number', 'sector'].sort()
    );
    expect(row.iso_week).toMatch(/^\d{4}-W\d{2}$/);
  });

  it('many checks at once are each answered after their own commit, all of them stored whole', async () => {
    const results = await count('check_result');
    const indicators = await count('check_result_indicator');
    const risky = { ...safeAnswers, 'child-working': 'yes', fearful: 'yes' };
    const triggered = (
      await (await viaNode(JSON.stringify({ sector: 'car-wash', version: 1, answers: risky, demo: true }))).json()
    ).triggered.length as number;
    expect(triggered).toBeGreaterThan(1);
    const answers = await Promise.all(
      Array.from({ length: 120 }, () => viaNode(JSON.stringify({ sector: 'car-wash', version: 1, answers: risky })))
    );
    expect(answers.map((r) => r.status)).toEqual(Array(120).fill(200));
    expect(await count('check_result')).toBe(results + 120);
    expect(await count('check_result_indicator')).toBe(indicators + 120 * triggered);
  });

  it('never answers 5xx and stores nothing for a rejected request (property)', async () => {
    const before = await count('check_result');
    const body = fc.oneof(
      fc.json(),
      fc
        .record({
          sector: fc.oneof(fc.constant('car-wash'), fc.string()),
          version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
          answers: fc.dictionary(
            fc.oneof(fc.constantFrom(...Object.keys(safeAnswers), '__proto__'), fc.string()),
            fc.oneof(fc.constantFrom('yes', 'no', 'unknown'), fc.anything())
          ),
          municipality: fc.option(fc.oneof(fc.constant('0301'), fc.string()), { nil: undefined }),
          demo: fc.oneof(fc.constant(true), fc.anything())
        })
        .map((o) => JSON.stringify(o) ?? '')
    );
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await viaNode(b);
        expect(res.status).toBeLessThan(500);
        if (res.status === 200 && (await res.json()).stored) stored++;
      }),
      { numRuns: 200 }
    );
    expect(await count('check_result')).toBe(before + stored);
  });

  it('leaves other paths and methods to SvelteKit', async () => {
    expect((await fetch(`${origin}/api/v1/checks`)).status).toBe(404);
    expect((await viaNode('{}', json, '/api/v1/checks/summary')).status).toBe(404);
    expect((await viaNode('{}', json, '/en/api/v1/checks')).status).toBe(404);
  });
});
