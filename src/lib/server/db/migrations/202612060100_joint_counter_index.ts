import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * SQLite: a covering index for reading joint counters (survey_joint_count) per wave, breakdown question and
 * counter at once (a campaign effect reads some 7,500 per wave at 1,000,000 responses): (wave_id, by_question_id,
 * question_id, answer, by_answer, cell, n). The primary key's index holds every column but n, so each row read
 * went back to the table for its n (about 4 ms per effect); with n in the index the read never touches the table.
 * It costs writes: a response to a survey with a breakdown question updates this index for each joint counter
 * (about +0.4 ms CPU per response with one breakdown question; docs/performance.md, "Campaign effect").
 * Not on PostgreSQL, as 202612050100: there an index on n would end the heap-only updates of the counters, and its
 * reads are not the bottleneck.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (columnTypes(db).isPg) return;
  await db.schema
    .createIndex('survey_joint_count_read_idx')
    .on('survey_joint_count')
    .columns(['wave_id', 'by_question_id', 'question_id', 'answer', 'by_answer', 'cell', 'n'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (columnTypes(db).isPg) return;
  await db.schema.dropIndex('survey_joint_count_read_idx').ifExists().execute();
}
