import type { Executor } from '../db/schema';
import type { ApMeasureTable, ApVersionTable } from './actionplan.tables';

export async function listPlans(db: Executor) {
  return db.selectFrom('ap_plan').selectAll().orderBy('position').orderBy('period_from').execute();
}

export async function findPlanBySlug(db: Executor, slug: string) {
  return db.selectFrom('ap_plan').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findPlanById(db: Executor, id: string) {
  return db.selectFrom('ap_plan').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listParts(db: Executor, planIds?: string[]) {
  let q = db.selectFrom('ap_part').selectAll();
  if (planIds) {
    if (!planIds.length) return [];
    q = q.where('plan_id', 'in', planIds);
  }
  return q.orderBy('plan_id').orderBy('number').execute();
}

export async function listMeasures(db: Executor, planIds?: string[]) {
  let q = db.selectFrom('ap_measure').selectAll();
  if (planIds) {
    if (!planIds.length) return [];
    q = q.where('plan_id', 'in', planIds);
  }
  return q.orderBy('plan_id').orderBy('created_at').execute();
}

export async function findMeasure(db: Executor, id: string) {
  return db.selectFrom('ap_measure').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMeasure(db: Executor, row: ApMeasureTable) {
  await db.insertInto('ap_measure').values(row).execute();
}

export async function updateMeasure(db: Executor, id: string, row: Partial<ApMeasureTable>) {
  await db.updateTable('ap_measure').set(row).where('id', '=', id).execute();
}

/** Assessments of the given measures, newest first. */
export async function listAssessments(db: Executor, measureIds: string[]) {
  if (!measureIds.length) return [];
  return db
    .selectFrom('ap_assessment')
    .selectAll()
    .where('measure_id', 'in', measureIds)
    .orderBy('assessed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function listRecommendations(db: Executor) {
  return db.selectFrom('ap_greta_recommendation').selectAll().orderBy('position').orderBy('code').execute();
}

export async function findRecommendation(db: Executor, code: string) {
  return db.selectFrom('ap_greta_recommendation').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listMeasureLinks(db: Executor) {
  return db
    .selectFrom('ap_measure_recommendation')
    .innerJoin('ap_greta_recommendation as r', 'r.id', 'ap_measure_recommendation.recommendation_id')
    .innerJoin('ap_measure as m', 'm.id', 'ap_measure_recommendation.measure_id')
    .innerJoin('ap_plan as p', 'p.id', 'm.plan_id')
    .select(['m.id as measure_id', 'm.number', 'm.title', 'p.slug as plan_slug', 'r.id as recommendation_id', 'r.code'])
    .execute();
}

export async function insertVersion(db: Executor, row: ApVersionTable) {
  await db.insertInto('ap_version').values(row).execute();
}

/** Versions of one entity, or of everything in one plan; newest first, with the editor's name. */
export async function listVersions(db: Executor, by: { entityIds?: string[]; planId?: string }, limit = 200) {
  let q = db
    .selectFrom('ap_version')
    .leftJoin('app_user', 'app_user.id', 'ap_version.actor_id')
    .select([
      'ap_version.id',
      'ap_version.entity_type',
      'ap_version.entity_id',
      'ap_version.at',
      'ap_version.change',
      'ap_version.before_json',
      'ap_version.after_json',
      'app_user.display_name as actor_name'
    ]);
  if (by.entityIds) {
    if (!by.entityIds.length) return [];
    q = q.where('ap_version.entity_id', 'in', by.entityIds);
  }
  if (by.planId) q = q.where('ap_version.plan_id', '=', by.planId);
  return q.orderBy('ap_version.at', 'desc').limit(limit).execute();
}
