import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ZReportSubmit } from '../../schemas/report';
import { KDF_TEST } from './report.crypto';
import { runRetention } from './report.retention';
import {
  addRule,
  changeStatus,
  followUpReport,
  messageReporter,
  reportSummary,
  submitReport,
  type TCaseSession
} from './report.service';
import { createCaseHandler, createTestOrganisation, signIn } from './report.testing';

let ctx: AppContext;
let handler: TSessionUser;
let session: TCaseSession;
const deps = () => ({ db: ctx.db, receiptCost: KDF_TEST });
const day = 86_400_000;

async function submit(marker: string, now = new Date()) {
  const out = await submitReport(
    deps(),
    ZReportSubmit.parse({ kind: 'other', text: marker, municipality: '4601', identity: 'anonymous' }),
    now
  );
  if (out.kind !== 'sent') throw new Error('not sent');
  const id = (await ctx.db.selectFrom('report').select('id').orderBy('received_on', 'desc').execute()).map((r) => r.id);
  return { receipt: out.receipt, ids: id };
}

async function rows(reportId: string) {
  const n = async (t: 'report_message' | 'report_event' | 'report_recipient') =>
    (await ctx.db.selectFrom(t).select('report_id').where('report_id', '=', reportId).execute()).length;
  const r = await ctx.db.selectFrom('report').select('id').where('id', '=', reportId).execute();
  return r.length + (await n('report_message')) + (await n('report_event')) + (await n('report_recipient'));
}

beforeAll(async () => {
  ctx = await openTestApp();
  const { admin } = await setUpAdmin(ctx);
  const org = await createTestOrganisation(ctx, admin, 'Retention org');
  handler = await createCaseHandler(ctx, admin, org);
  session = await signIn(ctx, handler.id);
  await addRule(ctx.db, admin, { kind: 'other', scope: 'national', area: '', organisationId: org });
});
afterAll(async () => ctx?.close());

describe('retention', () => {
  it('deletes a closed report 90 days after closing: zero rows and zero blobs left', async () => {
    const marker = 'RETENTION-MARKER-1c9e';
    await submit(marker);
    const reportId = (await ctx.db.selectFrom('report').select('id').executeTakeFirstOrThrow()).id;
    await messageReporter(deps(), handler, session, reportId, 'A message to be deleted');
    const closedAt = new Date();
    await changeStatus(deps(), handler, session, reportId, { status: 'closed', note: 'no action' }, closedAt);
    expect(await rows(reportId)).toBeGreaterThan(2);

    expect((await runRetention(ctx.db, new Date(closedAt.getTime() + 89 * day))).reportsDeleted).toBe(0);
    expect(await rows(reportId)).toBeGreaterThan(2);
    const result = await runRetention(ctx.db, new Date(closedAt.getTime() + 91 * day));
    expect(result).toMatchObject({ ran: true, reportsDeleted: 1 });
    expect(await rows(reportId)).toBe(0);
    // Idempotent: a second run finds nothing.
    expect((await runRetention(ctx.db, new Date(closedAt.getTime() + 92 * day))).reportsDeleted).toBe(0);
  });

  it('ends reporter access after 180 days without a follow-up; the report stays for the organisation', async () => {
    const now = new Date();
    const { receipt } = await submit('RETENTION-MARKER-2', now);
    expect((await followUpReport(deps(), receipt, now)).status).toBe('new');
    const later = new Date(now.getTime() + 181 * day);
    expect((await runRetention(ctx.db, later)).reporterAccessEnded).toBe(1);
    await expect(followUpReport(deps(), receipt, later)).rejects.toMatchObject({ code: 'not_found' });
    expect(await ctx.db.selectFrom('report').select('id').execute()).toHaveLength(1);
  });

  it('runs on one instance at a time (lock)', async () => {
    const results = await Promise.all([runRetention(ctx.db), runRetention(ctx.db), runRetention(ctx.db)]);
    expect(results.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    expect(results.filter((r) => r.ran).length).toBeLessThanOrEqual(3);
    // A lease someone holds blocks others.
    await ctx.db
      .updateTable('report_job_lock')
      .set({ locked_until: new Date(Date.now() + 60_000).toISOString(), holder: 'other' })
      .execute();
    expect((await runRetention(ctx.db)).ran).toBe(false);
    await ctx.db
      .updateTable('report_job_lock')
      .set({ locked_until: new Date(0).toISOString() })
      .execute();
  });

  it('keeps no plaintext of reports in the SQLite file or its WAL', async () => {
    const url = ctx.config.DATABASE_URL;
    if (!url.startsWith('sqlite:')) return;
    const file = url.slice('sqlite:'.length);
    const raw = (await ctx.db.selectFrom('report').select('content').execute()).map((r) => r.content);
    for (const path of [file, `${file}-wal`]) {
      if (!existsSync(path)) continue;
      expect(readFileSync(path).includes(Buffer.from('RETENTION-MARKER'))).toBe(false);
    }
    expect(raw).toHaveLength(1);
  });
});

describe('public summary', () => {
  it('counts kind × county × month and suppresses counts under 5', async () => {
    const summary = await reportSummary(ctx.db);
    expect(summary).toEqual([expect.objectContaining({ kind: 'other', county: '46', count: null, suppressed: true })]);
    for (let i = 0; i < 5; i++) await submit(`bulk ${i}`);
    const after = await reportSummary(ctx.db);
    expect(after).toEqual([expect.objectContaining({ kind: 'other', county: '46', count: 6, suppressed: false })]);
    expect(after[0].month).toMatch(/^\d{4}-\d{2}$/);
    expect(Object.keys(after[0]).sort()).toEqual(['count', 'county', 'countyName', 'kind', 'month', 'suppressed']);
  });
});
