import { randomUUID } from 'node:crypto';
import type { DB } from '../db/schema';
import { appendAudit } from '../audit/audit.service';

/**
 * The daily retention job: deletes reports N days after they were closed (per receiving organisation's
 * setting, the shortest wins) and ends reporter access after M days without a follow-up. Idempotent,
 * and safe on several instances: a lease row in `report_job_lock` lets one run at a time. A report's
 * recipients, messages and events go with it (foreign keys cascade); SQLite runs with secure_delete=ON.
 */
const LOCK = 'report_retention';
const LEASE_MS = 10 * 60 * 1000;

async function takeLock(db: DB, holder: string, now: Date): Promise<boolean> {
  const until = new Date(now.getTime() + LEASE_MS).toISOString();
  await db
    .insertInto('report_job_lock')
    .values({ name: LOCK, locked_until: new Date(0).toISOString(), holder: '' })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const res = await db
    .updateTable('report_job_lock')
    .set({ locked_until: until, holder })
    .where('name', '=', LOCK)
    .where('locked_until', '<', now.toISOString())
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

async function releaseLock(db: DB, holder: string): Promise<void> {
  await db
    .updateTable('report_job_lock')
    .set({ locked_until: new Date(0).toISOString() })
    .where('name', '=', LOCK)
    .where('holder', '=', holder)
    .execute();
}

export interface TRetentionResult {
  ran: boolean;
  reportsDeleted: number;
  reporterAccessEnded: number;
}

export async function runRetention(db: DB, now = new Date()): Promise<TRetentionResult> {
  const holder = randomUUID();
  if (!(await takeLock(db, holder, now))) return { ran: false, reportsDeleted: 0, reporterAccessEnded: 0 };
  try {
    const candidates = await db
      .selectFrom('report')
      .innerJoin('report_recipient', 'report_recipient.report_id', 'report.id')
      .leftJoin('report_org_key', 'report_org_key.organisation_id', 'report_recipient.organisation_id')
      .select([
        'report.id',
        'report.closed_at',
        'report.reporter_seen_on',
        'report.receipt_lookup',
        'report_org_key.closed_retention_days',
        'report_org_key.reporter_retention_days'
      ])
      .execute();
    const day = 86_400_000;
    const byReport = new Map<
      string,
      { closed: string | null; seen: string | null; lookup: string | null; keep: number; access: number }
    >();
    for (const c of candidates) {
      const e = byReport.get(c.id) ?? {
        closed: c.closed_at,
        seen: c.reporter_seen_on,
        lookup: c.receipt_lookup,
        keep: Infinity,
        access: Infinity
      };
      e.keep = Math.min(e.keep, c.closed_retention_days ?? 90);
      e.access = Math.min(e.access, c.reporter_retention_days ?? 180);
      byReport.set(c.id, e);
    }
    const toDelete: string[] = [];
    const toEnd: string[] = [];
    for (const [id, e] of byReport) {
      if (e.closed && new Date(e.closed).getTime() + e.keep * day <= now.getTime()) toDelete.push(id);
      else if (e.lookup && e.seen && new Date(e.seen).getTime() + e.access * day <= now.getTime()) toEnd.push(id);
    }
    // A report without any recipient left (its organisations were deleted) can never be read: delete it.
    const orphans = await db
      .selectFrom('report')
      .leftJoin('report_recipient', 'report_recipient.report_id', 'report.id')
      .select('report.id')
      .where('report_recipient.report_id', 'is', null)
      .execute();
    toDelete.push(...orphans.map((o) => o.id));
    await db.transaction().execute(async (trx) => {
      for (const id of toDelete) {
        await trx.deleteFrom('report_message').where('report_id', '=', id).execute();
        await trx.deleteFrom('report_event').where('report_id', '=', id).execute();
        await trx.deleteFrom('report_recipient').where('report_id', '=', id).execute();
        await trx.deleteFrom('report_forward').where('report_id', '=', id).execute();
        await trx.deleteFrom('report').where('id', '=', id).execute();
      }
      for (const id of toEnd) {
        await trx
          .updateTable('report')
          .set({ receipt_lookup: null, receipt_salt: null, reporter_wrapped_key: null })
          .where('id', '=', id)
          .execute();
      }
      if (toDelete.length || toEnd.length) {
        await appendAudit(trx, {
          actorId: null,
          action: 'report.retention',
          targetType: 'report',
          details: { deleted: toDelete.length, reporterAccessEnded: toEnd.length }
        });
      }
    });
    return { ran: true, reportsDeleted: toDelete.length, reporterAccessEnded: toEnd.length };
  } finally {
    await releaseLock(db, holder);
  }
}

/**
 * Closed reports that retention will delete within `days` (the same rule as runRetention: the shortest
 * retention of the receiving organisations, 90 days by default), for notifications.
 */
export async function reportsNearDeletion(
  db: DB,
  now: Date,
  days: number
): Promise<{ id: string; deleteOn: string; organisationIds: string[] }[]> {
  const rows = await db
    .selectFrom('report')
    .innerJoin('report_recipient', 'report_recipient.report_id', 'report.id')
    .leftJoin('report_org_key', 'report_org_key.organisation_id', 'report_recipient.organisation_id')
    .select([
      'report.id',
      'report.closed_at',
      'report_recipient.organisation_id',
      'report_org_key.closed_retention_days'
    ])
    .where('report.closed_at', 'is not', null)
    .execute();
  const byReport = new Map<string, { closed: string; keep: number; orgs: string[] }>();
  for (const r of rows) {
    const e = byReport.get(r.id) ?? { closed: r.closed_at as string, keep: Infinity, orgs: [] };
    e.keep = Math.min(e.keep, r.closed_retention_days ?? 90);
    e.orgs.push(r.organisation_id);
    byReport.set(r.id, e);
  }
  const day = 86_400_000;
  const out = [];
  for (const [id, e] of byReport) {
    const deleteAt = new Date(e.closed).getTime() + e.keep * day;
    if (deleteAt > now.getTime() && deleteAt - days * day <= now.getTime()) {
      out.push({ id, deleteOn: new Date(deleteAt).toISOString().slice(0, 10), organisationIds: e.orgs.sort() });
    }
  }
  return out;
}
