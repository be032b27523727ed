import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { createStaffUser, logIn } from './staff.helpers';

/** The author saves and submits what `edit` typed; the second editor publishes it. */
async function throughReview(author: Page, reviewer: Page, path: string, edit: () => Promise<void>) {
  await author.goto(path);
  await expectNoSeriousAxeViolations(author);
  await edit();
  await author.getByRole('button', { name: 'Lagre utkast' }).click();
  await expect(author.getByText(/Utkastet er lagret \(versjon \d+\)/)).toBeVisible();
  await author.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(author.getByText(/Versjon \d+ er sendt til gjennomgang\./)).toBeVisible();
  // Two-person review is on: the author is not offered Publish.
  await expect(author.getByRole('button', { name: 'Publiser' })).toHaveCount(0);

  await reviewer.goto(path);
  await expectNoSeriousAxeViolations(reviewer);
  await reviewer.getByRole('button', { name: 'Publiser' }).click();
  await expect(reviewer.getByText(/Versjon \d+ er publisert og vises nå for leserne\./)).toBeVisible();
}

test('an editor changes the Arabic help page and a home text, a second editor publishes, the public pages show them', async ({
  page,
  browser,
  request
}) => {
  test.setTimeout(180_000);
  // Help texts refuse digits (figures come from the facts file): a marker of letters only.
  const marker = `Hjelpetest ${randomUUID()
    .slice(0, 8)
    .replace(/\d/g, (d) => 'ghijklmnop'[Number(d)])}`;
  await logIn(page, await createStaffUser('editor'));
  const second = await (await browser.newContext()).newPage();
  await logIn(second, await createStaffUser('editor'));
  const visitor = await (await browser.newContext()).newPage();

  await page.goto('/admin/content');
  await expect(page.getByRole('heading', { level: 2, name: 'Hjelpesiden på andre språk' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Forsidetekster' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The Arabic text: right to left, its language on the field, bokmål beside it.
  const intro = field(page, 'intro (Arabic)');
  await throughReview(page, second, '/admin/content/help/ar', async () => {
    await expect(intro).toHaveAttribute('dir', 'rtl');
    await expect(intro).toHaveAttribute('lang', 'ar');
    await expect(page.locator('#ref-intro')).toHaveAttribute('lang', 'nb');
    await expect(page.getByTestId('reference-status')).toContainText('Publisert versjon');
    await intro.fill(`${await intro.inputValue()} ${marker}`);
  });
  await visitor.goto('/help/ar');
  await expect(visitor.locator('main')).toContainText(marker);
  await expect(visitor.getByTestId('help-updated')).toContainText('آخر تحديث');
  await expectNoSeriousAxeViolations(visitor);
  const api = await (await request.get('/api/v1/help/ar')).json();
  expect(api.data.text.intro).toContain(marker);
  expect(api.data.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

  await second.goto('/admin/content/help/ar/history');
  await expectNoSeriousAxeViolations(second);
  await second.getByRole('button', { name: 'Vis forskjellen' }).click();
  await expect(second.locator('ins').first()).toContainText(marker);

  await second.goto('/admin/help');
  await expect(second.getByRole('link', { name: /Rediger i innholdsstudioet\s*: Arabic/ })).toBeVisible();
  await expectNoSeriousAxeViolations(second);

  // A home text, through the same workflow: the home page shows it at once.
  const text = field(page, 'Tekst');
  await throughReview(page, second, '/admin/content/home/home.intro/nb', async () => {
    await text.fill(`${await text.inputValue()} ${marker}`);
  });
  await visitor.goto('/');
  await expect(visitor.locator('main')).toContainText(marker);
  await page.goto('/admin/content/home/home.intro/nb/history');
  await expectNoSeriousAxeViolations(page);
});
