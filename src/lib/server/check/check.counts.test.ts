import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { connect } from '../db/connect';
import type { Executor } from '../db/schema';
import * as migration from '../db/migrations/202612050400_check_counts';
import { openTestApp } from '../testing/test-app';
import * as repo from './check.repository';
import { batchCounts, ResultWriter } from './check.writer';
import { checksSummary } from './check.service';
import { publicWeeklyChecks } from '../statistics/statistics.barometer';

let ctx: AppContext;
beforeAll(async () => {
  ctx = await openTestApp();
  // A municipality whose county is not its first two digits: the county must come from the table.
  await ctx.db.insertInto('municipality').values({ number: '9901', name: 'Test', county_number: '03' }).execute();
});
afterAll(async () => ctx.close());

const sectors = ['car-wash', 'cleaning', 'construction'];
const weeks = ['2026-W01', '2026-W02', '2026-W48'];
const levels = ['low', 'some', 'strong'];
const municipalities = [null, '0301', '1103', '1108', '4601', '9901'];
const indicatorPool = ['cash-only', 'no-receipt', 'no-contract', 'long-hours', 'housing'];

const check = fc.record({
  sector: fc.constantFrom(...sectors),
  iso_week: fc.constantFrom(...weeks),
  level: fc.constantFrom(...levels),
  municipality_number: fc.constantFrom(...municipalities),
  indicators: fc.uniqueArray(fc.constantFrom(...indicatorPool), { maxLength: 4 })
});
type TCheck = {
  sector: string;
  iso_week: string;
  level: string;
  municipality_number: string | null;
  indicators: string[];
};

const write = (writer: ResultWriter, c: TCheck) =>
  writer.write(
    {
      id: randomUUID(),
      sector: c.sector,
      checklist_version: 1,
      level: c.level,
      municipality_number: c.municipality_number,
      iso_week: c.iso_week
    },
    c.indicators
  );

const expectCountersEqualRecount = async (db: Executor) =>
  expect(await repo.storedCheckCounts(db)).toEqual(await repo.recountCheckCounts(db));

/** The summary's two queries as they were before the counters: GROUP BY over every stored check. */
async function scannedGroups(db: Executor, f: repo.TResultFilter) {
  let q = db
    .selectFrom('check_result')
    .leftJoin('municipality', 'municipality.number', 'check_result.municipality_number')
    .select((eb) => [
      'check_result.sector as sector',
      'check_result.iso_week as week',
      'check_result.level as level',
      'municipality.county_number as county',
      eb.fn.countAll<number>().as('n')
    ]);
  if (f.from) q = q.where('check_result.iso_week', '>=', f.from);
  if (f.to) q = q.where('check_result.iso_week', '<=', f.to);
  if (f.sector) q = q.where('check_result.sector', '=', f.sector);
  if (f.county) q = q.where('municipality.county_number', '=', f.county);
  return q
    .groupBy(['check_result.sector', 'check_result.iso_week', 'check_result.level', 'municipality.county_number'])
    .execute();
}

async function scannedIndicators(db: Executor, f: repo.TResultFilter) {
  let q = db
    .selectFrom('check_result_indicator')
    .innerJoin('check_result', 'check_result.id', 'check_result_indicator.result_id')
    .leftJoin('municipality', 'municipality.number', 'check_result.municipality_number')
    .select((eb) => ['check_result_indicator.indicator_id as indicator', eb.fn.countAll<number>().as('n')]);
  if (f.from) q = q.where('check_result.iso_week', '>=', f.from);
  if (f.to) q = q.where('check_result.iso_week', '<=', f.to);
  if (f.sector) q = q.where('check_result.sector', '=', f.sector);
  if (f.county) q = q.where('municipality.county_number', '=', f.county);
  return q
    .groupBy('check_result_indicator.indicator_id')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('check_result_indicator.indicator_id')
    .execute();
}

const normal = <T extends { n: unknown }>(rows: T[]) =>
  rows.map((r) => JSON.stringify({ ...r, n: Number(r.n) })).sort((a, b) => a.localeCompare(b));

const filter = fc.record(
  {
    from: fc.constantFrom(...weeks),
    to: fc.constantFrom(...weeks),
    sector: fc.constantFrom(...sectors, 'unknown'),
    county: fc.constantFrom('03', '11', '46', '50')
  },
  { requiredKeys: [] }
);

describe('check counters', () => {
  it('batchCounts sums repeated keys into one sorted row each, with the county of the table', () => {
    const counties = new Map([
      ['0301', '03'],
      ['9901', '03']
    ]);
    const row = (m: string | null) => ({
      row: { id: randomUUID(), sector: 's', checklist_version: 1, level: 'low', municipality_number: m, iso_week: 'w' },
      indicatorIds: ['b', 'a']
    });
    const counts = batchCounts([row('0301'), row('9901'), row(null), row('0301')], (m) =>
      m ? (counties.get(m) ?? '') : ''
    );
    expect(counts.counts).toEqual([
      { sector: 's', iso_week: 'w', level: 'low', county_number: '', n: 1 },
      { sector: 's', iso_week: 'w', level: 'low', county_number: '03', n: 3 }
    ]);
    expect(counts.indicators.map((r) => [r.county_number, r.indicator_id, r.n])).toEqual([
      ['', 'a', 1],
      ['', 'b', 1],
      ['03', 'a', 3],
      ['03', 'b', 3]
    ]);
  });

  it('equal a full recount of the stored checks after random batches through the writer (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(check, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 25 }),
        async (rounds, maxBatch) => {
          const writer = new ResultWriter(ctx.db, maxBatch);
          // Each round is submitted in one turn of the event loop: group-committed, keys repeat in a batch.
          for (const round of rounds) await Promise.all(round.map((c) => write(writer, c)));
          await expectCountersEqualRecount(ctx.db);
          // The barometer's week figures (week totals alone) are the public summary's, suppression included.
          const summary = await checksSummary(ctx.db, {});
          expect(await publicWeeklyChecks(ctx.db)).toEqual(
            summary.byWeek.map((w) => ({ week: w.week, display: w.count.display }))
          );
        }
      ),
      { numRuns: 25 }
    );
  });

  it('give the summary exactly what the scan of the stored checks gave, for any filter (property)', async () => {
    await fc.assert(
      fc.asyncProperty(filter, async (f) => {
        expect(normal(await repo.groupedResults(ctx.db, f))).toEqual(normal(await scannedGroups(ctx.db, f)));
        const indicators = await repo.indicatorCounts(ctx.db, f);
        expect(indicators.map((r) => ({ ...r, n: Number(r.n) }))).toEqual(
          (await scannedIndicators(ctx.db, f)).map((r) => ({ ...r, n: Number(r.n) }))
        );
      }),
      { numRuns: 40 }
    );
  });

  it('a municipality added after the writer started is counted under its county from the table', async () => {
    const writer = new ResultWriter(ctx.db);
    await write(writer, {
      sector: 'cleaning',
      iso_week: '2026-W02',
      level: 'low',
      municipality_number: '0301',
      indicators: []
    });
    await ctx.db.insertInto('municipality').values({ number: '9902', name: 'Test 2', county_number: '50' }).execute();
    const before = (
      await repo.groupedResults(ctx.db, { county: '50', sector: 'cleaning', from: '2026-W02', to: '2026-W02' })
    )
      .filter((r) => r.level === 'low')
      .reduce((a, r) => a + Number(r.n), 0);
    await write(writer, {
      sector: 'cleaning',
      iso_week: '2026-W02',
      level: 'low',
      municipality_number: '9902',
      indicators: ['housing']
    });
    const after = (
      await repo.groupedResults(ctx.db, { county: '50', sector: 'cleaning', from: '2026-W02', to: '2026-W02' })
    )
      .filter((r) => r.level === 'low')
      .reduce((a, r) => a + Number(r.n), 0);
    expect(after).toBe(before + 1);
    await expectCountersEqualRecount(ctx.db);
  });

  it('a failed batch adds nothing to the counters; its good checks are counted once when written alone', async () => {
    const writer = new ResultWriter(ctx.db);
    const c = {
      sector: 'car-wash',
      iso_week: '2026-W48',
      level: 'strong',
      municipality_number: '1103',
      indicators: ['cash-only']
    };
    const id = randomUUID();
    const row = {
      id,
      sector: c.sector,
      checklist_version: 1,
      level: c.level,
      municipality_number: c.municipality_number,
      iso_week: c.iso_week
    };
    await writer.write(row, c.indicators);
    const outcomes = await Promise.allSettled([
      write(writer, c),
      writer.write({ ...row }, c.indicators), // the same id again: refused
      write(writer, c)
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await expectCountersEqualRecount(ctx.db);
  });

  it('two app instances writing to one database at once keep the counters equal to a recount', async () => {
    const second = await connect(ctx.config.DATABASE_URL);
    try {
      const a = new ResultWriter(ctx.db, 15);
      const b = new ResultWriter(second.db, 15);
      const checks = fc.sample(check, { numRuns: 400, seed: 7 });
      // The same keys from both instances at the same time, in many concurrent transactions each.
      await Promise.all(checks.flatMap((c, i) => [write(i % 2 ? a : b, c), write(i % 2 ? b : a, c)]));
      await expectCountersEqualRecount(ctx.db);
    } finally {
      await second.close();
    }
  });

  it('the migration fills the counters from the checks stored before it, as a recount does', async () => {
    await migration.down(ctx.db);
    await migration.up(ctx.db);
    const stored = await repo.storedCheckCounts(ctx.db);
    expect(stored.counts.reduce((a, r) => a + r.n, 0)).toBeGreaterThan(400);
    expect(stored).toEqual(await repo.recountCheckCounts(ctx.db));
  });

  it('rebuildCheckCounts replaces counters that drifted by the recount', async () => {
    await ctx.db.updateTable('check_count').set({ n: 999 }).execute();
    await ctx.db.deleteFrom('check_indicator_count').where('indicator_id', '=', 'cash-only').execute();
    await ctx.db
      .insertInto('check_count')
      .values({ sector: 'gone', iso_week: '2026-W01', level: 'low', county_number: '', n: 3 })
      .execute();
    const result = await repo.rebuildCheckCounts(ctx.db);
    await expectCountersEqualRecount(ctx.db);
    const checks = await ctx.db
      .selectFrom('check_result')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(result.checks).toBe(Number(checks.n));
  });
});
