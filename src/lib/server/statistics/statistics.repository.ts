import type { Executor } from '../db/schema';
import type { StatBreakdownTable, StatIndicatorTable, StatSourceTable, StatValueTable } from './statistics.tables';

export async function listIndicators(db: Executor) {
  return db.selectFrom('stat_indicator').selectAll().orderBy('position').orderBy('slug').execute();
}

export async function findIndicatorBySlug(db: Executor, slug: string) {
  return db.selectFrom('stat_indicator').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertIndicator(db: Executor, row: StatIndicatorTable) {
  await db.insertInto('stat_indicator').values(row).execute();
}

export async function maxIndicatorPosition(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('stat_indicator')
    .select((eb) => eb.fn.max<number>('position').as('p'))
    .executeTakeFirst();
  return Number(r?.p ?? 0);
}

export async function listBreakdowns(db: Executor, indicatorIds?: string[]) {
  let q = db.selectFrom('stat_breakdown').selectAll();
  if (indicatorIds) {
    if (!indicatorIds.length) return [];
    q = q.where('indicator_id', 'in', indicatorIds);
  }
  return q.orderBy('indicator_id').orderBy('position').execute();
}

export async function insertBreakdownIfMissing(db: Executor, row: StatBreakdownTable) {
  await db
    .insertInto('stat_breakdown')
    .values(row)
    .onConflict((oc) => oc.columns(['indicator_id', 'code']).doNothing())
    .execute();
}

export async function findSource(db: Executor, s: { title: string; publisher: string; url: string }) {
  return db
    .selectFrom('stat_source')
    .selectAll()
    .where('title', '=', s.title)
    .where('publisher', '=', s.publisher)
    .where('url', '=', s.url)
    .executeTakeFirst();
}

export async function insertSource(db: Executor, row: StatSourceTable) {
  await db.insertInto('stat_source').values(row).execute();
}

/** Value counts and year spans per indicator, for the list page. */
export async function valueSpans(db: Executor) {
  return db
    .selectFrom('stat_value')
    .select((eb) => [
      'indicator_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.min<number>('period_from').as('first'),
      eb.fn.max<number>('period_to').as('last')
    ])
    .groupBy('indicator_id')
    .execute();
}

export async function listValues(
  db: Executor,
  indicatorId: string,
  filter: { from?: number; to?: number; breakdown?: string } = {}
) {
  let q = db
    .selectFrom('stat_value')
    .innerJoin('stat_source', 'stat_source.id', 'stat_value.source_id')
    .select([
      'stat_value.id',
      'stat_value.breakdown',
      'stat_value.period_from',
      'stat_value.period_to',
      'stat_value.value',
      'stat_value.note',
      'stat_value.updated_at',
      'stat_source.id as source_id',
      'stat_source.title as source_title',
      'stat_source.publisher as source_publisher',
      'stat_source.url as source_url',
      'stat_source.accessed_on as source_accessed_on'
    ])
    .where('stat_value.indicator_id', '=', indicatorId);
  if (filter.from !== undefined) q = q.where('stat_value.period_to', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('stat_value.period_to', '<=', filter.to);
  if (filter.breakdown !== undefined) q = q.where('stat_value.breakdown', '=', filter.breakdown);
  return q
    .orderBy('stat_value.period_to')
    .orderBy('stat_value.period_from')
    .orderBy('stat_value.breakdown')
    .orderBy('stat_value.created_at')
    .orderBy('stat_source.title')
    .orderBy('stat_value.id')
    .execute();
}

export async function insertValue(db: Executor, row: StatValueTable) {
  await db.insertInto('stat_value').values(row).execute();
}

export async function updateValue(
  db: Executor,
  id: string,
  set: { value: number | null; note: string; updated_at: string }
) {
  await db.updateTable('stat_value').set(set).where('id', '=', id).execute();
}

/** The newest change to any statistics value, for "last updated". */
export async function lastValueChange(db: Executor): Promise<string | null> {
  const r = await db
    .selectFrom('stat_value')
    .select((eb) => eb.fn.max<string>('updated_at').as('at'))
    .executeTakeFirst();
  return r?.at ?? null;
}
