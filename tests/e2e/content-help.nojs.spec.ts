import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { errorOf, field } from './helpers';
import { createStaffUser, logIn } from './staff.helpers';

test('without JavaScript a help draft that drops a placeholder is refused beside its field, nothing stored', async ({
  page
}) => {
  await logIn(page, await createStaffUser('editor'));
  await page.goto('/admin/content/help/so');
  await expect(page.getByTestId('own-status')).not.toContainText('Utkast');
  const reflection = field(page, 'reflectionText (Somali)');
  const original = await reflection.inputValue();
  expect(original).toContain('{months}');
  await reflection.fill(original.replace('{months}', 'lix'));
  await page.getByRole('button', { name: 'Lagre utkast' }).click();
  await expect(reflection).toHaveAttribute('aria-invalid', 'true');
  await expect(await errorOf(page, reflection)).toContainText('plassholderne');
  await expect(reflection).toHaveValue(original.replace('{months}', 'lix'));
  await page.goto('/admin/content/help/so');
  await expect(page.getByTestId('own-status')).not.toContainText('Utkast');
});

test('without JavaScript an English home text goes through review to the English home page', async ({
  page,
  browser
}) => {
  const marker = `Hometest ${randomUUID().slice(0, 8)}`;
  await logIn(page, await createStaffUser('editor'));
  const second = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await logIn(second, await createStaffUser('editor'));
  const path = '/admin/content/home/home.ways.signs.body/en';

  await page.goto(path);
  const text = field(page, 'Tekst');
  // Too long is refused beside the field and nothing is stored.
  await text.fill('x'.repeat(221));
  await page.getByRole('button', { name: 'Lagre utkast' }).click();
  await expect(await errorOf(page, text)).toContainText('for lang');
  await page.goto(path);
  const original = await text.inputValue();
  await text.fill(`${original} ${marker}`);
  await page.getByRole('button', { name: 'Lagre utkast' }).click();
  await expect(page.getByText(/Utkastet er lagret \(versjon \d+\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(page.getByText(/Versjon \d+ er sendt til gjennomgang\./)).toBeVisible();

  await second.goto(path);
  await second.getByRole('button', { name: 'Publiser' }).click();
  await expect(second.getByText(/Versjon \d+ er publisert og vises nå for leserne\./)).toBeVisible();
  await page.goto('/en');
  await expect(page.locator('main')).toContainText(marker);
});
