import type { Kysely } from 'kysely';

/**
 * Content studio, quiz sets: a classroom session keeps the quiz set as it was published when the class
 * started (`quiz_definition`, JSON text, and the studio's version number `quiz_version`), so a publish
 * during a lesson does not change the questions under the pupils' feet and the class's results refer to
 * the version it was given. Both are null for sessions started before this migration (they read the set).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('youth_class_session').addColumn('quiz_definition', 'text').execute();
  await db.schema.alterTable('youth_class_session').addColumn('quiz_version', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('youth_class_session').dropColumn('quiz_version').execute();
  await db.schema.alterTable('youth_class_session').dropColumn('quiz_definition').execute();
}
