import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Report a concern: member and organisation keys, routing rules, encrypted reports, their recipients,
 * messages and status events, the retention job's lock, and the unlocked keys of staff sessions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('report_user_key')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('wrapped_private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_org_key')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisation.id').onDelete('cascade'))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('closed_retention_days', 'integer', (c) => c.notNull().defaultTo(90))
    .addColumn('reporter_retention_days', 'integer', (c) => c.notNull().defaultTo(180))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_org_grant')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('sealed_private_key', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('report_org_grant_pk', ['organisation_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('report_route_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_route_rule_unique')
    .on('report_route_rule')
    .columns(['kind', 'scope', 'area', 'organisation_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('municipality_number', 'text', (c) => c.notNull())
    .addColumn('county_number', 'text', (c) => c.notNull())
    .addColumn('received_week', 'text', (c) => c.notNull())
    .addColumn('received_on', t.time, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', t.time)
    .addColumn('receipt_lookup', 'text', (c) => c.unique())
    .addColumn('receipt_salt', 'text')
    .addColumn('reporter_wrapped_key', 'text')
    .addColumn('reporter_seen_on', t.time)
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_status_idx').on('report').columns(['status', 'closed_at']).execute();

  await db.schema
    .createTable('report_recipient')
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('sealed_data_key', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('report_recipient_pk', ['report_id', 'organisation_id'])
    .execute();
  await db.schema
    .createIndex('report_recipient_org_idx')
    .on('report_recipient')
    .columns(['organisation_id', 'report_id'])
    .execute();

  await db.schema
    .createTable('report_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('read_at', t.time)
    .addUniqueConstraint('report_message_position_unique', ['report_id', 'position'])
    .execute();

  await db.schema
    .createTable('report_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_event_report_idx').on('report_event').column('report_id').execute();

  await db.schema
    .createTable('report_job_lock')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('locked_until', t.time, (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_session_key')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('session.id').onDelete('cascade'))
    .addColumn('keys', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'report_session_key',
    'report_job_lock',
    'report_event',
    'report_message',
    'report_recipient',
    'report',
    'report_route_rule',
    'report_org_grant',
    'report_org_key',
    'report_user_key'
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
