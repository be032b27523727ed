import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { isAppError } from '../errors';
import { openTestApp } from '../testing/test-app';

let ctx: AppContext;
beforeAll(async () => {
  ctx = await openTestApp();
});
afterAll(() => ctx.close());

async function errorOfQuery(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error('the query was not refused');
}

describe('text with a NUL character never reaches the database', () => {
  it('is refused as a 400 in a where clause, an insert and raw SQL — the same on SQLite and PostgreSQL', async () => {
    const refusals = await Promise.all([
      errorOfQuery(() => ctx.db.selectFrom('municipality').selectAll().where('number', '=', '03\u000001').execute()),
      errorOfQuery(() =>
        ctx.db.selectFrom('municipality').selectAll().where('number', 'in', ['0301', 'a\u0000']).execute()
      ),
      errorOfQuery(() => ctx.db.insertInto('county').values({ number: '99', name: 'Nul\u0000land' }).execute()),
      errorOfQuery(() => sql`select ${'x\u0000'} as v`.execute(ctx.db))
    ]);
    for (const e of refusals) {
      expect(isAppError(e) && e.code === 'bad_request' && e.message === 'validation.nul').toBe(true);
    }
    expect(await ctx.db.selectFrom('county').select('number').where('number', '=', '99').execute()).toEqual([]);
  });

  it('lets ordinary text through, including other control and non-Latin characters', async () => {
    const rows = await ctx.db.selectFrom('municipality').select('name').where('number', '=', '0301').execute();
    expect(rows).toEqual([{ name: 'Oslo-Oslove' }]);
    const echoed = await sql<{ v: string }>`select ${'tab\there æøå 🙂'} as v`.execute(ctx.db);
    expect(echoed.rows[0].v).toBe('tab\there æøå 🙂');
  });
});

describe('text with a lone surrogate never reaches the database (issue 11)', () => {
  it('is refused as a 400 with its own message, on SQLite and PostgreSQL alike; a pair is a character', async () => {
    for (const text of ['a\ud800b', '\udfff', 'x\ud83d', '\ude42y']) {
      const e = await errorOfQuery(() => ctx.db.insertInto('county').values({ number: '98', name: text }).execute());
      expect(isAppError(e) && e.code === 'bad_request' && e.message === 'validation.unicode', text).toBe(true);
    }
    expect(await ctx.db.selectFrom('county').select('number').where('number', '=', '98').execute()).toEqual([]);
    const echoed = await sql<{ v: string }>`select ${'\ud83d\ude42'} as v`.execute(ctx.db);
    expect(echoed.rows[0].v).toBe('🙂');
  });
});
