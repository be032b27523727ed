import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { errorOf, expectNoSeriousAxeViolations } from './helpers';
import { createSector, writeSkeleton, writtenQuestion } from './content-new-sector.helpers';
import { createStaffUser, logIn } from './staff.helpers';

test('an editor creates a checklist for a new sector, a second editor publishes it, and /check and the API show it at once', async ({
  page,
  browser
}) => {
  test.setTimeout(240_000);
  const tag = randomUUID().slice(0, 8);
  const id = `sector-${tag}`;
  const names = { nb: `Lager ${tag}`, en: `Warehouse ${tag}` };
  const marker = `Ny bransje ${tag}`;
  const author = await createStaffUser('editor');
  const reviewer = await createStaffUser('editor');
  const reader = await (await browser.newContext()).newPage();

  await logIn(page, author);
  await page.goto('/admin/content');
  await page.getByRole('link', { name: 'Ny sjekkliste (ny bransje)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny sjekkliste for en ny bransje' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Bad input: a taken id and a missing name are told beside their fields; nothing is created.
  await page.locator('input[name="id"]').fill('car-wash');
  await page.locator('input[name="title.nb"]').fill(names.nb);
  await page.locator('input[name="title.en"]').evaluate((el) => el.removeAttribute('required'));
  await page.getByRole('button', { name: 'Opprett utkast' }).click();
  await expect(await errorOf(page, page.locator('input[name="id"]'))).toContainText('Denne bransjen finnes allerede');
  await expect(await errorOf(page, page.locator('input[name="title.en"]'))).toContainText('Skriv bransjens navn');
  await expect(page.locator('input[name="title.nb"]')).toHaveValue(names.nb);
  await expectNoSeriousAxeViolations(page);

  await createSector(page, id, names);
  await expect(page.getByRole('heading', { level: 1, name: `Sjekkliste: ${names.nb}` })).toBeVisible();
  await expect(page.getByText(/Ikke publisert ennå\. Første publisering gir sjekklisteversjon 1/)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The skeleton's starting texts cannot go to review.
  await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(page.getByText(/Sjekklisten har fortsatt starttekster i klammer/).first()).toBeVisible();

  await writeSkeleton(page, marker);
  // Try it with the draft: the one question answered yes.
  await page.locator('section.try').getByLabel('Ja', { exact: true }).check();
  await page.getByRole('button', { name: 'Vurder med utkastet' }).click();
  await expect(page.getByTestId('try-result')).toContainText('Poeng 1 av 1.');
  await page.getByRole('button', { name: 'Lagre utkast' }).first().click();
  await expect(page.getByText(/Utkast \d+ er lagret\./)).toBeVisible();
  await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(page.getByRole('button', { name: 'Publiser' })).toHaveCount(0);

  // Not public before it is published.
  await reader.goto('/check');
  await expect(reader.locator(`a[href$="/check/${id}"]`)).toHaveCount(0);
  expect((await reader.request.get(`/api/v1/checklists/${id}`)).status()).toBe(404);

  const second = await (await browser.newContext()).newPage();
  await logIn(second, reviewer);
  await second.goto(`/admin/content/checklists/${id}`);
  await expectNoSeriousAxeViolations(second);
  await second.getByRole('button', { name: 'Publiser' }).click();
  await expect(second.getByText(/Versjon 1: Publisert\./i)).toBeVisible();

  // Public at once: the sector list, the page (scored in the page and stored by the API), and the API.
  for (const [prefix, name] of [
    ['', names.nb],
    ['/en', names.en]
  ] as const) {
    await reader.goto(`${prefix}/check`);
    await expect(reader.locator(`a[href$="/check/${id}"]`)).toContainText(name);
  }
  await reader.goto(`/check/${id}`);
  await expect(reader.locator('main')).toContainText(writtenQuestion(marker).nb);
  await expectNoSeriousAxeViolations(reader);
  await reader.locator('fieldset:has(input[name^="q-"])').first().getByLabel('Ja', { exact: true }).check();
  const sent = reader.waitForResponse((r) => r.url().endsWith('/api/v1/checks') && r.request().method() === 'POST');
  await reader.locator('#check-form button[type="submit"]:not([formaction])').click();
  const scored = await (await sent).json();
  expect([scored.sector, scored.version, scored.stored]).toEqual([id, 1, true]);
  await expect(reader.locator('[data-level]')).toHaveAttribute('data-level', scored.level);

  const list = (await (await reader.request.get('/api/v1/checklists')).json()) as { data: { id: string }[] };
  expect(list.data.map((c) => c.id)).toContain(id);
  const doc = (await (await reader.request.get(`/api/v1/checklists/${id}`)).json()) as {
    version: number;
    title: { nb: string; en: string };
  };
  expect([doc.version, doc.title]).toEqual([1, names]);

  await second.goto(`/admin/content/checklists/${id}/history`);
  await expect(second.locator('tbody tr')).toHaveCount(1);
  await expectNoSeriousAxeViolations(second);
});

test('every page of the studio has no serious axe violations', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, await createStaffUser('editor'));
  for (const path of [
    '/admin/content',
    '/admin/content/learn/new',
    '/admin/content/learn/sectors/nb',
    '/admin/content/learn/sectors/nb/history',
    '/admin/content/quiz/new',
    '/admin/content/quiz/what-is-trafficking',
    '/admin/content/quiz/what-is-trafficking/history',
    '/admin/content/checklists/new',
    '/admin/content/checklists/car-wash',
    '/admin/content/checklists/car-wash/history',
    // The information page: its parts and paragraphs in the form.
    '/admin/content/checklists/buying-sex',
    '/admin/content/help/ar',
    '/admin/content/help/ar/history',
    '/admin/content/home/home.intro/nb',
    '/admin/content/home/home.intro/nb/history',
    '/en/admin/content',
    '/en/admin/content/checklists/new'
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
    await expectNoSeriousAxeViolations(page);
  }
});
