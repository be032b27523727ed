import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * A generation per wave for its counters (survey_count, survey_cell_count, survey_joint_count,
 * survey_numeric_sum): every transaction that changes a wave's counters adds one to it — the writer once per
 * group-committed batch and wave, a recount once per wave. Results are kept in memory under the generation
 * they were computed from and read it on every request, so a change made by any instance is seen by the next
 * request of every instance. A wave without a row has generation 0.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('survey_counter_version')
    .addColumn('wave_id', 'text', (c) => c.primaryKey().references('survey_wave.id').onDelete('cascade'))
    .addColumn('generation', t.bigint, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_counter_version').ifExists().execute();
}
