import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp, type AppContext } from '../app';
import { loadConfig } from '../config';
import { sqlitePath } from '../db/connect';
import { KDF_TEST } from '../report/report.crypto';
import { addRule, openReport, submitReport, type TCaseSession } from '../report/report.service';
import { createCaseHandler, createTestOrganisation, signIn } from '../report/report.testing';
import { ZReportSubmit } from '../../schemas/report';
import { setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { backupDatabase, backupStem, restoreDatabase } from './backup';

const MARKER = 'BACKUP-MARKER-5d1e8a';
const dir = mkdtempSync(join(tmpdir(), 'forebygg-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Row counts of every table: what a restore must give back. */
async function census(ctx: AppContext): Promise<Record<string, number>> {
  const tables = (await ctx.db.introspection.getTables()).map((t) => t.name).sort();
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(ctx.db);
    out[t] = Number(r.rows[0].n);
  }
  return out;
}

describe('backup and restore', () => {
  it('names backups by the time they were taken', () => {
    expect(backupStem(new Date('2026-11-29T03:15:00.123Z'))).toBe('forebygg-20261129T031500Z');
  });

  it(
    'backs up, destroys, restores and finds every record — an encrypted report still opens for its organisation',
    { timeout: 90_000 },
    async () => {
      let ctx = await openTestApp();
      const url = ctx.config.DATABASE_URL;
      const { admin } = await setUpAdmin(ctx);
      const org = await createTestOrganisation(ctx, admin, 'Backup org');
      const handler = await createCaseHandler(ctx, admin, org);
      const session: TCaseSession = await signIn(ctx, handler.id);
      await addRule(ctx.db, admin, { kind: 'labour_exploitation', scope: 'national', area: '', organisationId: org });
      const sent = await submitReport(
        { db: ctx.db, receiptCost: KDF_TEST },
        ZReportSubmit.parse({
          kind: 'labour_exploitation',
          text: `I saw ${MARKER}`,
          municipality: '0301',
          place: 'At the harbour',
          identity: 'anonymous'
        })
      );
      expect(sent.kind).toBe('sent');
      const reportId = (await ctx.db.selectFrom('report').select('id').executeTakeFirstOrThrow()).id;
      const before = await census(ctx);
      expect(before.report).toBe(1);

      const file = await backupDatabase(url, dir);
      expect(file).toMatch(ctx.dialect === 'sqlite' ? /\.sqlite$/ : /\.pgdump$/);

      // Destroy: the SQLite file is gone, or every PostgreSQL table is dropped.
      if (ctx.dialect === 'sqlite') {
        await ctx.close();
        const path = sqlitePath(url);
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      } else {
        await sql`drop schema public cascade`.execute(ctx.db);
        await sql`create schema public`.execute(ctx.db);
        await ctx.close();
      }

      await restoreDatabase(url, file);
      ctx = await openApp(loadConfig({ ...process.env, DATABASE_URL: url }));
      try {
        expect(await census(ctx)).toEqual(before);
        // The session (with its unlocked organisation key) came back too, and the report decrypts.
        const view = await openReport({ db: ctx.db, receiptCost: KDF_TEST }, handler, session, reportId);
        expect(view.content.text).toContain(MARKER);
        // And a fresh sign-in after the restore opens it as well.
        const again = await signIn(ctx, handler.id);
        expect(
          (await openReport({ db: ctx.db, receiptCost: KDF_TEST }, handler, again, reportId)).content.text
        ).toContain(MARKER);
      } finally {
        await ctx.close();
      }
    }
  );

  it('refuses a missing file or a backup of the other database kind, with a clear message', async () => {
    await expect(restoreDatabase('sqlite:/tmp/x.db', join(dir, 'nope.sqlite'))).rejects.toThrow(/no backup file/);
    const wrong = join(dir, 'wrong.pgdump');
    (await import('node:fs')).writeFileSync(wrong, 'x');
    await expect(restoreDatabase('sqlite:/tmp/x.db', wrong)).rejects.toThrow(/\.sqlite backup/);
  });
});
