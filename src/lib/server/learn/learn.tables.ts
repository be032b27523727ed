/**
 * The learning pages' search index, rebuilt from `content/` at start. One row per page and reader
 * language: a page without a translation is indexed for both languages from the text that exists
 * (`content_locale` says which). The full-text part is dialect-specific and reached with raw SQL in
 * `learn.repository.ts`: an FTS5 table `learn_page_fts` on SQLite, a `document tsvector` column with a
 * GIN index on PostgreSQL.
 */
export interface LearnPageTable {
  slug: string;
  /** The reader language this row is searched in. */
  locale: string;
  /** The language the text is written in (differs from `locale` for a missing translation). */
  content_locale: string;
  title: string;
  summary: string;
  body: string;
  content_hash: string;
  indexed_at: string;
}

export interface LearnTables {
  learn_page: LearnPageTable;
}
