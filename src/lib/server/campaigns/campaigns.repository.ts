import type { Insertable } from 'kysely';
import type { Executor } from '../db/schema';
import type { CampaignTable } from './campaigns.tables';

export async function insertCampaign(db: Executor, row: Insertable<CampaignTable>) {
  await db.insertInto('campaign').values(row).execute();
}

export async function updateCampaign(db: Executor, id: string, row: Partial<Insertable<CampaignTable>>) {
  await db.updateTable('campaign').set(row).where('id', '=', id).execute();
}

export async function deleteCampaign(db: Executor, id: string) {
  await db.deleteFrom('campaign').where('id', '=', id).execute();
}

export async function findCampaign(db: Executor, idOrSlug: string) {
  return db
    .selectFrom('campaign')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();
}

export async function listCampaigns(db: Executor, publishedOnly = false) {
  let q = db.selectFrom('campaign').selectAll();
  if (publishedOnly) q = q.where('published_at', 'is not', null);
  return q.orderBy('starts_on', 'desc').orderBy('created_at', 'desc').execute();
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return !!(await db.selectFrom('campaign').select('id').where('slug', '=', slug).executeTakeFirst());
}

/** Survey collection links' source codes known to the app (for the form's hint). */
export async function knownSourceCodes(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('survey_link')
    .select('source_code')
    .distinct()
    .where('source_code', 'is not', null)
    .orderBy('source_code')
    .execute();
  return rows.map((r) => r.source_code!).filter(Boolean);
}

// ——— Platform activity per ISO week (counts only, nothing about a person) ———

export async function checksPerWeek(db: Executor, weeks: readonly string[]) {
  if (!weeks.length) return [];
  return db
    .selectFrom('check_result')
    .select(['iso_week as week', (eb) => eb.fn.countAll<number>().as('n')])
    .where('iso_week', 'in', weeks)
    .groupBy('iso_week')
    .execute();
}

export async function lettersPerWeek(db: Executor, weeks: readonly string[]) {
  if (!weeks.length) return [];
  return db
    .selectFrom('check_letter_count')
    .select(['iso_week as week', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('iso_week', 'in', weeks)
    .groupBy('iso_week')
    .execute();
}

export async function quizAnswersPerWeek(db: Executor, weeks: readonly string[]) {
  if (!weeks.length) return [];
  return db
    .selectFrom('youth_answer_tally')
    .select(['iso_week as week', (eb) => eb.fn.sum<number>('answered').as('n')])
    .where('iso_week', 'in', weeks)
    .groupBy('iso_week')
    .execute();
}

/** Quiz sessions started per ISO week: solo quizzes ('self') or classroom sessions ('class'), summed over shards. */
export async function sessionsPerWeek(db: Executor, weeks: readonly string[], kind: 'self' | 'class') {
  if (!weeks.length) return [];
  return db
    .selectFrom('youth_session_week')
    .select(['iso_week as week', (eb) => eb.fn.sum<number>('started').as('n')])
    .where('iso_week', 'in', weeks)
    .where('kind', '=', kind)
    .groupBy('iso_week')
    .execute();
}

export async function reportsPerWeek(db: Executor, weeks: readonly string[]) {
  if (!weeks.length) return [];
  return db
    .selectFrom('report')
    .select(['received_week as week', (eb) => eb.fn.countAll<number>().as('n')])
    .where('received_week', 'in', weeks)
    .groupBy('received_week')
    .execute();
}

export async function surveyResponsesPerWeek(db: Executor, weeks: readonly string[], sourceCodes: readonly string[]) {
  if (!weeks.length || !sourceCodes.length) return [];
  return db
    .selectFrom('survey_response')
    .select(['iso_week as week', (eb) => eb.fn.countAll<number>().as('n')])
    .where('iso_week', 'in', weeks)
    .where('source_code', 'in', sourceCodes)
    .groupBy('iso_week')
    .execute();
}

/** Classroom quizzes: answers and right answers per ISO week and run (before/after), over sets and municipalities. */
export async function classTalliesPerWeek(db: Executor, weeks: readonly string[]) {
  if (!weeks.length) return [];
  return db
    .selectFrom('youth_class_tally')
    .select([
      'iso_week as week',
      'run',
      (eb) => eb.fn.sum<number>('answered').as('answered'),
      (eb) => eb.fn.sum<number>('correct').as('correct')
    ])
    .where('iso_week', 'in', weeks)
    .groupBy(['iso_week', 'run'])
    .execute();
}
