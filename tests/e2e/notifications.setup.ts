import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { hashPassword } from '../../src/lib/server/auth/password';
import { unsubscribeToken } from '../../src/lib/server/notifications/notifications.core';
import { field, readE2eEnv } from './helpers';

/**
 * An editor (no TOTP needed) with two unread notifications, put straight into the e2e database, and an
 * unsubscribe token signed with the server's own key.
 */
export async function editorWithNotifications() {
  const editor = { email: `editor-${randomUUID().slice(0, 8)}@forebygg.example`, password: 'an editor pass phrase' };
  const db = new Database(readE2eEnv().dbPath);
  try {
    const now = new Date().toISOString();
    const orgId = randomUUID();
    const userId = randomUUID();
    db.prepare(
      'insert into organisation (id, name, kind, org_number, created_at, updated_at) values (?, ?, ?, null, ?, ?)'
    ).run(orgId, `Redaksjon ${orgId.slice(0, 4)}`, 'ngo', now, now);
    db.prepare(
      'insert into app_user (id, email, display_name, password_hash, totp_secret, totp_last_step, failed_logins, created_at) values (?, ?, ?, ?, null, null, 0, ?)'
    ).run(userId, editor.email, 'Eva Editor', await hashPassword(editor.password), now);
    db.prepare('insert into membership (user_id, organisation_id, role, created_at) values (?, ?, ?, ?)').run(
      userId,
      orgId,
      'editor',
      now
    );
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

export async function logIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/login');
  await field(page, 'E-postadresse').fill(user.email);
  await field(page, 'Passord').fill(user.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}
