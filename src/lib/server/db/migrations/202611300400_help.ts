import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Help in your language: who checked which translation, and for which version of the texts. One row
 * per review (the history stays); the latest row of a language is its review.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('help_review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('reviewed_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('help_review_lang_idx').on('help_review').columns(['lang', 'reviewed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('help_review').execute();
}
