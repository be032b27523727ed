import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { signInAs } from './staff.helpers';

/**
 * The campaign registry (issue 8), JavaScript on: an editor (put straight into the e2e database) registers
 * a campaign, meets a refused form, sees the campaign page with its weekly activity, publishes it, and
 * the public pages show it in bokmål and English.
 */
const name = `Se tegnene ${randomUUID().slice(0, 6)}`;

test('an editor registers a campaign, sees its activity, publishes it, and the public reads it', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'editor');
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
