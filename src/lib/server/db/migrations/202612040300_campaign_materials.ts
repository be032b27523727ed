import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Campaign materials as uploaded files (issue 8): a poster (PDF) or an image of the ad (PNG, JPEG, WebP),
 * stored in the database itself so that every app instance behind nginx serves the same file. The bytes
 * go with their SHA-256 and size; the type is the one read from the file's first bytes. A campaign's
 * files go with it (on delete cascade).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('campaign_material_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('alt_nb', 'text')
    .addColumn('alt_en', 'text')
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('byte_size', t.bigint, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', t.bytes, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_material_file_campaign_idx')
    .on('campaign_material_file')
    .columns(['campaign_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_material_file').execute();
}
