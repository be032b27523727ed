import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { unsubscribeToken } from '../../src/lib/server/notifications/notifications.core';
import { readE2eEnv } from './helpers';
import { createStaffUser } from './staff.helpers';

/**
 * An editor (no TOTP needed) with two unread notifications, put straight into the e2e database, and an
 * unsubscribe token signed with the server's own key.
 */
export async function editorWithNotifications() {
  const editor = await createStaffUser('editor');
  const userId = editor.id;
  const db = new Database(readE2eEnv().dbPath);
  try {
    const now = new Date().toISOString();
    for (const [kind, link] of [
      ['directory.review_due', '/admin/directory'],
      ['actionplan.measure_unassessed', '/admin/action-plan']
    ]) {
      const eventId = randomUUID();
      db.prepare(
        'insert into notification_event (id, event_key, kind, subject_id, link, due_on, created_at) values (?, ?, ?, ?, ?, null, ?)'
      ).run(eventId, `${kind}|${eventId}|`, kind, eventId, link, now);
      db.prepare(
        "insert into notification (id, event_id, user_id, kind, link, due_on, created_at, read_at, mail) values (?, ?, ?, ?, ?, null, ?, null, 'none')"
      ).run(randomUUID(), eventId, userId, kind, link, now);
    }
    const key = db.prepare("select value from app_secret where name = 'token_hmac_key'").get() as { value: string };
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const token = unsubscribeToken(Buffer.from(key.value, 'base64'), userId, 'directory.review_due', expires);
    return { editor, userId, token };
  } finally {
    db.close();
  }
}
