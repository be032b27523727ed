import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../server/app';
import { openTestApp } from '../server/testing/test-app';
import { ZContentDiffQuery, ZContentVersionForm, ZLearnEditForm } from './content';
import { isStorableDate, MAX_DB_INT } from './fields';

/** Numbers typed where PostgreSQL has an `integer` column, and dates where it has a timestamptz (issue 11). */
describe('numbers beyond a database integer are refused by the schema, with a message', () => {
  it('content version and revision numbers', () => {
    for (const n of ['2147483648', '99999999999999999999', '1e20', 'Infinity', 'NaN', '1.5']) {
      const v = ZContentVersionForm.safeParse({ number: n });
      expect(v.success, n).toBe(false);
      expect(v.error?.issues[0].message).toMatch(/^validation\./);
      expect(ZContentDiffQuery.safeParse({ from: '1', to: n }).success, n).toBe(false);
      const edit = ZLearnEditForm.safeParse({ revision: n, base: '0' });
      expect(edit.error?.issues.find((i) => i.path[0] === 'revision')?.message, n).toMatch(/^validation\./);
    }
    expect(ZContentVersionForm.safeParse({ number: '2147483648' }).error?.issues[0].message).toBe(
      'validation.numberTooLarge'
    );
    expect(ZContentVersionForm.safeParse({ number: String(MAX_DB_INT) }).success).toBe(true);
  });
});

describe('isStorableDate', () => {
  it('refuses days that do not exist and year 0000', () => {
    for (const d of [
      '2026-02-30',
      '2023-02-29',
      '2026-13-01',
      '0000-01-01',
      '0000-12-31',
      '0099-12-31',
      '0999-12-31',
      '2026-1-1',
      '',
      'x'
    ])
      expect(isStorableDate(d), d).toBe(false);
    for (const d of ['2024-02-29', '1000-01-01', '2026-11-29', '9999-12-31']) expect(isStorableDate(d), d).toBe(true);
  });

  it('accepts exactly the real days from 1000-01-01 to 9999-12-31 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, mo, d) => {
          const s = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real =
            y >= 1000 &&
            mo >= 1 &&
            mo <= 12 &&
            d >= 1 &&
            d <= new Date(Date.UTC(2000, mo, 0)).getUTCDate() &&
            !(mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
          expect(isStorableDate(s)).toBe(real);
        }
      ),
      { numRuns: 2000 }
    );
  });
});

describe('on the database under test', () => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await openTestApp();
  });
  afterAll(async () => ctx.close());

  it('every date isStorableDate accepts is a timestamptz PostgreSQL stores, read back as the same day (property)', async () => {
    const type = sql.raw(ctx.dialect === 'postgres' ? 'timestamptz' : 'text');
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        async (date) => {
          const day = date.toISOString().slice(0, 10);
          expect(isStorableDate(day)).toBe(true);
          const { rows } = await sql<{ v: unknown }>`select cast(${`${day}T00:00:00.000Z`} as ${type}) as v`.execute(
            ctx.db
          );
          const back = rows[0].v instanceof Date ? rows[0].v.toISOString() : String(rows[0].v);
          expect(back.slice(0, 10)).toBe(day);
        }
      ),
      { numRuns: 40 }
    );
  });

  it('MAX_DB_INT is the largest integer the database compares with an integer column', async () => {
    const type = sql.raw('integer');
    const { rows } = await sql<{ v: number }>`select cast(${String(MAX_DB_INT)} as ${type}) as v`.execute(ctx.db);
    expect(Number(rows[0].v)).toBe(MAX_DB_INT);
  });
});
