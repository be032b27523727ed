import { sql, type Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * The learning pages' search index. SQLite searches an FTS5 table; PostgreSQL a tsvector column with a
 * GIN index (the text search configuration, norwegian or english, is chosen per row when it is filled).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('learn_page')
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('content_locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('indexed_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('learn_page_pk', ['slug', 'locale'])
    .execute();
  if (t.isPg) {
    await sql`alter table learn_page add column document tsvector`.execute(db);
    await sql`create index learn_page_document_idx on learn_page using gin (document)`.execute(db);
  } else {
    await sql`create virtual table learn_page_fts using fts5(slug unindexed, locale unindexed, title, summary, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!columnTypes(db).isPg) await sql`drop table if exists learn_page_fts`.execute(db);
  await db.schema.dropTable('learn_page').execute();
}
