import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Sums of number questions per (wave, question, weighting cell): respondents who answered, Σy and Σy²
 * (the sufficient statistics of a mean and its linearization variance with base weight 1). Maintained in
 * the response's transaction; rebuilt by `npm run surveys:recount`. Answers are whole numbers, so the sums
 * are exact as long as Σy² stays below 2^53.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('survey_numeric_sum')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('survey_wave.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('n', t.bigint, (c) => c.notNull())
    .addColumn('sum_y', 'double precision', (c) => c.notNull())
    .addColumn('sum_y2', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_numeric_sum_pk', ['wave_id', 'question_id', 'cell'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_numeric_sum').ifExists().execute();
}
