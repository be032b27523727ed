import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('survey')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('survey_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', t.json, (c) => c.notNull())
    .addColumn('published_at', t.time)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addUniqueConstraint('survey_version_number_uq', ['survey_id', 'version'])
    .execute();

  await db.schema
    .createTable('survey_wave')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('survey_version.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('target_n', 'integer')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('method_note_nb', 'text', (c) => c.notNull())
    .addColumn('method_note_en', 'text', (c) => c.notNull())
    .addColumn('quotas', t.json, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_wave_survey_idx').on('survey_wave').column('survey_id').execute();

  await db.schema
    .createTable('survey_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('survey_wave.id').onDelete('cascade'))
    .addColumn('source_code', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('survey_panel_token')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('link_id', 'text', (c) => c.notNull().references('survey_link.id').onDelete('cascade'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('used_at', t.time)
    .execute();

  await db.schema
    .createTable('survey_response')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('survey_wave.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('survey_version.id'))
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('source_code', 'text')
    .addColumn('cell', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_response_wave_idx').on('survey_response').column('wave_id').execute();

  await db.schema
    .createTable('survey_answer')
    .addColumn('response_id', 'text', (c) => c.notNull().references('survey_response.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_answer_response_idx').on('survey_answer').column('response_id').execute();

  await db.schema
    .createTable('survey_count')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('survey_wave.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('n', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_count_pk', ['wave_id', 'question_id', 'answer', 'cell'])
    .execute();

  await db.schema
    .createTable('survey_cell_count')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('survey_wave.id').onDelete('cascade'))
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('n', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_cell_count_pk', ['wave_id', 'cell'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'survey_cell_count',
    'survey_count',
    'survey_answer',
    'survey_response',
    'survey_panel_token',
    'survey_link',
    'survey_wave',
    'survey_version',
    'survey'
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
