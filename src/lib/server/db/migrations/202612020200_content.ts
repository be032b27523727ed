import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * The content studio: one generic item per (kind, key, locale) — a learning page in one language today;
 * checklists, quiz sets, help translations and home texts later — and its versions. A version's body is
 * JSON text validated by its kind's zod schema. `open_key` holds the item id while the version is a
 * draft or in review and is null otherwise: its unique index allows one open version per item on both
 * databases (NULLs are distinct). Settings are key/value rows (two-person review, source age).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('content_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('review_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addUniqueConstraint('content_item_kind_key_locale', ['kind', 'key', 'locale'])
    .execute();
  await db.schema
    .createTable('content_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('content_item.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('base_number', 'integer')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('open_key', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('body', t.json, (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('edited_by', t.json, (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addColumn('submitted_at', t.time)
    .addColumn('published_at', t.time)
    .addColumn('archived_at', t.time)
    .addUniqueConstraint('content_version_item_number', ['item_id', 'number'])
    .execute();
  await db.schema.createIndex('content_version_open_key').unique().on('content_version').column('open_key').execute();
  await db.schema
    .createIndex('content_version_item_state')
    .on('content_version')
    .columns(['item_id', 'state'])
    .execute();
  await db.schema
    .createTable('content_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('content_setting').execute();
  await db.schema.dropTable('content_version').execute();
  await db.schema.dropTable('content_item').execute();
}
