import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openApp, type AppContext } from '../app';
import { loadConfig } from '../config';

/**
 * A database of its own for one test file: a temp SQLite file, or — when DATABASE_URL is a postgres
 * URL (`npm run test:pg`) — a new database on that server. Tests inside a file isolate by unique data.
 */
export async function freshDatabaseUrl(): Promise<string> {
  const base = process.env.DATABASE_URL;
  if (base?.startsWith('postgres')) {
    const pg = await import('pg');
    const { Client } = pg.default ?? pg;
    const name = `forebygg_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const client = new Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(`create database ${name}`);
    } finally {
      await client.end();
    }
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  }
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'forebygg-test-')), 'test.db')}`;
}

/** Opens a migrated app context on a fresh database; closing it removes a temp SQLite folder. */
export async function openTestApp(): Promise<AppContext> {
  const url = await freshDatabaseUrl();
  const ctx = await openApp(loadConfig({ ...process.env, DATABASE_URL: url }));
  if (!url.startsWith('sqlite:')) return ctx;
  return {
    ...ctx,
    async close() {
      await ctx.close();
      rmSync(dirname(url.slice('sqlite:'.length)), { recursive: true, force: true });
    }
  };
}

/** A unique e-mail address for one test. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
}
