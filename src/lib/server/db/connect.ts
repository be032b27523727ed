import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { log } from '../log';
import { RejectNulPlugin } from './reject-nul';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Connection {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/** The file path of a `sqlite:` URL (`sqlite::memory:` for an in-memory database). */
export function sqlitePath(url: string): string {
  const path = url.slice('sqlite:'.length);
  return path === ':memory:' ? path : resolve(path);
}

const plugins = [new RejectNulPlugin()];

type TSqliteHandle = InstanceType<typeof import('better-sqlite3')>;
const sqliteHandles = new WeakMap<Kysely<Database>, TSqliteHandle>();

/**
 * The better-sqlite3 handle behind a SQLite database, for the rare write path that needs prepared
 * statements (check submissions, see check/check.writer.ts); undefined on PostgreSQL.
 */
export function sqliteHandle(db: Kysely<Database>): TSqliteHandle | undefined {
  return sqliteHandles.get(db);
}

/**
 * The database Kysely's SQLite driver sees: better-sqlite3 compiles a statement on every `prepare`, and the
 * driver prepares every query it runs, so the compiled statements of the most recent query texts are kept
 * (least recently used dropped beyond `size`). The app's hot queries have constant text (prepared.ts), so
 * a survey response or a check no longer recompiles its lookups. Kysely runs one query at a time on this
 * connection (its connection mutex), so a kept statement is never in use when it is run again.
 */
export function statementCache(sqlite: TSqliteHandle, size = 500) {
  const cache = new Map<string, ReturnType<TSqliteHandle['prepare']>>();
  return {
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) cache.delete(sql);
      else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
    close() {
      cache.clear();
      sqlite.close();
    }
  };
}

/**
 * Opens the database named by `url`. Driver differences are normalised here once:
 * PostgreSQL timestamps come back as ISO strings and bigint/numeric as numbers, like SQLite.
 */
export async function connect(url: string, options: { synchronous?: 'NORMAL' | 'FULL' } = {}): Promise<Connection> {
  if (url.startsWith('sqlite:')) {
    const { default: SQLite } = await import('better-sqlite3');
    const path = sqlitePath(url);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // Deleted rows (reports past retention) are overwritten, not left in free pages.
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statementCache(sqlite) }), plugins });
    sqliteHandles.set(db, sqlite);
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pg = await import('pg');
  const { Pool, types } = pg.default ?? pg;
  const toIso = (v: string) => new Date(v).toISOString();
  types.setTypeParser(1184, toIso); // timestamptz
  types.setTypeParser(1114, (v: string) => new Date(v + 'Z').toISOString()); // timestamp
  types.setTypeParser(20, (v: string) => Number(v)); // int8 (count(*))
  types.setTypeParser(1700, (v: string) => Number(v)); // numeric
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle connection that the server closes (restart, failover) must not take the process down: the pool
  // drops it and opens a new one for the next query.
  pool.on('error', (err) => log.warn({ err: { message: err.message } }, 'an idle database connection failed'));
  // A connection the server drops while it is checked out (between two queries of a transaction, or in
  // the moment of a restart) emits 'error' where the pool no longer listens: without this listener that
  // is an uncaught exception that ends the process. Its query fails on its own (→ 503); the pool discards it.
  pool.on('connect', (client) =>
    client.on('error', (err) => log.warn({ err: { message: err.message } }, 'a database connection failed'))
  );
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Which dialect a database URL names. */
export function dialectOf(url: string): DialectName {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/** True when a driver error is a unique-constraint violation (both drivers). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
