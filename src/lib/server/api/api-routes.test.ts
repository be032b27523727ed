import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import { migrations } from '../db/migrations';
import { freshDatabaseUrl } from '../testing/test-app';

type THandler = (event: never) => Promise<Response>;
const handlers: Record<string, THandler> = {};

function event(path: string, headers: Record<string, string> = {}) {
  const url = new URL(`http://localhost${path}`);
  return { url, request: new Request(url, { headers }), locals: { locale: 'nb', requestId: 't' } } as never;
}

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  handlers.health = (await import('../../../routes/api/health/+server')).GET as THandler;
  handlers.openapi = (await import('../../../routes/api/v1/openapi.json/+server')).GET as THandler;
  handlers.municipalities = (await import('../../../routes/api/v1/municipalities/+server')).GET as THandler;
});
afterAll(async () => (await app()).close());

describe('API', () => {
  it('GET /api/health reports the database and migrations', async () => {
    const res = await handlers.health(event('/api/health'));
    expect(res.status).toBe(200);
    const body = await res.json();
    const names = Object.keys(migrations).sort();
    expect(body).toMatchObject({
      status: 'ok',
      db: (await app()).dialect,
      migrations: { applied: names.length, latest: names.at(-1) }
    });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('GET /api/v1/openapi.json documents every route with its schemas', async () => {
    const doc = await (await handlers.openapi(event('/api/v1/openapi.json'))).json();
    expect(doc.openapi).toBe('3.1.0');
    const get = doc.paths['/api/v1/municipalities'].get;
    expect(get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['county', 'q']);
    expect(get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/MunicipalityList'
    });
    expect(doc.components.schemas.MunicipalityList.properties.data.items).toEqual({
      $ref: '#/components/schemas/Municipality'
    });
    expect(JSON.stringify(doc)).not.toContain('$defs');
    expect(doc.paths['/api/health'].get).toBeTruthy();
    // Every {param} in a path is declared as a required path parameter.
    type TOperation = { parameters?: { name: string; in: string; required: boolean }[] };
    for (const [path, methods] of Object.entries(doc.paths) as [string, Record<string, TOperation>][]) {
      for (const match of path.matchAll(/\{(\w+)\}/g)) {
        for (const op of Object.values(methods)) {
          const declared = op.parameters?.find((p) => p.in === 'path' && p.name === match[1]);
          expect(declared?.required, `${path} declares ${match[1]}`).toBe(true);
        }
      }
    }
  });

  it('GET /api/v1/municipalities filters and explains a bad filter in the caller’s language', async () => {
    const ok = await (await handlers.municipalities(event('/api/v1/municipalities?county=03'))).json();
    expect(ok.data).toEqual([{ number: '0301', name: 'Oslo-Oslove', countyNumber: '03', countyName: 'Oslo-Oslove' }]);
    const bad = await handlers.municipalities(
      event('/api/v1/municipalities?county=Oslo', { 'accept-language': 'en-GB,en;q=0.8' })
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      message: 'The form has errors. Please correct the marked fields.',
      code: 'validation',
      fields: { county: 'This value is not valid.' }
    });
  });
});
