import type { Kysely } from 'kysely';

/**
 * Campaigns, difference-in-differences against a comparison group (issue 8): the design `did_group` reads the
 * target group and the comparison from a demographic or breakdown question of the survey — the question's id,
 * the answers that make the target group (JSON array) and the answers of the comparison (JSON array; empty =
 * every other answer). All null for campaigns of another design.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaign').addColumn('did_group_question_id', 'text').execute();
  await db.schema.alterTable('campaign').addColumn('did_target_codes', 'text').execute();
  await db.schema.alterTable('campaign').addColumn('did_comparison_codes', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaign').dropColumn('did_comparison_codes').execute();
  await db.schema.alterTable('campaign').dropColumn('did_target_codes').execute();
  await db.schema.alterTable('campaign').dropColumn('did_group_question_id').execute();
}
