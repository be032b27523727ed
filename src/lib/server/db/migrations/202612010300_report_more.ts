import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Report a concern, second part: forwards of a report from one organisation to another (the reporter
 * sees "forwarded to <organisation>"), and one recovery key per organisation (its private key wrapped
 * under a key only the printed recovery key carries), and an index for the inbox's order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('report_forward')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('from_organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('to_organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    /** 'kept' | 'dropped': whether the first organisation kept access. */
    .addColumn('first_access', 'text', (c) => c.notNull())
    /** The day, at 00:00 UTC: the reporter sees it. */
    .addColumn('created_on', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_forward_report_idx').on('report_forward').column('report_id').execute();

  // The inbox lists an organisation's reports newest first.
  await db.schema.createIndex('report_received_idx').on('report').columns(['received_on', 'id']).execute();

  await db.schema
    .createTable('report_org_recovery')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisation.id').onDelete('cascade'))
    .addColumn('wrapped_private_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_org_recovery').execute();
  await db.schema.dropIndex('report_received_idx').execute();
  await db.schema.dropTable('report_forward').execute();
}
