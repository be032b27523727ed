import { sql, type Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Check: counters that are the sufficient statistics of the check summary (the prevention barometer,
 * GET /api/v1/checks/summary, /admin/checks), kept by the check writer in the transaction that inserts
 * the checks, so the summary reads a few rows per week instead of every check ever stored.
 * - check_count: checks per (sector, ISO week, level, county);
 * - check_indicator_count: triggered indicators per (sector, ISO week, county, indicator).
 * The county is the municipality's county from the municipality table at the time of the check, '' when
 * the check names no municipality (no NULL in a key). Both are filled here from the rows already stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('check_count')
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('county_number', 'text', (c) => c.notNull())
    .addColumn('n', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('check_count_pk', ['sector', 'iso_week', 'level', 'county_number'])
    .execute();
  await db.schema
    .createTable('check_indicator_count')
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('county_number', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('n', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('check_indicator_count_pk', ['sector', 'iso_week', 'county_number', 'indicator_id'])
    .execute();
  await sql`
    insert into check_count (sector, iso_week, level, county_number, n)
    select r.sector, r.iso_week, r.level, coalesce(m.county_number, ''), count(*)
      from check_result r left join municipality m on m.number = r.municipality_number
     group by r.sector, r.iso_week, r.level, coalesce(m.county_number, '')`.execute(db);
  await sql`
    insert into check_indicator_count (sector, iso_week, county_number, indicator_id, n)
    select r.sector, r.iso_week, coalesce(m.county_number, ''), i.indicator_id, count(*)
      from check_result_indicator i
      join check_result r on r.id = i.result_id
      left join municipality m on m.number = r.municipality_number
     group by r.sector, r.iso_week, coalesce(m.county_number, ''), i.indicator_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('check_indicator_count').ifExists().execute();
  await db.schema.dropTable('check_count').ifExists().execute();
}
