import { sql } from 'kysely';
import type { sqliteHandle } from '../db/connect';
import type { Executor } from '../db/schema';

export interface TResultRow {
  id: string;
  sector: string;
  checklist_version: number;
  level: string;
  municipality_number: string | null;
  iso_week: string;
}

/** Several results at once: one multi-row insert per table (the group commit of check.writer.ts). */
export async function insertResults(db: Executor, results: { row: TResultRow; indicatorIds: string[] }[]) {
  if (!results.length) return;
  await db
    .insertInto('check_result')
    .values(results.map((r) => r.row))
    .execute();
  const indicators = results.flatMap((r) =>
    r.indicatorIds.map((indicator_id) => ({ result_id: r.row.id, indicator_id }))
  );
  if (indicators.length) await db.insertInto('check_result_indicator').values(indicators).execute();
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
  return sqlite.transaction((results: { row: TResultRow; indicatorIds: string[] }[]) => {
    for (const { row, indicatorIds } of results) {
      result.run(columns.map((c) => row[c]));
      for (const id of indicatorIds) indicator.run(row.id, id);
    }
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

/** Counts of check results grouped by sector, week, level and county, within a filter. */
export async function groupedResults(db: Executor, f: TResultFilter) {
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

/** How often each indicator was triggered, within a filter. */
export async function indicatorCounts(db: Executor, f: TResultFilter) {
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
