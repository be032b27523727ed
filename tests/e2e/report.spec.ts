import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';

/**
 * Report a concern with JavaScript on: the warning signs of every checklist without a hand-off, and the
 * municipality list grouped by county with a filter box (a progressive enhancement of the plain select).
 */
test('step 1 offers every checklist’s warning signs; step 2 filters municipalities as you type', async ({ page }) => {
  await page.goto('/report');
  await expectNoSeriousAxeViolations(page);
  const signs = page.getByRole('group', { name: 'Hvilke varseltegn så du? (valgfritt)' });
  await expect(signs.getByRole('checkbox')).not.toHaveCount(0);
  await expect(signs.getByText('Varseltegnene fra sjekklistene våre')).toBeVisible();
  await signs.getByLabel('Arbeiderne virker redde eller tilbaketrukne').check();
  await page.getByLabel('Tvangsarbeid eller utnytting i arbeid').check();
  await page.getByRole('button', { name: 'Neste' }).click();

  await expect(page.getByRole('heading', { name: /Hvor\?/ })).toBeVisible();
  const select = field(page, 'Kommune');
  await expect(select.locator('optgroup[label="Vestland"] option[value="4601"]')).toHaveText('Bergen');
  const filter = page.getByLabel('Søk i listen over kommuner');
  await filter.fill('berg');
  await expect(page.getByText(/\d+ kommuner passer/)).toBeVisible();
  await expect(select.locator('option[value="0301"]')).toHaveAttribute('hidden', '');
  await expect(select.locator('option[value="4601"]')).not.toHaveAttribute('hidden', '');
  await expectNoSeriousAxeViolations(page);
  await select.selectOption('4601');
  await filter.fill('');
  await expect(select).toHaveValue('4601');
  await page.getByRole('button', { name: 'Neste' }).click();
  // Nobody receives reports here in the test database: the official channels, not an error.
  await expect(
    page.getByRole('heading', { name: 'Ingen organisasjon tar imot denne meldingen her ennå' })
  ).toBeVisible();
});

test('a municipality left unchosen gets a message at the field, and what was ticked is kept', async ({ page }) => {
  await page.goto('/report');
  await page.getByLabel('Annet').check();
  await page.getByLabel('Et barn ser ut til å arbeide der').check();
  await page.getByRole('button', { name: 'Neste' }).click();
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByText('Velg en kommune fra listen.').first()).toBeVisible();
  await page.getByRole('button', { name: 'Tilbake' }).click();
  await expect(page.getByLabel('Et barn ser ut til å arbeide der')).toBeChecked();
});
