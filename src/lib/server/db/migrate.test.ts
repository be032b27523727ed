import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openApp } from '../app';
import { loadConfig } from '../config';
import { freshDatabaseUrl, openTestApp } from '../testing/test-app';
import { migrations } from './migrations';

describe('migrations with several instances', () => {
  it('run once when three instances start together on a new database, and every instance serves', async () => {
    const url = await freshDatabaseUrl();
    const config = loadConfig({ ...process.env, DATABASE_URL: url });
    const ctxs = await Promise.all([openApp(config), openApp(config), openApp(config)]);
    try {
      for (const ctx of ctxs) expect(ctx.migrations).toEqual(Object.keys(migrations).sort());
      const rows = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(ctxs[0].db);
      expect(Number(rows.rows[0].n)).toBe(Object.keys(migrations).length);
      // Seeds ran once too: one row per municipality, not three.
      const munis = await sql<{
        n: number;
        d: number;
      }>`select count(*) as n, count(distinct number) as d from municipality`.execute(ctxs[0].db);
      expect(Number(munis.rows[0].n)).toBe(Number(munis.rows[0].d));
      expect(Number(munis.rows[0].n)).toBeGreaterThan(300);
    } finally {
      for (const ctx of ctxs) await ctx.close();
    }
  });

  it('an instance refuses a database that has migrations newer than it knows, in one clear line', async () => {
    const ctx = await openTestApp();
    try {
      await sql`insert into kysely_migration (name, timestamp) values ('299912312359_from_the_future', ${new Date().toISOString()})`.execute(
        ctx.db
      );
      const err = await openApp(loadConfig({ ...process.env, DATABASE_URL: ctx.config.DATABASE_URL })).then(
        () => null,
        (e: Error) => e
      );
      expect(err?.message).toBe(
        'the database has migrations this version does not know (299912312359_from_the_future): start the newer version of Forebygg instead'
      );
      expect(err?.message).not.toContain('\n');
    } finally {
      await ctx.close();
    }
  });
});
