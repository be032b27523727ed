import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { openTestApp } from '../testing/test-app';
import { ResultWriter } from './check.writer';

let ctx: AppContext;
beforeAll(async () => {
  ctx = await openTestApp();
});
afterAll(async () => ctx.close());

const row = (municipality: string | null = null) => ({
  id: randomUUID(),
  sector: 'car-wash',
  checklist_version: 1,
  level: 'some',
  municipality_number: municipality,
  iso_week: '2026-W48'
});
const stored = async (ids: string[]) =>
  (await ctx.db.selectFrom('check_result').select('id').where('id', 'in', ids).execute()).map((r) => r.id).sort();

describe('ResultWriter (group commit)', () => {
  it('writes results submitted together in shared transactions, each with its indicator rows', async () => {
    const writer = new ResultWriter(ctx.db, 7);
    const rows = Array.from({ length: 30 }, () => row('0301'));
    await Promise.all(rows.map((r) => writer.write(r, ['cash-only', 'no-receipt'])));
    expect(await stored(rows.map((r) => r.id))).toEqual(rows.map((r) => r.id).sort());
    const indicators = await ctx.db
      .selectFrom('check_result_indicator')
      .select('result_id')
      .where(
        'result_id',
        'in',
        rows.map((r) => r.id)
      )
      .execute();
    expect(indicators).toHaveLength(60);
  });

  it('one result that cannot be stored fails alone: the others of its transaction are stored', async () => {
    const writer = new ResultWriter(ctx.db);
    const good = Array.from({ length: 5 }, () => row());
    const duplicate = { ...good[0] };
    const outcomes = await Promise.allSettled([...good, duplicate].map((r) => writer.write(r, [])));
    expect(outcomes.slice(0, 5).every((o) => o.status === 'fulfilled')).toBe(true);
    expect(outcomes[5].status).toBe('rejected');
    expect(await stored(good.map((r) => r.id))).toEqual(good.map((r) => r.id).sort());
  });
});
