import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { hashPassword } from '../../src/lib/server/auth/password';
import { field, readE2eEnv } from './helpers';

/** An editor (no TOTP needed) put straight into the e2e database, so the specs do not depend on setup. */
export async function createEditor(): Promise<{ email: string; password: string }> {
  const editor = { email: `quiz-editor-${randomUUID().slice(0, 8)}@example.org`, password: 'an editor pass phrase' };
  const db = new Database(readE2eEnv().dbPath);
  try {
    const now = new Date().toISOString();
    const orgId = randomUUID();
    const userId = randomUUID();
    db.prepare(
      'insert into organisation (id, name, kind, org_number, created_at, updated_at) values (?, ?, ?, null, ?, ?)'
    ).run(orgId, `Skolelaget ${orgId.slice(0, 4)}`, 'ngo', now, now);
    db.prepare(
      'insert into app_user (id, email, display_name, password_hash, totp_secret, totp_last_step, failed_logins, created_at) values (?, ?, ?, ?, null, null, 0, ?)'
    ).run(userId, editor.email, 'Quiz Editor', await hashPassword(editor.password), now);
    db.prepare('insert into membership (user_id, organisation_id, role, created_at) values (?, ?, ?, ?)').run(
      userId,
      orgId,
      'editor',
      now
    );
  } finally {
    db.close();
  }
  return editor;
}

export async function logIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/login');
  await field(page, 'E-postadresse').fill(user.email);
  await field(page, 'Passord').fill(user.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/**
 * A quiz set of its own (four questions of a shipped set, unpublished) put straight into the e2e database,
 * so a spec can delete and reorder questions without changing what the other specs answer. With
 * `answered`, the question at that index has one self-paced answer counted, as after a past lesson.
 */
export function createQuizSet(answered?: number): { id: string; questions: string[] } {
  const shipped = JSON.parse(readFileSync('data/quizzes/sectors-around-us.json', 'utf8')) as {
    id: string;
    order: number;
    questions: { id: string; text: { nb: string } }[];
  };
  const id = `e2e-${randomUUID().slice(0, 8)}`;
  const set = { ...shipped, id, order: 900, questions: shipped.questions.slice(0, 4) };
  const db = new Database(readE2eEnv().dbPath);
  try {
    const now = new Date().toISOString();
    db.prepare(
      'insert into youth_quiz_set (id, position, target_age, definition, origin, published_at, created_at, updated_at) values (?, ?, ?, ?, ?, null, ?, ?)'
    ).run(id, 900, (shipped as unknown as { targetAge: string }).targetAge, JSON.stringify(set), 'editor', now, now);
    if (answered !== undefined)
      db.prepare(
        'insert into youth_answer_tally (set_id, question_id, mode, iso_week, answered, correct) values (?, ?, ?, ?, 1, 1)'
      ).run(id, set.questions[answered]!.id, 'self', '2026-W48');
  } finally {
    db.close();
  }
  return { id, questions: set.questions.map((q) => q.text.nb) };
}
