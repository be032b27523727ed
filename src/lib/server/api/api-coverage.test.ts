import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiOperations } from './openapi';

const routesDir = join(process.cwd(), 'src', 'routes');

/** Every handler under src/routes/api as `get /api/v1/organisations/{id}`, read from the files themselves. */
function routeHandlers(): string[] {
  const files = readdirSync(join(routesDir, 'api'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('+server.ts') || f.endsWith('+server.js')
  );
  return files.flatMap((file) => {
    const path = `/api/${file.split(sep).slice(0, -1).join('/')}`.replace(/\[(\w+)\]/g, '{$1}');
    const source = readFileSync(join(routesDir, 'api', file), 'utf8');
    const methods = [
      ...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)
    ];
    return methods.map(([, method]) => `${method.toLowerCase()} ${path}`);
  });
}

describe('the API document lists exactly the API routes', () => {
  const documented = apiOperations.map((op) => `${op.method} ${op.path}`);

  it('every route handler under /api is in the OpenAPI document (so the fuzz suite reaches it)', () => {
    const handlers = routeHandlers();
    expect(handlers.length).toBeGreaterThan(10);
    expect(handlers.filter((h) => !documented.includes(h))).toEqual([]);
  });

  it('every documented operation has a route handler', () => {
    const handlers = routeHandlers();
    expect(documented.filter((d) => !handlers.includes(d))).toEqual([]);
  });

  it('public operations with path parameters or a body carry a valid example request', () => {
    for (const op of apiOperations) {
      const params = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      const label = `${op.method} ${op.path}`;
      // Operations that need a session are fuzzed without one (tests/fuzz): their example is optional.
      if (op.auth || op.noExample) continue;
      if (params.length || op.body) expect(op.example, `${label} needs an example`).toBeTruthy();
      for (const name of params) expect(op.example?.params?.[name], `${label} example for {${name}}`).toBeTruthy();
      if (op.body) expect(op.body.safeParse(op.example?.body).success, `${label} example body is valid`).toBe(true);
      // A query with required parameters needs them in the example, or the example is not a valid request.
      if (op.query && !op.query.safeParse({}).success) expect(op.example?.query, `${label} example query`).toBeTruthy();
      if (op.query && op.example?.query) {
        expect(op.query.safeParse(op.example.query).success, `${label} example query is valid`).toBe(true);
      }
    }
  });
});
