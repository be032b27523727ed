import { sql } from 'kysely';
import type { Locale } from '../../i18n';
import type { Executor } from '../db/schema';
import type { LearnPageTable } from './learn.tables';

function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

/** The text search configuration for a reader language on PostgreSQL. */
const pgConfig = (locale: string) => (locale === 'en' ? 'english' : 'norwegian');

export async function indexedPages(db: Executor) {
  return db.selectFrom('learn_page').select(['slug', 'locale', 'content_hash']).execute();
}

/** Replaces the whole index with `rows` (call inside a transaction). */
export async function replaceIndex(db: Executor, rows: LearnPageTable[]): Promise<void> {
  const pg = isPostgres(db);
  await db.deleteFrom('learn_page').execute();
  if (!pg) await sql`delete from learn_page_fts`.execute(db);
  for (const r of rows) {
    await db.insertInto('learn_page').values(r).execute();
    if (pg) {
      // Stemmed (norwegian/english) and unstemmed ('simple') lexemes, so a search finds both word
      // forms and word beginnings. Lower-cased here, not by PostgreSQL: a database with the C locale
      // does not lower-case æ, ø and å.
      const cfg = pgConfig(r.locale);
      const vector = (text: string, weight: string) =>
        sql`setweight(to_tsvector(${cfg}::regconfig, ${text.toLowerCase()}) || to_tsvector('simple', ${text.toLowerCase()}), ${weight}::"char")`;
      await sql`update learn_page set document =
          ${vector(r.title, 'A')} || ${vector(r.summary, 'B')} || ${vector(r.body, 'C')}
        where slug = ${r.slug} and locale = ${r.locale}`.execute(db);
    } else {
      await sql`insert into learn_page_fts (slug, locale, title, summary, body)
        values (${r.slug}, ${r.locale}, ${r.title}, ${r.summary}, ${r.body})`.execute(db);
    }
  }
}

export interface TSearchRow {
  slug: string;
  title: string;
  summary: string;
  body: string;
}

/**
 * Full-text search of one reader language: every term must match, each as a word beginning
 * ("tvangsarb" finds "tvangsarbeid"; on PostgreSQL also any form with the same stem). Best first:
 * title matches weigh more than summary, summary more than body. `terms` are lower-case letters and
 * digits only (the service makes them), so they are safe inside a query string.
 */
export async function searchPages(db: Executor, locale: Locale, terms: string[], limit: number): Promise<TSearchRow[]> {
  if (terms.length === 0) return [];
  if (isPostgres(db)) {
    const cfg = pgConfig(locale);
    const query = sql.join(
      terms.map((t) => sql`(to_tsquery(${cfg}::regconfig, ${t}) || to_tsquery('simple', ${`${t}:*`}))`),
      sql` && `
    );
    const r = await sql<TSearchRow>`
      select slug, title, summary, body
      from learn_page, (select ${query} as query) as q
      where locale = ${locale} and document @@ q.query
      order by ts_rank(document, q.query) desc, slug
      limit ${limit}`.execute(db);
    return r.rows;
  }
  const match = terms.map((t) => `"${t}"*`).join(' ');
  const r = await sql<TSearchRow>`
    select slug, title, summary, body
    from learn_page_fts
    where learn_page_fts match ${match} and locale = ${locale}
    order by bm25(learn_page_fts, 0, 0, 10.0, 4.0, 1.0), slug
    limit ${limit}`.execute(db);
  return r.rows;
}
