import { randomInt } from 'node:crypto';
import { isPostgres } from '../jobs/jobs';
import type { Executor } from '../db/schema';

/**
 * The youth answer counters (`youth_answer_tally`, `youth_option_tally`, `youth_class_tally`) are upserted
 * `+n` rows. On PostgreSQL every write picks one of `TALLY_SHARDS` rows of its key at random, so answers
 * to the same question in the same week from several app instances take different row locks instead of
 * queueing on one; every reader sums over the shards. SQLite has one writer at a time anyway (the whole
 * database is locked per write), so there every write goes to shard 0 and nothing changes.
 */
export const TALLY_SHARDS = 16;

export function tallyShard(db: Executor): number {
  return isPostgres(db) ? randomInt(TALLY_SHARDS) : 0;
}
