import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { errorOf } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { runPrepared } from './prepared';

let ctx: AppContext;
beforeAll(async () => {
  ctx = await openTestApp();
});
afterAll(() => ctx.close());

const byNumber = (number: string) =>
  runPrepared(
    ctx.db,
    'test.municipality',
    (n) => ctx.db.selectFrom('municipality').select(['number', 'name']).where('number', '=', n),
    [number]
  );

describe('prepared queries', () => {
  it('compiles once and gives each run its own values', async () => {
    const oslo = await byNumber('0301');
    expect(oslo.rows.map((r) => r.number)).toEqual(['0301']);
    const bergen = await byNumber('4601');
    expect(bergen.rows.map((r) => r.number)).toEqual(['4601']);
    expect((await byNumber('nope')).rows).toEqual([]);
  });

  it('refuses text with a NUL character like every other query', async () => {
    expect((await errorOf(byNumber('03\u000001'))).code).toBe('bad_request');
  });

  it('refuses a parameter the query does not use', async () => {
    await expect(
      runPrepared(ctx.db, 'test.unused', () => ctx.db.selectFrom('municipality').select('number'), ['x'])
    ).rejects.toThrow(/every parameter/);
  });
});
