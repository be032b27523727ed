import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Joint counters of surveys: respondents per (wave, counter question, answer, breakdown question, breakdown
 * answer, weighting cell), kept in the response's transaction, so results can be broken down by a marked
 * (non-demographic) question from counters only. Breakdown questions are marked in the definition JSON.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('survey_joint_count')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('survey_wave.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('by_question_id', 'text', (c) => c.notNull())
    .addColumn('by_answer', 'text', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('n', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_joint_count_pk', [
      'wave_id',
      'by_question_id',
      'question_id',
      'answer',
      'by_answer',
      'cell'
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_joint_count').ifExists().execute();
}
