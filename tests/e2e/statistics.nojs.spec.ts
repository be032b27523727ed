import { expect, test } from '@playwright/test';

test('series pages work without JavaScript: chart, table and breakdown links', async ({ page }) => {
  await page.goto('/statistics');
  await page.getByRole('link', { name: 'Anmeldelser av menneskehandel' }).click();
  await expect(page).toHaveURL(/\/statistics\/police_reports_trafficking$/);
  await expect(page.getByRole('img', { name: /Anmeldelser av menneskehandel/ })).toBeVisible();
  await page.getByRole('link', { name: 'Offer under 18 år' }).click();
  await expect(page.getByText('Diagrammet viser: Offer under 18 år.')).toBeVisible();
  await expect(page.getByRole('table').getByRole('row', { name: /2018 Offer under 18 år 8/ })).toBeVisible();
});

test('the attrition funnel and the English pages need no JavaScript', async ({ page }) => {
  await page.goto('/en/statistics/attrition');
  await expect(page.getByRole('heading', { name: 'Over 15 years: under 8 % ended in a conviction' })).toBeVisible();
  await expect(page.getByRole('img', { name: /The chain in 2017/ })).toBeVisible();
});

test('an unknown series answers 404', async ({ page }) => {
  const res = await page.goto('/statistics/finnes_ikke');
  expect(res?.status()).toBe(404);
});
