import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('ap_plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period_from', 'integer', (c) => c.notNull())
    .addColumn('period_to', 'integer')
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('declared_measures', 'integer')
    .addColumn('declared_note', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ap_part')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('ap_plan.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addUniqueConstraint('ap_part_plan_number', ['plan_id', 'number'])
    .execute();

  await db.schema
    .createTable('ap_measure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('ap_plan.id').onDelete('cascade'))
    .addColumn('part_id', 'text', (c) => c.references('ap_part.id').onDelete('set null'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('chain_link', 'text', (c) => c.notNull())
    .addColumn('target_group', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('budget_nok', 'double precision')
    .addColumn('budget_note', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('indicator_series', 'text')
    .addColumn('sdg_targets', t.json, (c) => c.notNull())
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ap_measure_plan_idx').on('ap_measure').columns(['plan_id', 'number']).execute();

  await db.schema
    .createTable('ap_assessment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('measure_id', 'text', (c) => c.notNull().references('ap_measure.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('evidence_url', 'text', (c) => c.notNull())
    .addColumn('evidence_quote', 'text', (c) => c.notNull())
    .addColumn('assessed_by', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ap_assessment_measure_idx')
    .on('ap_assessment')
    .columns(['measure_id', 'assessed_on'])
    .execute();

  await db.schema
    .createTable('ap_greta_recommendation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('round', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('assessment', 'text', (c) => c.notNull())
    .addColumn('assessment_evidence', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ap_measure_recommendation')
    .addColumn('measure_id', 'text', (c) => c.notNull().references('ap_measure.id').onDelete('cascade'))
    .addColumn('recommendation_id', 'text', (c) =>
      c.notNull().references('ap_greta_recommendation.id').onDelete('cascade')
    )
    .addPrimaryKeyConstraint('ap_measure_recommendation_pk', ['measure_id', 'recommendation_id'])
    .execute();

  await db.schema
    .createTable('ap_comment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('author_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('evidence_url', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('moderated_at', t.time)
    .addColumn('moderated_by', 'text', (c) => c.references('app_user.id'))
    .execute();
  await db.schema
    .createIndex('ap_comment_target_idx')
    .on('ap_comment')
    .columns(['target_type', 'target_id', 'state'])
    .execute();

  await db.schema
    .createTable('ap_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('at', t.time, (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('before_json', t.json)
    .addColumn('after_json', t.json)
    .execute();
  await db.schema.createIndex('ap_version_entity_idx').on('ap_version').columns(['entity_id', 'at']).execute();
  await db.schema.createIndex('ap_version_plan_idx').on('ap_version').columns(['plan_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'ap_version',
    'ap_comment',
    'ap_measure_recommendation',
    'ap_greta_recommendation',
    'ap_assessment',
    'ap_measure',
    'ap_part',
    'ap_plan'
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
