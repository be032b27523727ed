import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Notifications: events (one per kind + subject + period, never twice), one in-app notification per
 * recipient, an e-mail outbox claimed by senders with a lease (no global lock), and per-user preferences.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('notification_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('notification_event.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('read_at', t.time)
    .addColumn('mail', 'text', (c) => c.notNull())
    .addUniqueConstraint('notification_event_user_uq', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('notification_mail_idx').on('notification').columns(['mail', 'user_id']).execute();

  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('notification_ids', t.json, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.time, (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', t.time)
    .addColumn('sent_at', t.time)
    .addColumn('failed_at', t.time)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_outbox_due_idx')
    .on('notification_outbox')
    .columns(['sent_at', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('notification_preference')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('paused_until', 'text')
    .addColumn('muted_kinds', t.json, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['notification_preference', 'notification_outbox', 'notification', 'notification_event']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
