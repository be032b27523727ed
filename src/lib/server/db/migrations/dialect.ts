import { sql, type Kysely } from 'kysely';

/**
 * The one place migrations branch on dialect. Frozen with the migrations: do not import app code.
 * Times are stored as timestamptz on PostgreSQL and ISO text on SQLite; both read back as ISO strings.
 */
export function columnTypes(db: Kysely<any>) {
  const isPg = db.getExecutor().adapter.constructor.name.startsWith('Postgres');
  return {
    isPg,
    time: isPg ? sql`timestamptz` : sql`text`,
    json: isPg ? sql`text` : sql`text`,
    bigint: isPg ? sql`bigint` : sql`integer`,
    /** Raw bytes (uploaded files): bytea on PostgreSQL, blob on SQLite; both read back as a Buffer. */
    bytes: isPg ? sql`bytea` : sql`blob`
  };
}
