import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { hashPassword } from '../../src/lib/server/auth/password';
import { expectNoSeriousAxeViolations, field, readE2eEnv } from './helpers';

/**
 * The campaign registry (issue 8), JavaScript on: an editor (put straight into the e2e database) registers
 * a campaign, meets a refused form, sees the campaign page with its weekly activity, publishes it, and
 * the public pages show it in bokmål and English.
 */
const editor = { email: `camp-${randomUUID().slice(0, 8)}@forebygg.example`, password: 'an editor pass phrase' };
const name = `Se tegnene ${randomUUID().slice(0, 6)}`;

test.beforeAll(async () => {
  const db = new Database(readE2eEnv().dbPath);
  try {
    const now = new Date().toISOString();
    const orgId = randomUUID();
    const userId = randomUUID();
    db.prepare(
      'insert into organisation (id, name, kind, org_number, created_at, updated_at) values (?, ?, ?, null, ?, ?)'
    ).run(orgId, `Kampanje ${orgId.slice(0, 4)}`, 'ngo', now, now);
    db.prepare(
      'insert into app_user (id, email, display_name, password_hash, totp_secret, totp_last_step, failed_logins, created_at) values (?, ?, ?, ?, null, null, 0, ?)'
    ).run(userId, editor.email, 'Eli Editor', await hashPassword(editor.password), now);
    db.prepare('insert into membership (user_id, organisation_id, role, created_at) values (?, ?, ?, ?)').run(
      userId,
      orgId,
      'editor',
      now
    );
  } finally {
    db.close();
  }
});

async function logIn(page: Page) {
  await page.goto('/login');
  await field(page, 'E-postadresse').fill(editor.email);
  await field(page, 'Passord').fill(editor.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

test('an editor registers a campaign, sees its activity, publishes it, and the public reads it', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page);
  await page.getByRole('link', { name: 'Kampanjer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kampanjer' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Registrer kampanje' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrer kampanje' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await field(page, 'Navn').fill(name);
  await field(page, 'Mål').fill('Flere skal kjenne igjen tegn på arbeidsutnytting.');
  await field(page, 'Målgruppe').fill('Kjøpere av renholdstjenester');
  await page.getByRole('checkbox', { name: 'Plakater' }).check();
  await page.getByRole('checkbox', { name: 'Bærekraftsmål, delmål 8.7' }).check();
  await field(page, 'Startdato').fill('2026-10-05');
  await field(page, 'Sluttdato').fill('2026-09-01');
  await field(page, 'Budsjett (kroner)').fill('-10');
  await field(page, 'Materiell').fill('Plakat | javascript:alert(1)');
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(page.getByText('Sluttdatoen kan ikke være før startdatoen.').first()).toBeVisible();
  await expect(page.getByText('Skriv budsjettet som et helt antall kroner, 0 eller mer.').first()).toBeVisible();
  await expect(page.getByText(/Skriv ett materiell per linje/).first()).toBeVisible();
  await expect(field(page, 'Navn')).toHaveValue(name);
  await expectNoSeriousAxeViolations(page);

  await field(page, 'Sluttdato').fill('2026-11-01');
  await field(page, 'Budsjett (kroner)').fill('250 000');
  await field(page, 'Materiell').fill('Plakat | https://example.org/plakat.pdf');
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(page.getByText('Kampanjen er registrert.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('250 000 kr')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Endring i aktivitet' })).toContainText('Sjekker gjennomført');
  await expect(page.getByRole('figure', { name: 'Meldinger sendt inn per uke' }).getByRole('img')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Aktivitet per uke' })).toContainText('2026-W41');
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Publiser' }).click();
  await expect(page.getByRole('button', { name: 'Trekk tilbake publiseringen' })).toBeVisible();
  await page.getByRole('link', { name: /^\/campaigns\// }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Plakat' })).toHaveAttribute('href', 'https://example.org/plakat.pdf');
  await expect(page.getByRole('heading', { level: 2, name: 'Kilder' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.goto('/en/campaigns');
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns against human trafficking' })).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Platform activity' })).toBeVisible();
  await expect(page.getByText('Channels: Posters')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // 200 % zoom: nothing scrolls sideways at 640 px.
  await page.setViewportSize({ width: 640, height: 900 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  expect(overflow).toBeLessThanOrEqual(1);
});
