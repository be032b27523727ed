import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * SQLite: a covering index for reading a wave's counters at once (results pages read every question of a wave,
 * some 25,000 rows): (wave_id, question_id, answer, cell, n). The primary key's index holds every column but n,
 * so each row read went back to the table for its n, a b-tree search per row (about 10 ms per page read); with
 * n in the index the read never touches the table. Not on PostgreSQL: there an index on n would end the
 * heap-only updates of the counters, and its reads are not the bottleneck.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (columnTypes(db).isPg) return;
  await db.schema
    .createIndex('survey_count_read_idx')
    .on('survey_count')
    .columns(['wave_id', 'question_id', 'answer', 'cell', 'n'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (columnTypes(db).isPg) return;
  await db.schema.dropIndex('survey_count_read_idx').ifExists().execute();
}
