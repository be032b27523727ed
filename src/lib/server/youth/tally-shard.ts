import { randomInt } from 'node:crypto';
import { isPostgres } from '../jobs/jobs';
import type { Executor } from '../db/schema';

/**
 * The youth answer counters (`youth_answer_tally`, `youth_option_tally`, `youth_class_tally`) are upserted
 * `+n` rows. On PostgreSQL every write picks one of `tallyShards()` rows of its key at random, so answers
 * to the same question in the same week from several app instances (or pool connections) take different
 * row locks instead of queueing on one; every reader sums over the shards. SQLite has one writer at a time
 * anyway (the whole database is locked per write), so there every write goes to shard 0.
 */
export const TALLY_SHARDS = 16;

/**
 * How many shards PostgreSQL writes spread over: `YOUTH_TALLY_SHARDS` (1–64; 1 gives the unsharded
 * behaviour, for comparison), else 16. Readers never depend on it: they sum whatever shards exist.
 */
export function tallyShards(env: Record<string, string | undefined> = process.env): number {
  const raw = env.YOUTH_TALLY_SHARDS;
  if (raw === undefined || raw === '') return TALLY_SHARDS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`YOUTH_TALLY_SHARDS must be 1–64, not "${raw}"`);
  return n;
}

let shards: number | null = null;

export function tallyShard(db: Executor): number {
  if (!isPostgres(db)) return 0;
  shards ??= tallyShards();
  return shards === 1 ? 0 : randomInt(shards);
}
