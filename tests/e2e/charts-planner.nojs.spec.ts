import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { hashPassword } from '../../src/lib/server/auth/password';
import { field, readE2eEnv } from './helpers';

/** The planner and the chart gallery without JavaScript: plain form posts and server-drawn SVG. */
const analyst = { email: `planner-${randomUUID().slice(0, 8)}@forebygg.example`, password: 'an analyst pass phrase' };

test.beforeAll(async () => {
  const db = new Database(readE2eEnv().dbPath);
  try {
    const now = new Date().toISOString();
    const orgId = randomUUID();
    const userId = randomUUID();
    db.prepare(
      'insert into organisation (id, name, kind, org_number, created_at, updated_at) values (?, ?, ?, null, ?, ?)'
    ).run(orgId, `Analyse ${orgId.slice(0, 4)}`, 'ngo', now, now);
    db.prepare(
      'insert into app_user (id, email, display_name, password_hash, totp_secret, totp_last_step, failed_logins, created_at) values (?, ?, ?, ?, null, null, 0, ?)'
    ).run(userId, analyst.email, 'Ada Analyst', await hashPassword(analyst.password), now);
    db.prepare('insert into membership (user_id, organisation_id, role, created_at) values (?, ?, ?, ?)').run(
      userId,
      orgId,
      'analyst',
      now
    );
  } finally {
    db.close();
  }
});

async function logIn(page: Page) {
  await page.goto('/login');
  await field(page, 'E-postadresse').fill(analyst.email);
  await field(page, 'Passord').fill(analyst.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

test('the planner works without JavaScript: errors per field, then the three MDEs', async ({ page }) => {
  await logIn(page);
  await page.goto('/admin/campaigns/planner');
  await field(page, 'Dagens nivå på indikatoren (%)').fill('95');
  await field(page, 'Antall svar før kampanjen').fill('2 000');
  await field(page, 'Antall svar etter kampanjen').fill('2000');
  await field(page, 'Forventet andel som har sett kampanjen (%)').fill('40');
  await field(page, 'Endringen kampanjen håper på (prosentpoeng)').fill('10');
  await page.getByRole('button', { name: 'Beregn' }).click();
  await expect(page.getByText('Nivået pluss endringen må være under 100 %.').first()).toBeVisible();
  await expect(field(page, 'Antall svar før kampanjen')).toHaveValue('2 000');

  await field(page, 'Dagens nivå på indikatoren (%)').fill('30');
  await field(page, 'Endringen kampanjen håper på (prosentpoeng)').fill('20');
  await page.getByRole('button', { name: 'Beregn' }).click();
  await expect(page.getByText(/Planen kan påvise en endring på 20 prosentpoeng med alle tre designene/)).toBeVisible();
  await expect(page.locator('[data-design="exposed"] [data-verdict]')).toHaveText(/Ja/);
});

test('the chart gallery is complete without JavaScript', async ({ page }) => {
  await logIn(page);
  await page.goto('/admin/charts');
  await expect(page.locator('figure svg[role="img"]')).toHaveCount(5);
  await expect(page.locator('figure table')).toHaveCount(6);
});
