import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { connect, statementCache } from './connect';

describe('statementCache (Kysely on SQLite)', () => {
  it('compiles a query text once, drops the least recently used, and closes the database', () => {
    const sqlite = new SQLite(':memory:');
    const cache = statementCache(sqlite, 2);
    const a = cache.prepare('select 1 as x');
    expect(cache.prepare('select 1 as x')).toBe(a);
    const b = cache.prepare('select 2 as x');
    cache.prepare('select 1 as x'); // a is now the most recent
    cache.prepare('select 3 as x'); // drops b
    expect(cache.prepare('select 1 as x')).toBe(a);
    expect(cache.prepare('select 2 as x')).not.toBe(b);
    expect((a as unknown as { get(): unknown }).get()).toEqual({ x: 1 });
    cache.close();
    expect(sqlite.open).toBe(false);
  });

  it('a kept statement sees rows and columns changed since it was compiled', async () => {
    const { db, close } = await connect('sqlite::memory:');
    try {
      await db.schema.createTable('t').addColumn('a', 'text').execute();
      const read = () =>
        db
          .selectFrom('t' as never)
          .selectAll()
          .execute();
      expect(await read()).toEqual([]);
      await db
        .insertInto('t' as never)
        .values({ a: 'x' } as never)
        .execute();
      await db.schema.alterTable('t').addColumn('b', 'text').execute();
      expect(await read()).toEqual([{ a: 'x', b: null }]);
    } finally {
      await close();
    }
  });
});
