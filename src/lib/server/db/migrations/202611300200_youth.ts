import { type Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Youth: quiz sets (seeded from data/quizzes, then maintained by editors) and anonymous tallies of
 * answers — per set, question, mode and ISO week only; nothing about who answered. Classroom sessions
 * live at most 24 h; their pupils (optional nickname) and answers are deleted when a session ends, and
 * only the class tally (set, question, before/after, ISO week, optional municipality) is kept.
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

  await db.schema
    .createTable('youth_class_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('teacher_key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('set_id', 'text', (c) => c.notNull().references('youth_quiz_set.id').onDelete('cascade'))
    .addColumn('municipality', 'text')
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('question_index', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('summary', t.json)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .addColumn('ended_at', t.time)
    .execute();
  await db.schema
    .createIndex('youth_class_session_expires_idx')
    .on('youth_class_session')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('youth_class_pupil')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('youth_class_session.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('nickname', 'text')
    .addColumn('joined_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('youth_class_pupil_session_idx').on('youth_class_pupil').column('session_id').execute();

  await db.schema
    .createTable('youth_class_answer')
    .addColumn('session_id', 'text', (c) => c.notNull().references('youth_class_session.id').onDelete('cascade'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('youth_class_pupil.id').onDelete('cascade'))
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('options', t.json, (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('youth_class_answer_pk', ['session_id', 'pupil_id', 'run', 'question_id'])
    .execute();

  await db.schema
    .createTable('youth_class_tally')
    .addColumn('set_id', 'text', (c) => c.notNull().references('youth_quiz_set.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('municipality', 'text', (c) => c.notNull())
    .addColumn('answered', t.bigint, (c) => c.notNull())
    .addColumn('correct', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('youth_class_tally_pk', ['set_id', 'question_id', 'run', 'iso_week', 'municipality'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'youth_class_tally',
    'youth_class_answer',
    'youth_class_pupil',
    'youth_class_session',
    'youth_option_tally',
    'youth_answer_tally',
    'youth_quiz_set'
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
