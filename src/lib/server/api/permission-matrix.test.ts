import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matrix, permissionsDoc, rowKey, subjects } from '../../../../tests/permissions/matrix';

const routesDir = join(process.cwd(), 'src', 'routes');

/** The form actions a +page.server.ts declares: the keys of `export const actions = { … }`. */
function actionNames(source: string): string[] {
  const start = source.search(/export const actions\b/);
  if (start < 0) return [];
  const rest = source.slice(start);
  const end = rest.search(/^\}/m);
  const body = end < 0 ? rest : rest.slice(0, end);
  return [...body.matchAll(/^ {2}(?:async\s+)?(\w+)\s*(?::|\()/gm)].map(([, name]) => name);
}

/** Every page, form action and handler under src/routes, as the matrix names them, read from the files. */
function routesOnDisk(): string[] {
  const files = readdirSync(routesDir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(sep).join('/'));
  const keys = new Set<string>();
  for (const file of files) {
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    const name = file.slice(dir.length ? dir.length + 1 : 0);
    const route = `/${dir}`;
    if (name === '+page.svelte' || name === '+page.server.ts' || name === '+page.ts') {
      keys.add(rowKey({ route, method: 'GET' }));
    }
    if (name === '+page.server.ts') {
      for (const action of actionNames(readFileSync(join(routesDir, file), 'utf8'))) {
        keys.add(rowKey({ route, method: 'POST', action }));
      }
    }
    if (name === '+server.ts' || name === '+server.js') {
      const source = readFileSync(join(routesDir, file), 'utf8');
      const methods = source.matchAll(
        /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|fallback)\b/g
      );
      for (const [, method] of methods) keys.add(rowKey({ route, method: method as 'GET' }));
    }
  }
  return [...keys].sort();
}

describe('the permission matrix (tests/permissions/matrix.ts)', () => {
  it('reads the routes from the file system', () => {
    const onDisk = routesOnDisk();
    expect(onDisk).toContain('GET /(staff)/admin/inbox/[id]');
    expect(onDisk).toContain('POST /(staff)/admin/inbox/[id] ?/status');
    expect(onDisk).toContain('POST /login ?/default');
    expect(onDisk).toContain('GET /api/v1/organisations/[id]');
    expect(onDisk.length).toBeGreaterThan(150);
  });

  it('has a row for every page, form action and handler in src/routes', () => {
    const declared = new Set(matrix.map(rowKey));
    expect(routesOnDisk().filter((k) => !declared.has(k))).toEqual([]);
  });

  it('has no row for a route that does not exist, and no row twice', () => {
    const onDisk = new Set(routesOnDisk());
    expect(matrix.map(rowKey).filter((k) => !onDisk.has(k))).toEqual([]);
    const keys = matrix.map(rowKey);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('gives every row an answer for every subject', () => {
    for (const row of matrix) {
      for (const s of subjects) expect(row.expect[s], `${rowKey(row)} × ${s}`).toBeDefined();
    }
  });

  it('keeps every staff page and action closed to visitors without a valid session', () => {
    for (const row of matrix.filter((r) => r.route.startsWith('/(staff)/'))) {
      for (const s of ['anonymous', 'deactivated', 'expired'] as const) {
        expect(['login', 401, 404], `${rowKey(row)} × ${s}`).toContain(row.expect[s]);
      }
    }
  });

  it('docs/permissions.md is the rendering of the table (run `npm run docs:permissions`)', async () => {
    const path = join(process.cwd(), 'docs', 'permissions.md');
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(await permissionsDoc());
  });
});

describe('actionNames', () => {
  it('reads named, default and method-shorthand actions, and ignores nested keys', () => {
    const source = [
      'export const load = () => ({ a: 1 });',
      'export const actions: Actions = {',
      '  save: async ({ request }) => {',
      '    const x = { nested: 1 };',
      '  },',
      '  default: async () => {},',
      '  async remove(event) {}',
      '};',
      'function helper() {',
      '  if (x) return 1;',
      '}'
    ].join('\n');
    expect(actionNames(source)).toEqual(['save', 'default', 'remove']);
  });
});
