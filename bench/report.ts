// In-process times of Report a concern (issue 4), without HTTP, on a fresh database (SQLite, or PostgreSQL
// when DATABASE_URL names one, e.g. `node scripts/with-postgres.js npx tsx bench/report.ts`):
//   1. argon2id cost per report: the receipt's follow-up key (KDF_RECEIPT) — once per submission and once
//      per follow-up; the password KDF (KDF_PASSWORD) for comparison;
//   2. the submit path without the deliberate argon2id (receipt cost lowered to KDF_TEST, a few µs):
//      routing, a data key, encryption, sealing, one transaction — target p50 < 20 ms; and the whole path;
//   3. the inbox of an organisation holding 10,000 reports: listInbox as the page calls it (newest 500)
//      and all 10,000 rows — target < 100 ms; only routing fields are read, nothing is decrypted;
//   a baseline in the same run: one indexed select of a municipality.
// Usage: npx tsx bench/report.ts [--reports 10000] [--submits 200] [--kdf-rounds 15]
import { randomUUID } from 'node:crypto';
import { setUpAdmin } from '../src/lib/server/testing/fixtures';
import { openTestApp } from '../src/lib/server/testing/test-app';
import { followUpKey, KDF_PASSWORD, KDF_RECEIPT, KDF_TEST, newSalt } from '../src/lib/server/report/report.crypto';
import { addRule, listInbox, submitReport } from '../src/lib/server/report/report.service';
import { createCaseHandler, createTestOrganisation, signIn } from '../src/lib/server/report/report.testing';
import { ZReportSubmit } from '../src/lib/schemas/report';
import { emit } from './contract.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const reportCount = option('reports', 10_000);
const submits = option('submits', 200);
const kdfRounds = option('kdf-rounds', 15);

function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 100) / 100;
  return { n: s.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}
async function time(n: number, f: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return stats(times);
}

const ctx = await openTestApp();
try {
  const { admin } = await setUpAdmin(ctx);
  const org = await createTestOrganisation(ctx, admin, 'Bench receiver');
  const handler = await createCaseHandler(ctx, admin, org);
  const session = await signIn(ctx, handler.id);
  await addRule(ctx.db, admin, { kind: 'other', scope: 'national', area: '', organisationId: org });
  const secret = new Uint8Array(32);
  const input = ZReportSubmit.parse({
    kind: 'other',
    indicators: 'fearful-workers',
    text: 'x'.repeat(1200),
    municipality: '0301',
    place: 'A place',
    identity: 'contact',
    contact: 'someone@example.org'
  });

  // 1. argon2id.
  const salt = await newSalt();
  await followUpKey(secret, '0'.repeat(20), salt, KDF_RECEIPT);
  const receiptKdf = await time(kdfRounds, () => followUpKey(secret, '1'.repeat(20), salt, KDF_RECEIPT));
  const passwordKdf = await time(kdfRounds, () => followUpKey(secret, '1'.repeat(20), salt, KDF_PASSWORD));

  // Baseline: one indexed select.
  const baseline = await time(submits, () =>
    ctx.db.selectFrom('municipality').select('name').where('number', '=', '0301').executeTakeFirst()
  );

  // 2. Submit path.
  for (let i = 0; i < 20; i++) await submitReport({ db: ctx.db, receiptCost: KDF_TEST }, input);
  const submitNoKdf = await time(submits, () => submitReport({ db: ctx.db, receiptCost: KDF_TEST }, input));
  const submitWhole = await time(kdfRounds, () => submitReport({ db: ctx.db, receiptCost: KDF_RECEIPT }, input));

  // 3. An inbox of `reportCount` reports: copies of one real report's rows (the list reads routing fields
  // only), spread over a year of weeks and every status, inserted in batches.
  const existing = (await ctx.db.selectFrom('report').select('id').execute()).length;
  const template = await ctx.db.selectFrom('report').selectAll().limit(1).executeTakeFirstOrThrow();
  const sealed = await ctx.db
    .selectFrom('report_recipient')
    .select('sealed_data_key')
    .where('report_id', '=', template.id)
    .executeTakeFirstOrThrow();
  const statuses = ['new', 'in_review', 'forwarded', 'referred', 'closed'];
  const munis = ['0301', '4601', '5001', '1103', '3201'];
  for (let done = existing; done < reportCount;) {
    const batch = Math.min(500, reportCount - done);
    const rows = Array.from({ length: batch }, (_, i) => {
      const day = new Date(Date.UTC(2026, 0, 1) + ((done + i) % 330) * 86_400_000);
      return {
        ...template,
        id: randomUUID(),
        municipality_number: munis[(done + i) % munis.length],
        received_on: day.toISOString(),
        received_week: `2026-W${String(1 + Math.floor(((done + i) % 330) / 7)).padStart(2, '0')}`,
        status: statuses[(done + i) % statuses.length],
        receipt_lookup: null
      };
    });
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('report').values(rows).execute();
      await trx
        .insertInto('report_recipient')
        .values(
          rows.map((r) => ({
            report_id: r.id,
            organisation_id: org,
            sealed_data_key: sealed.sealed_data_key,
            created_at: r.received_on
          }))
        )
        .execute();
    });
    done += batch;
  }
  const deps = { db: ctx.db };
  for (let i = 0; i < 5; i++) await listInbox(deps, handler, session, org);
  const inboxPage = await time(30, () => listInbox(deps, handler, session, org));
  const inboxAll = await time(kdfRounds, () => listInbox(deps, handler, session, org, { limit: reportCount }));
  const total = (await listInbox(deps, handler, session, org, { limit: reportCount + 1000 })).rows.length;

  const cost = `argon2id ${KDF_RECEIPT.ops} passes, ${KDF_RECEIPT.memBytes / 1048576} MiB`;
  emit({
    scenario: 'report submission',
    rows: [
      {
        name: `argon2id per report (receipt key: ${cost})`,
        value: receiptKdf.p50Ms,
        unit: 'ms',
        figure: `p50 ${receiptKdf.p50Ms} ms (the deliberate cost, stated not targeted)`,
        baseline: null,
        target: null,
        met: null
      },
      {
        name: 'submit path without argon2id',
        value: submitNoKdf.p50Ms,
        unit: 'ms',
        figure: `p50 ${submitNoKdf.p50Ms} ms (p95 ${submitNoKdf.p95Ms})`,
        baseline: baseline.p50Ms,
        baselineLabel: 'ms, one indexed select p50',
        ratio: baseline.p50Ms > 0 ? Math.round((submitNoKdf.p50Ms / baseline.p50Ms) * 10) / 10 : null,
        target: 'p50 < 20 ms',
        met: submitNoKdf.p50Ms < 20
      },
      {
        name: 'whole submission with argon2id',
        value: submitWhole.p50Ms,
        unit: 'ms',
        figure: `p50 ${submitWhole.p50Ms} ms`,
        baseline: null,
        target: null,
        met: null
      },
      {
        name: `inbox newest 500 of ${total} reports`,
        value: inboxPage.p50Ms,
        unit: 'ms',
        figure: `p50 ${inboxPage.p50Ms} ms (p95 ${inboxPage.p95Ms})`,
        baseline: null,
        target: '< 100 ms',
        met: inboxPage.p50Ms < 100
      },
      {
        name: `inbox all ${total} rows`,
        value: inboxAll.p50Ms,
        unit: 'ms',
        figure: `p50 ${inboxAll.p50Ms} ms`,
        baseline: null,
        target: null,
        met: null
      }
    ],
    details: {
      db: ctx.dialect,
      argon2idReceipt: { ...KDF_RECEIPT, memMiB: KDF_RECEIPT.memBytes / 1048576, ...receiptKdf },
      argon2idPassword: { ...KDF_PASSWORD, memMiB: KDF_PASSWORD.memBytes / 1048576, ...passwordKdf },
      baselineIndexedSelect: baseline,
      submitWithoutArgon2: submitNoKdf,
      submitWhole,
      inboxReports: total,
      inboxNewest500: inboxPage,
      inboxAllRows: inboxAll
    }
  });
} finally {
  await ctx.close();
}
