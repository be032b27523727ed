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

test('without JavaScript, a save from a stale form is refused with the stored text and a diff, and nothing is overwritten', async ({
  browser
}) => {
  const path = '/admin/content/learn/indicators/en';
  const [mine, theirs] = [`Mine ${randomUUID().slice(0, 8)}`, `Theirs ${randomUUID().slice(0, 8)}`];
  const editor = await createStaffUser('editor');
  const [a, b] = await Promise.all([
    browser.newPage({ javaScriptEnabled: false }),
    browser.newPage({ javaScriptEnabled: false })
  ]);
  await logIn(a, editor);
  await logIn(b, editor);
  await a.goto(path);
  await b.goto(path);
  await field(b, 'Ingress').fill(theirs);
  await b.getByRole('button', { name: 'Lagre utkast' }).click();
  await expect(b.getByText(/Utkastet er lagret \(versjon \d+\)/)).toBeVisible();

  await field(a, 'Ingress').fill(mine);
  await a.getByRole('button', { name: 'Lagre utkast' }).click();
  const conflict = a.getByTestId('conflict');
  await expect(conflict.getByText('Noen andre har lagret siden mens du skrev')).toBeVisible();
  await expect(conflict.locator('pre')).toContainText(`summary: ${theirs}`);
  await expect(conflict.locator('ins')).toContainText(mine);
  await expect(field(a, 'Ingress')).toHaveValue(mine);
  await b.goto(path);
  await expect(field(b, 'Ingress')).toHaveValue(theirs);
  // Leave no open draft for other specs: discard it.
  await b.getByRole('button', { name: 'Forkast utkastet' }).click();
});
