import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Youth: how many quiz sessions started per ISO week — classroom sessions (`kind` 'class', counted when a
 * teacher starts one) and solo quizzes (`kind` 'self', counted when the first question is answered). A count
 * only: no session, set, pupil, municipality or time finer than the week. `+1` upserts, sharded on PostgreSQL
 * as the other youth tallies (readers sum over `shard`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('youth_session_week')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('youth_session_week_pk', ['kind', 'iso_week', 'shard'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('youth_session_week').ifExists().execute();
}
