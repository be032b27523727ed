import { expect, test } from '@playwright/test';
import { field } from './helpers';

test('search works without JavaScript in bokmål and English, with highlighted matches', async ({ page }) => {
  await page.goto('/learn');
  await field(page, 'Søkeord').fill('renholdsregisteret');
  await page.getByRole('button', { name: 'Søk' }).click();
  await expect(page).toHaveURL(/\/learn\?q=renholdsregisteret$/);
  await expect(page.getByRole('heading', { name: /Treff for «renholdsregisteret»: \d+/ })).toBeVisible();
  await expect(page.locator('.learn-results mark').first()).toHaveText(/renholdsregisteret/i);
  await page.locator('.learn-results').getByRole('link', { name: 'Norges lover, planer og forpliktelser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Norges lover, planer og forpliktelser' })).toBeVisible();

  await page.goto('/en/learn');
  await field(page, 'Search words').fill('Palermo Protocol');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('link', { name: 'What is human trafficking?' }).first()).toBeVisible();
});

test('a search with no words is answered with a message and the form again', async ({ page }) => {
  const response = await page.goto('/learn?q=%3F');
  expect(response?.status()).toBe(400);
  await expect(page.getByText('Skriv minst to bokstaver eller tall.')).toBeVisible();
  await field(page, 'Søkeord').fill('zyxwvu');
  await page.getByRole('button', { name: 'Søk' }).click();
  await expect(page.getByText('Ingen sider inneholder «zyxwvu».', { exact: false })).toBeVisible();
});

test('an unknown page offers search without JavaScript', async ({ page }) => {
  const response = await page.goto('/learn/finnes-ikke');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeVisible();
  await field(page, 'Søkeord').fill('sexkjøpsloven');
  await page.getByRole('button', { name: 'Søk' }).click();
  await expect(page.getByRole('link', { name: 'Norges lover, planer og forpliktelser' }).first()).toBeVisible();
});
