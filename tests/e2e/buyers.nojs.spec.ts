import { expect, test } from '@playwright/test';
import { field } from './helpers';

test('without JavaScript a municipality finds the rules and the plan for a cleaning contract', async ({ page }) => {
  await page.goto('/buyers');
  await field(page, 'Hvem kjøper?').selectOption('municipal');
  await field(page, 'Bransje').selectOption('cleaning');
  await field(page, 'Type kontrakt').selectOption('service');
  await field(page, 'Anslått verdi (kroner, uten mva.)').fill('2,5 mill.');
  await page.getByRole('button', { name: 'Vis regler og plan' }).click();
  await expect(page.getByRole('heading', { name: 'Reglene for dette innkjøpet' })).toBeVisible();
  const pay = page.locator('[data-rule="pay-conditions"]').first();
  await expect(pay.getByRole('heading', { name: 'Lønns- og arbeidsvilkår i offentlige kontrakter' })).toBeVisible();
  await expect(pay.getByText('Terskel: 2 050 000 kroner uten mva.')).toBeVisible();
  await expect(pay.getByText('Usikkert eller datert tall – sjekk Lovdata:')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Renholdsregisteret', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: '3. Mens kontrakten løper' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Kontroller timelister og lønnsslipper/ })).toBeVisible();
  // The warning signs come from the Check module's cleaning checklist.
  await expect(page.getByText('Firmaet er ikke godkjent i renholdsregisteret')).toBeVisible();
  // The value typed stays in the form.
  await expect(field(page, 'Anslått verdi (kroner, uten mva.)')).toHaveValue('2,5 mill.');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned planen (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('aktsomhetsplan.csv');
});

test('without JavaScript bad input gets a message per field, in English on /en', async ({ page }) => {
  await page.goto('/en/buyers');
  await field(page, 'Estimated value (NOK, excl. VAT)').fill('-100');
  await field(page, 'The supplier’s organisation number (optional)').fill('123456789');
  await page.getByRole('button', { name: 'Show rules and plan' }).click();
  await expect(page.getByRole('alert').getByText('The amount cannot be negative.')).toBeVisible();
  await expect(page.getByRole('link', { name: /nine digits and a valid check digit/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The rules for this purchase' })).toHaveCount(0);
});

test('without JavaScript the Transparency Act check says whether a company is covered', async ({ page }) => {
  await page.goto('/buyers');
  await field(page, 'Salgsinntekt (kroner)').fill('85 mill.');
  await field(page, 'Balansesum (kroner)').fill('10 000 000');
  await field(page, 'Gjennomsnittlig antall årsverk').fill('51');
  await page.getByRole('button', { name: 'Sjekk', exact: true }).click();
  await expect(page.getByTestId('buyers-scope-result')).toContainText('Omfattet: 2 av 3 grenser er overskredet.');
});
