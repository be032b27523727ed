import { type Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Youth: quiz sets (seeded from data/quizzes, then maintained by editors) and anonymous tallies of
 * answers — per set, question, mode and ISO week only; nothing about who answered.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('youth_quiz_set')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('target_age', 'text', (c) => c.notNull())
    .addColumn('definition', t.json, (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('published_at', t.time)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('youth_answer_tally')
    .addColumn('set_id', 'text', (c) => c.notNull().references('youth_quiz_set.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('answered', t.bigint, (c) => c.notNull())
    .addColumn('correct', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('youth_answer_tally_pk', ['set_id', 'question_id', 'mode', 'iso_week'])
    .execute();

  await db.schema
    .createTable('youth_option_tally')
    .addColumn('set_id', 'text', (c) => c.notNull().references('youth_quiz_set.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('option_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('count', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('youth_option_tally_pk', ['set_id', 'question_id', 'option_id', 'mode', 'iso_week'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['youth_option_tally', 'youth_answer_tally', 'youth_quiz_set']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
