import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * The directory: a public profile for the foundation's `organisation` rows (one table of organisations,
 * not two), their tags, contact channels and coverage, the municipality → police district mapping an
 * administrator imports, the change history of each entry, and the directory's settings (licence).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('directory_profile')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisation.id').onDelete('cascade'))
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('summary_nb', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text', (c) => c.notNull())
    .addColumn('not_done_nb', 'text', (c) => c.notNull())
    .addColumn('not_done_en', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('verification_note_nb', 'text', (c) => c.notNull())
    .addColumn('verification_note_en', 'text', (c) => c.notNull())
    .addColumn('verified_at', t.time)
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('source_note', 'text', (c) => c.notNull())
    .addColumn('published_at', t.time)
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('directory_tag')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_tag_pk', ['organisation_id', 'facet', 'value'])
    .execute();
  await db.schema.createIndex('directory_tag_facet_idx').on('directory_tag').columns(['facet', 'value']).execute();

  await db.schema
    .createTable('directory_channel')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label_nb', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('hours_nb', 'text', (c) => c.notNull())
    .addColumn('hours_en', 'text', (c) => c.notNull())
    .addColumn('anonymity', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('note_nb', 'text', (c) => c.notNull())
    .addColumn('note_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_channel_org_idx')
    .on('directory_channel')
    .columns(['organisation_id', 'position'])
    .execute();

  await db.schema
    .createTable('directory_coverage')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_coverage_pk', ['organisation_id', 'level', 'code'])
    .execute();
  await db.schema
    .createIndex('directory_coverage_area_idx')
    .on('directory_coverage')
    .columns(['level', 'code', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('police_district_municipality')
    .addColumn('municipality_number', 'text', (c) => c.primaryKey().references('municipality.number'))
    .addColumn('police_district_name', 'text', (c) => c.notNull().references('police_district.name'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('directory_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('at', t.time, (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', t.json, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_revision_org_idx')
    .on('directory_revision')
    .columns(['organisation_id', 'at'])
    .execute();

  await db.schema
    .createTable('directory_setting')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'directory_setting',
    'directory_revision',
    'police_district_municipality',
    'directory_coverage',
    'directory_channel',
    'directory_tag',
    'directory_profile'
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
