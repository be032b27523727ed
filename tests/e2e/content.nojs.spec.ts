import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { field } from './helpers';
import { createStaffUser, logIn } from './staff.helpers';

test('without JavaScript, Preview renders the draft on the server and saves nothing', async ({ page }) => {
  const marker = `Forhåndsvist ${randomUUID().slice(0, 8)}`;
  await logIn(page, await createStaffUser('editor'));
  await page.goto('/admin/content/learn/what-you-can-do/en');
  const markdown = field(page, 'Tekst (Markdown)');
  await markdown.fill(`## ${marker}\n\nA paragraph <iframe src="x"></iframe> citing [^1].\n`);
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByTestId('preview');
  await expect(preview.getByRole('heading', { name: marker })).toBeVisible();
  await expect(preview.locator('sup a[href="#source-1"]')).toBeVisible();
  await expect(page.getByTestId('removed')).toContainText('<iframe src="x"></iframe>');
  // What was typed stays in the form; nothing was stored.
  await expect(markdown).toHaveValue(/Forhåndsvist/);
  await page.goto('/admin/content/learn/what-you-can-do/en');
  await expect(page.getByTestId('own-status')).not.toContainText('Utkast');
  await expect(page.getByTestId('preview')).not.toContainText(marker);

  // A bad source URL is refused beside its field.
  await field(page, 'Nettadresse').first().fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Lagre utkast' }).click();
  await expect(page.getByText('Skriv en nettadresse som begynner med https:// eller http://.').first()).toBeVisible();
});
