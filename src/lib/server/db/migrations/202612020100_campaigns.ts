import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Campaigns (issue 8): the registry of information campaigns and their evaluation design — the
 * indicator (a survey question and answer), a baseline and a follow-up wave, the exposure question of the
 * follow-up and the collection source codes. Lists are JSON text; published = `published_at` set.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('campaign')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('target_group', 'text', (c) => c.notNull())
    .addColumn('sectors', t.json, (c) => c.notNull())
    .addColumn('channels', t.json, (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('budget_nok', t.bigint)
    .addColumn('survey_id', 'text')
    .addColumn('question_id', 'text')
    .addColumn('answer_code', 'text')
    .addColumn('sdg_targets', t.json, (c) => c.notNull())
    .addColumn('measure_ids', t.json, (c) => c.notNull())
    .addColumn('partners', 'text', (c) => c.notNull())
    .addColumn('materials', t.json, (c) => c.notNull())
    .addColumn('design', 'text', (c) => c.notNull())
    .addColumn('baseline_wave_id', 'text')
    .addColumn('followup_wave_id', 'text')
    .addColumn('exposure_question_id', 'text')
    .addColumn('exposure_answer_code', 'text')
    .addColumn('source_codes', t.json, (c) => c.notNull())
    .addColumn('weighting', 'text', (c) => c.notNull())
    .addColumn('published_at', t.time)
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_published_idx').on('campaign').columns(['published_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign').execute();
}
