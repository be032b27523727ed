import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface TAuditFields {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: string;
  prev_hash: string;
}

/** The hash of an audit entry: SHA-256 over its fields and the previous entry's hash. */
export function hashAuditEntry(e: TAuditFields): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.actor_id,
    e.action,
    e.target_type,
    e.target_id,
    e.details,
    e.prev_hash
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * `head` is the hash of the last entry: recording it elsewhere (an operator's notebook, a ticket)
 * anchors the chain, so that even a rewrite of the whole log by someone with database access shows.
 */
export type TChainResult =
  { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Checks that entries (in seq order) form an unbroken chain from the genesis hash. */
export function verifyChain(entries: (TAuditFields & { hash: string })[]): TChainResult {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq)
      return { ok: false, entries: entries.length, brokenAt: e.seq, reason: 'missing entry before this one' };
    if (e.prev_hash !== prev)
      return { ok: false, entries: entries.length, brokenAt: e.seq, reason: 'previous hash does not match' };
    if (hashAuditEntry(e) !== e.hash)
      return { ok: false, entries: entries.length, brokenAt: e.seq, reason: 'entry was changed' };
    prev = e.hash;
    expectedSeq++;
  }
  return { ok: true, entries: entries.length, head: prev };
}
