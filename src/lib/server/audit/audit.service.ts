import { sql } from 'kysely';
import type { DB, Executor } from '../db/schema';
import { GENESIS_HASH, hashAuditEntry, verifyChain, type TChainResult } from './audit.core';

export interface TAuditEvent {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the audit log inside the caller's transaction. On PostgreSQL an advisory lock
 * serialises appends so two instances never fork the chain; SQLite transactions are already serial.
 */
export async function appendAudit(trx: Executor, event: TAuditEvent): Promise<void> {
  const isPg = trx.getExecutor().adapter.constructor.name.startsWith('Postgres');
  if (isPg) await sql`select pg_advisory_xact_lock(727001)`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const entry = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor_id: event.actorId,
    action: event.action,
    target_type: event.targetType,
    target_id: event.targetId ?? null,
    details: JSON.stringify(event.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH
  };
  await trx
    .insertInto('audit_log')
    .values({ ...entry, hash: hashAuditEntry(entry) })
    .execute();
}

/** Reads the whole chain in order and verifies it. */
export async function verifyAuditLog(db: DB): Promise<TChainResult> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  return verifyChain(rows.map((r) => ({ ...r, seq: Number(r.seq) })));
}

/** The most recent entries with the actor's name, for the staff area. */
export async function listAudit(db: DB, limit = 100, before?: number) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.actor_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'audit_log.action',
      'audit_log.target_type',
      'audit_log.target_id',
      'audit_log.details',
      'app_user.display_name as actor_name'
    ])
    .orderBy('audit_log.seq', 'desc')
    .limit(limit);
  if (before) q = q.where('audit_log.seq', '<', before);
  return q.execute();
}
