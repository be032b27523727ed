import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';

test('the buyers page and its answer are axe clean, and print hides the forms', async ({ page }) => {
  await page.goto('/buyers');
  await expect(page.getByRole('heading', { level: 1, name: 'Innkjøp uten utnyttelse' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await field(page, 'Hvem kjøper?').selectOption('state');
  await field(page, 'Bransje').selectOption('construction');
  await field(page, 'Type kontrakt').selectOption('construction');
  await field(page, 'Anslått verdi (kroner, uten mva.)').fill('1 300 000');
  await page.getByRole('button', { name: 'Vis regler og plan' }).click();
  await expect(page.getByRole('heading', { name: 'Høyst to ledd underleverandører', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skriv ut planen' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Vis regler og plan' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Aktsomhetsplan for innkjøpet' })).toBeVisible();
});

test('the English page is reachable from the navigation', async ({ page }) => {
  await page.goto('/en');
  await page.getByRole('navigation').getByRole('link', { name: 'For buyers' }).click();
  await expect(page).toHaveURL(/\/en\/buyers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Buying without exploitation' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
