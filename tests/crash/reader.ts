// Reads the database beside the running app (SQLite read-only; PostgreSQL as a second client), for checks.
import Database from 'better-sqlite3';
import pg from 'pg';

export interface TReader {
  rows<T>(sql: string): Promise<T[]>;
  /** Empty when the database is consistent. */
  integrityProblems(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openReader(databaseUrl: string): Promise<TReader> {
  if (databaseUrl.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return {
      rows: async <T>(text: string) => (await client.query(text)).rows as T[],
      // Foreign keys are enforced by PostgreSQL itself; a torn write would show as a writer's missing part.
      integrityProblems: async () => [],
      close: () => client.end()
    };
  }
  const db = new Database(databaseUrl.replace(/^sqlite:/, ''), { readonly: true, fileMustExist: true });
  return {
    rows: async <T>(text: string) => db.prepare(text).all() as T[],
    integrityProblems: async () => {
      const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
      const foreignKeys = db.pragma('foreign_key_check') as unknown[];
      return [
        ...(integrity.join() === 'ok' ? [] : [`integrity_check: ${integrity.slice(0, 5).join('; ')}`]),
        ...(foreignKeys.length ? [`foreign_key_check: ${foreignKeys.length} row(s) point at nothing`] : [])
      ];
    },
    close: async () => void db.close()
  };
}
