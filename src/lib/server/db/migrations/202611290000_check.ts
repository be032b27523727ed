import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('check_result')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('checklist_version', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('municipality_number', 'text', (c) => c.references('municipality.number'))
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('check_result_week_idx').on('check_result').columns(['iso_week', 'sector']).execute();

  await db.schema
    .createTable('check_result_indicator')
    .addColumn('result_id', 'text', (c) => c.notNull().references('check_result.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_result_indicator_pk', ['result_id', 'indicator_id'])
    .execute();
  await db.schema
    .createIndex('check_result_indicator_idx')
    .on('check_result_indicator')
    .column('indicator_id')
    .execute();

  await db.schema
    .createTable('check_checklist')
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('definition', t.json, (c) => c.notNull())
    .addColumn('first_loaded_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('check_checklist_pk', ['sector', 'version'])
    .execute();

  await db.schema
    .createTable('check_letter_count')
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_letter_count_pk', ['sector', 'iso_week'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['check_letter_count', 'check_checklist', 'check_result_indicator', 'check_result']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
