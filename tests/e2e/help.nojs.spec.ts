import { expect, test } from '@playwright/test';

test('without JavaScript: the language choice, a page in Arabic (right to left) and a card all work', async ({
  page
}) => {
  await page.goto('/help');
  await page.locator('.help-languages a[hreflang="ar"]').click();
  await expect(page).toHaveURL(/\/help\/ar$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('link', { name: '22 33 11 60' })).toHaveAttribute('href', 'tel:+4722331160');
  // The quick exit is a plain link without JavaScript.
  await expect(page.locator('.help-shell .quick-exit')).toHaveAttribute('href', 'https://www.yr.no/');
  await page.getByRole('link', { name: 'بطاقة للطباعة' }).click();
  await expect(page).toHaveURL(/\/help\/ar\/card$/);
  await expect(page.locator('.help-card')).toHaveCount(10);
  // The print button needs JavaScript; the hint says how to print instead.
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.getByText('اطبع على ورق A4')).toBeVisible();
});

test('without JavaScript: an unknown language shows the language list', async ({ page }) => {
  await page.goto('/help/klingon');
  await expect(page).toHaveURL(/\/help\?unknown$/);
  await expect(page.getByText('Vi har ikke det språket.')).toBeVisible();
});
