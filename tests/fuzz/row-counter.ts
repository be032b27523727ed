// Row counts of every table, read beside the running app, to prove that a rejected request wrote nothing.
import Database from 'better-sqlite3';
import pg from 'pg';

type TCounts = Record<string, number>;

export interface TRowCounter {
  counts(): Promise<TCounts>;
  diff(before: TCounts, after: TCounts): string[];
  close(): Promise<void>;
}

export async function openRowCounter(databaseUrl: string): Promise<TRowCounter> {
  if (databaseUrl.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"
    );
    const sql = rows
      .map((r) => `select '${r.table_name}' as t, count(*)::int as n from "${r.table_name}"`)
      .join(' union all ');
    return {
      counts: async () =>
        Object.fromEntries((await client.query<{ t: string; n: number }>(sql)).rows.map((r) => [r.t, r.n])),
      diff,
      close: () => client.end()
    };
  }
  const db = new Database(databaseUrl.replace(/^sqlite:/, ''), { readonly: true, fileMustExist: true });
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all()
    .map((r) => (r as { name: string }).name);
  const statement = db.prepare(tables.map((t) => `select '${t}' as t, count(*) as n from "${t}"`).join(' union all '));
  return {
    counts: async () => Object.fromEntries((statement.all() as { t: string; n: number }[]).map((r) => [r.t, r.n])),
    diff,
    close: async () => void db.close()
  };
}

/** The tables whose row count differs between two readings. */
function diff(before: TCounts, after: TCounts): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
