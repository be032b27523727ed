import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { createStaffUser, logIn } from './staff.helpers';

const editorPath = '/admin/content/learn/what-is-trafficking/nb';

test('an editor changes a learning page, a second editor publishes it, and readers see it at once', async ({
  page,
  browser
}) => {
  // Two sessions, four pages checked with axe (the editor has some hundred fields): more than the default 30 s.
  test.setTimeout(120_000);
  const marker = `Studiotest ${randomUUID().slice(0, 8)}`;
  const author = await createStaffUser('editor');
  const reviewer = await createStaffUser('editor');

  await logIn(page, author);
  await page.goto('/admin/content');
  await expect(page.getByRole('heading', { level: 1, name: 'Innhold' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.locator('tr[data-key="what-is-trafficking"] td[data-lang="nb"] a').click();
  await expect(page).toHaveURL(new RegExp(`${editorPath}$`));
  await expect(page.getByTestId('other-status')).toContainText('Publisert versjon');
  await expectNoSeriousAxeViolations(page);

  const markdown = field(page, 'Tekst (Markdown)');
  const before = await markdown.inputValue();
  await markdown.fill(`${before}\n\n${marker} om utnytting.<script>alert(1)</script>\n`);
  // With JavaScript the preview follows the typing, rendered as the public page.
  await expect(page.getByTestId('preview')).toContainText(marker);
  await expect(page.getByTestId('removed')).toContainText('<script>alert(1)</script>');
  await page.getByRole('button', { name: 'Lagre utkast' }).click();
  await expect(page.getByText(/Utkastet er lagret \(versjon \d+\)/)).toBeVisible();
  await expect(page.getByTestId('removed')).toContainText('skript');
  await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(page.getByText(/er sendt til gjennomgang\./).first()).toBeVisible();
  // Two-person review is on: the author is not offered Publish.
  await expect(page.getByRole('button', { name: 'Publiser' })).toHaveCount(0);
  await expect(page.locator('main')).toContainText('en annen redaktør eller en administrator må publisere');

  // Not public yet.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto('/learn/what-is-trafficking');
  await expect(reader.locator('article')).not.toContainText(marker);

  const second = await (await browser.newContext()).newPage();
  await logIn(second, reviewer);
  await second.goto(editorPath);
  await expectNoSeriousAxeViolations(second);
  await second.getByRole('button', { name: 'Publiser' }).click();
  await expect(second.getByText(/er publisert og vises nå for leserne/)).toBeVisible();

  await reader.goto('/learn/what-is-trafficking');
  await expect(reader.locator('article')).toContainText(`${marker} om utnytting.`);
  await expect(reader.locator('article')).not.toContainText('alert(1)');
  await expect(reader.getByText('Sist oppdatert')).toBeVisible();
  const api = await reader.request.get('/api/v1/learn/pages/what-is-trafficking?lang=nb');
  expect(((await api.json()) as { html: string }).html).toContain(marker);

  await second.goto(`${editorPath}/history`);
  await expectNoSeriousAxeViolations(second);
  await second.getByRole('button', { name: 'Vis forskjellen' }).click();
  await expect(second.locator('ins')).toContainText(marker);
  await expectNoSeriousAxeViolations(second);
});
