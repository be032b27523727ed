import { expect, test } from '@playwright/test';
import { field } from './helpers';

test('quick exit works as a plain link without JavaScript', async ({ page }) => {
  await page.route('https://www.yr.no/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>yr</title><p>Været</p>' })
  );
  await page.goto('/');
  await page.locator('a.quick-exit').click();
  await expect(page).toHaveURL('https://www.yr.no/');
});

test('the login form answers a bad submission with messages per field, keeping the e-mail', async ({ page }) => {
  await page.goto('/login');
  await field(page, 'E-postadresse').fill('ikke-en-adresse');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByText('Skriv en gyldig e-postadresse').first()).toBeVisible();
  await expect(page.getByText('Fyll ut dette feltet.').first()).toBeVisible();
  await expect(field(page, 'E-postadresse')).toHaveValue('ikke-en-adresse');
});

test('a wrong login is refused with one message in English under /en', async ({ page }) => {
  await page.goto('/en/login');
  await field(page, 'E-mail address').fill('nobody@example.org');
  await field(page, 'Password').fill('wrong password here');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Wrong e-mail, password or code.')).toBeVisible();
});

test('an invalid setup link answers 410 with an explanation', async ({ page }) => {
  const res = await page.goto('/setup?token=' + 'A'.repeat(43));
  expect(res?.status()).toBe(410);
  await expect(page.getByText('Oppsettlenken er ugyldig')).toBeVisible();
});
