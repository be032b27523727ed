import { sql } from 'kysely';
import type { sqliteHandle } from '../db/connect';
import type { DB, Executor } from '../db/schema';
import { isPostgres } from '../jobs/jobs';

export interface TResultRow {
  id: string;
  sector: string;
  checklist_version: number;
  level: string;
  municipality_number: string | null;
  iso_week: string;
}

/** The columns of the counters' keys (check.tables.ts). */
export const checkCountKey = ['sector', 'iso_week', 'level', 'county_number'] as const;
export const checkIndicatorCountKey = ['sector', 'iso_week', 'county_number', 'indicator_id'] as const;

export interface TCheckCountRow {
  sector: string;
  iso_week: string;
  level: string;
  county_number: string;
  n: number;
}

export interface TCheckIndicatorCountRow {
  sector: string;
  iso_week: string;
  county_number: string;
  indicator_id: string;
  n: number;
}

/** What a batch adds to the counters: one row per distinct key, sorted by key (check.writer.ts). */
export interface TCheckCounts {
  counts: TCheckCountRow[];
  indicators: TCheckIndicatorCountRow[];
}

/**
 * Several results at once: one multi-row insert per table (the group commit of check.writer.ts), then the
 * batch's counter increments, one upsert row per key. The rows come sorted by key, so two instances' concurrent
 * transactions lock counter rows in the same order (PostgreSQL processes a VALUES list in order).
 */
export async function insertResults(
  db: Executor,
  results: { row: TResultRow; indicatorIds: string[] }[],
  counts: TCheckCounts
) {
  if (!results.length) return;
  await db
    .insertInto('check_result')
    .values(results.map((r) => r.row))
    .execute();
  const indicators = results.flatMap((r) =>
    r.indicatorIds.map((indicator_id) => ({ result_id: r.row.id, indicator_id }))
  );
  if (indicators.length) await db.insertInto('check_result_indicator').values(indicators).execute();
  for (let i = 0; i < counts.counts.length; i += 200)
    await db
      .insertInto('check_count')
      .values(counts.counts.slice(i, i + 200))
      .onConflict((oc) => oc.columns(checkCountKey).doUpdateSet({ n: sql<number>`check_count.n + excluded.n` }))
      .execute();
  for (let i = 0; i < counts.indicators.length; i += 200)
    await db
      .insertInto('check_indicator_count')
      .values(counts.indicators.slice(i, i + 200))
      .onConflict((oc) =>
        oc.columns(checkIndicatorCountKey).doUpdateSet({ n: sql<number>`check_indicator_count.n + excluded.n` })
      )
      .execute();
}

/**
 * The same inserts as insertResults as prepared better-sqlite3 statements in one transaction: on SQLite
 * a check submission costs a few microseconds of database work instead of Kysely's per-query building
 * and preparing (issue 3's throughput target). Synchronous: it commits before it returns.
 */
export function sqliteResultInserter(sqlite: NonNullable<ReturnType<typeof sqliteHandle>>) {
  const columns = ['id', 'sector', 'checklist_version', 'level', 'municipality_number', 'iso_week'] as const;
  const result = sqlite.prepare(
    `insert into check_result (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`
  );
  const indicator = sqlite.prepare('insert into check_result_indicator (result_id, indicator_id) values (?, ?)');
  const count = sqlite.prepare(
    `insert into check_count (${checkCountKey.join(', ')}, n) values (?, ?, ?, ?, ?) ` +
      `on conflict (${checkCountKey.join(', ')}) do update set n = n + excluded.n`
  );
  const indicatorCount = sqlite.prepare(
    `insert into check_indicator_count (${checkIndicatorCountKey.join(', ')}, n) values (?, ?, ?, ?, ?) ` +
      `on conflict (${checkIndicatorCountKey.join(', ')}) do update set n = n + excluded.n`
  );
  return sqlite.transaction((results: { row: TResultRow; indicatorIds: string[] }[], counts: TCheckCounts) => {
    for (const { row, indicatorIds } of results) {
      result.run(columns.map((c) => row[c]));
      for (const id of indicatorIds) indicator.run(row.id, id);
    }
    for (const c of counts.counts) count.run(c.sector, c.iso_week, c.level, c.county_number, c.n);
    for (const c of counts.indicators) indicatorCount.run(c.sector, c.iso_week, c.county_number, c.indicator_id, c.n);
  });
}

/** The county of each municipality (static reference data: read once per database, again for a new number). */
export async function municipalityCounties(db: Executor, numbers?: string[]): Promise<Map<string, string>> {
  let q = db.selectFrom('municipality').select(['number', 'county_number']);
  if (numbers) {
    if (!numbers.length) return new Map();
    q = q.where('number', 'in', numbers);
  }
  return new Map((await q.execute()).map((r) => [r.number, r.county_number]));
}

const countsFromRows = sql<TCheckCountRow>`
  select r.sector as sector, r.iso_week as iso_week, r.level as level,
         coalesce(m.county_number, '') as county_number, count(*) as n
    from check_result r left join municipality m on m.number = r.municipality_number
   group by r.sector, r.iso_week, r.level, coalesce(m.county_number, '')`;
const indicatorCountsFromRows = sql<TCheckIndicatorCountRow>`
  select r.sector as sector, r.iso_week as iso_week, coalesce(m.county_number, '') as county_number,
         i.indicator_id as indicator_id, count(*) as n
    from check_result_indicator i
    join check_result r on r.id = i.result_id
    left join municipality m on m.number = r.municipality_number
   group by r.sector, r.iso_week, coalesce(m.county_number, ''), i.indicator_id`;

const byKey = <T extends { n: number | string | bigint }>(rows: T[], key: readonly (keyof T)[]): T[] =>
  rows
    .map((r) => ({ ...r, n: Number(r.n) }))
    .sort((a, b) => {
      for (const k of key) {
        const x = String(a[k]);
        const y = String(b[k]);
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    });

/** The counters as a full recount of check_result would make them (the counting the migration backfilled). */
export async function recountCheckCounts(db: Executor): Promise<TCheckCounts> {
  return {
    counts: byKey((await countsFromRows.execute(db)).rows, checkCountKey),
    indicators: byKey((await indicatorCountsFromRows.execute(db)).rows, checkIndicatorCountKey)
  };
}

/** The counters as stored (rows with n > 0), sorted like recountCheckCounts. */
export async function storedCheckCounts(db: Executor): Promise<TCheckCounts> {
  return {
    counts: byKey(await db.selectFrom('check_count').selectAll().where('n', '>', 0).execute(), checkCountKey),
    indicators: byKey(
      await db.selectFrom('check_indicator_count').selectAll().where('n', '>', 0).execute(),
      checkIndicatorCountKey
    )
  };
}

/**
 * Replaces the counters by a recount of the stored checks, in one transaction. On PostgreSQL check_result is
 * locked in share mode first: a check being written finishes before, one arriving waits until the recount has
 * committed, so none is counted twice or lost. On SQLite the delete takes the database's write lock first.
 */
export async function rebuildCheckCounts(db: DB): Promise<{ checks: number; counters: number }> {
  return db.transaction().execute(async (trx) => {
    if (isPostgres(trx)) await sql`lock table check_result in share mode`.execute(trx);
    await trx.deleteFrom('check_count').execute();
    await trx.deleteFrom('check_indicator_count').execute();
    await sql`insert into check_count (sector, iso_week, level, county_number, n) ${countsFromRows}`.execute(trx);
    await sql`insert into check_indicator_count (sector, iso_week, county_number, indicator_id, n) ${indicatorCountsFromRows}`.execute(
      trx
    );
    const stored = await storedCheckCounts(trx);
    return {
      checks: stored.counts.reduce((a, r) => a + r.n, 0),
      counters: stored.counts.length + stored.indicators.length
    };
  });
}

export async function findChecklistVersion(db: Executor, sector: string, version: number) {
  return db
    .selectFrom('check_checklist')
    .selectAll()
    .where('sector', '=', sector)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertChecklistVersion(
  db: Executor,
  row: { sector: string; version: number; content_hash: string; definition: string; first_loaded_at: string }
): Promise<void> {
  await db
    .insertInto('check_checklist')
    .values(row)
    .onConflict((oc) => oc.columns(['sector', 'version']).doNothing())
    .execute();
}

export async function updateChecklistDefinition(
  db: Executor,
  sector: string,
  version: number,
  set: { content_hash: string; definition: string }
): Promise<void> {
  await db
    .updateTable('check_checklist')
    .set(set)
    .where('sector', '=', sector)
    .where('version', '=', version)
    .execute();
}

export async function listChecklistVersions(db: Executor) {
  return db
    .selectFrom('check_checklist')
    .leftJoin('check_result', (j) =>
      j
        .onRef('check_result.sector', '=', 'check_checklist.sector')
        .onRef('check_result.checklist_version', '=', 'check_checklist.version')
    )
    .select((eb) => [
      'check_checklist.sector',
      'check_checklist.version',
      'check_checklist.content_hash',
      'check_checklist.first_loaded_at',
      eb.fn.count<number>('check_result.id').as('results')
    ])
    .groupBy([
      'check_checklist.sector',
      'check_checklist.version',
      'check_checklist.content_hash',
      'check_checklist.first_loaded_at'
    ])
    .orderBy('check_checklist.sector')
    .orderBy('check_checklist.version', 'desc')
    .execute();
}

export interface TResultFilter {
  from?: string;
  to?: string;
  sector?: string;
  county?: string;
}

/**
 * Counts of check results by sector, week, level and county (null: no municipality), within a filter: read
 * from check_count, whose key is exactly these columns (one row each, no scan of the checks).
 */
export async function groupedResults(db: Executor, f: TResultFilter) {
  let q = db
    .selectFrom('check_count')
    .select(['sector', 'iso_week as week', 'level', 'county_number as county', 'n'])
    .where('n', '>', 0);
  if (f.from) q = q.where('iso_week', '>=', f.from);
  if (f.to) q = q.where('iso_week', '<=', f.to);
  if (f.sector) q = q.where('sector', '=', f.sector);
  if (f.county) q = q.where('county_number', '=', f.county);
  return (await q.execute()).map((r) => ({ ...r, county: r.county === '' ? null : r.county }));
}

/** Checks per ISO week, all sectors and counties (check_count summed by week; weeks with none left out). */
export async function weekTotals(db: Executor) {
  const rows = await db
    .selectFrom('check_count')
    .select((eb) => ['iso_week as week', eb.fn.sum<number>('n').as('n')])
    .groupBy('iso_week')
    .having(sql`sum(n)`, '>', 0)
    .execute();
  return rows.map((r) => ({ week: r.week, n: Number(r.n) }));
}

/** How often each indicator was triggered, within a filter (from check_indicator_count), most frequent first. */
export async function indicatorCounts(db: Executor, f: TResultFilter) {
  let q = db
    .selectFrom('check_indicator_count')
    .select((eb) => ['indicator_id as indicator', eb.fn.sum<number>('n').as('n')]);
  if (f.from) q = q.where('iso_week', '>=', f.from);
  if (f.to) q = q.where('iso_week', '<=', f.to);
  if (f.sector) q = q.where('sector', '=', f.sector);
  if (f.county) q = q.where('county_number', '=', f.county);
  return q
    .groupBy('indicator_id')
    .having(sql`sum(n)`, '>', 0)
    .orderBy(sql`sum(n)`, 'desc')
    .orderBy('indicator_id')
    .execute();
}

export async function incrementLetterCount(db: Executor, sector: string, isoWeek: string): Promise<void> {
  await db
    .insertInto('check_letter_count')
    .values({ sector, iso_week: isoWeek, count: 1 })
    .onConflict((oc) => oc.columns(['sector', 'iso_week']).doUpdateSet({ count: sql`check_letter_count.count + 1` }))
    .execute();
}

export async function letterCounts(db: Executor) {
  return db.selectFrom('check_letter_count').selectAll().orderBy('iso_week', 'desc').orderBy('sector').execute();
}

export async function municipalityExists(db: Executor, number: string): Promise<boolean> {
  return !!(await db.selectFrom('municipality').select('number').where('number', '=', number).executeTakeFirst());
}

export async function listCounties(db: Executor) {
  return db.selectFrom('county').selectAll().orderBy('number').execute();
}
