import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('stat_indicator')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_nb', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('definition_nb', 'text', (c) => c.notNull())
    .addColumn('definition_en', 'text', (c) => c.notNull())
    .addColumn('unit_nb', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    .addColumn('chart_kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stat_breakdown')
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('stat_indicator.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label_nb', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_breakdown_pk', ['indicator_id', 'code'])
    .execute();

  await db.schema
    .createTable('stat_source')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('accessed_on', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addUniqueConstraint('stat_source_identity', ['title', 'publisher', 'url'])
    .execute();

  await db.schema
    .createTable('stat_value')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('stat_indicator.id').onDelete('cascade'))
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('period_from', 'integer', (c) => c.notNull())
    .addColumn('period_to', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('stat_source.id'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addUniqueConstraint('stat_value_cell_source', [
      'indicator_id',
      'breakdown',
      'period_from',
      'period_to',
      'source_id'
    ])
    .addForeignKeyConstraint('stat_value_breakdown_fk', ['indicator_id', 'breakdown'], 'stat_breakdown', [
      'indicator_id',
      'code'
    ])
    .execute();
  await db.schema
    .createIndex('stat_value_indicator_idx')
    .on('stat_value')
    .columns(['indicator_id', 'period_to'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['stat_value', 'stat_source', 'stat_breakdown', 'stat_indicator']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
