import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createSector, writeSkeleton, writtenQuestion } from './content-new-sector.helpers';
import { createStaffUser, logIn } from './staff.helpers';

test('without JavaScript a new sector is created, written, reviewed and published, and /check/<sector> scores it', async ({
  page,
  browser
}) => {
  test.setTimeout(180_000);
  const tag = randomUUID().slice(0, 8);
  const id = `nojs-sector-${tag}`;
  const names = { nb: `Bransje uten skript ${tag}`, en: `Sector without script ${tag}` };
  const marker = `Uten skript ${tag}`;

  await logIn(page, await createStaffUser('editor'));
  await createSector(page, id, names);
  await writeSkeleton(page, marker);
  await page.getByRole('button', { name: 'Lagre utkast' }).first().click();
  await expect(page.getByText(/Utkast \d+ er lagret\./)).toBeVisible();
  await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(page.getByRole('button', { name: 'Publiser' })).toHaveCount(0);

  const second = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await logIn(second, await createStaffUser('editor'));
  await second.goto(`/admin/content/checklists/${id}`);
  await second.getByRole('button', { name: 'Publiser' }).click();
  await expect(second.getByText(/Versjon 1: Publisert\./i)).toBeVisible();

  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  for (const [prefix, name, yes, level] of [
    ['', names.nb, 'Ja', /Nivå:/],
    ['/en', names.en, 'Yes', /Level:/]
  ] as const) {
    await reader.goto(`${prefix}/check`);
    await expect(reader.locator(`a[href$="/check/${id}"]`)).toContainText(name);
    await reader.goto(`${prefix}/check/${id}`);
    if (!prefix) await expect(reader.locator('main')).toContainText(writtenQuestion(marker).nb);
    await reader.locator('fieldset:has(input[name^="q-"])').first().getByLabel(yes, { exact: true }).check();
    await reader.locator('#check-form button[type="submit"]:not([formaction])').click();
    await expect(reader.getByRole('heading', { name: level })).toBeVisible();
    await expect(reader.locator('[data-level]')).toHaveCount(1);
  }
});

test('without JavaScript the parts and paragraphs of a new information page are added, moved and removed', async ({
  page
}) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 8);
  const id = `info-${tag}`;
  await logIn(page, await createStaffUser('editor'));
  await page.goto('/admin/content/checklists/new');
  await page.locator('input[name="id"]').fill(id);
  await page.locator('input[name="title.nb"]').fill(`Informasjon ${tag}`);
  await page.locator('input[name="title.en"]').fill(`Information ${tag}`);
  await page.getByRole('radio', { name: /^En tom informasjonsside uten poeng/ }).check();
  await page.getByRole('button', { name: 'Opprett utkast' }).click();
  await page.waitForURL(`**/admin/content/checklists/${id}`);

  const parts = page.locator('[data-section]');
  await expect(parts).toHaveCount(1);
  await expect(page.locator('section.try')).toHaveCount(0);
  await page.getByRole('button', { name: 'Legg til et avsnitt i del 1' }).click();
  await expect(parts.first().locator('[data-paragraph]')).toHaveCount(2);
  await page.locator('[name="sections.0.body.1.nb"]').fill(`Andre avsnitt ${tag}`);
  await page.locator('[name="sections.0.body.1.en"]').fill(`Second paragraph ${tag}`);
  await page.getByRole('button', { name: 'Flytt avsnitt 2 i del 1 opp' }).click();
  await expect(page.locator('[name="sections.0.body.0.nb"]')).toHaveValue(`Andre avsnitt ${tag}`);
  await page.getByRole('button', { name: 'Fjern avsnitt 2 i del 1' }).click();
  await expect(parts.first().locator('[data-paragraph]')).toHaveCount(1);
  // The last paragraph has no remove button (a part needs one).
  await expect(page.getByRole('button', { name: 'Fjern avsnitt 1 i del 1' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Legg til en del' }).click();
  await expect(parts).toHaveCount(2);
  // Saved with a bad id and no source: refused beside those fields, nothing typed is lost.
  await page.locator('[name="sections.1.id"]').fill('Ny Del');
  for (const name of ['title.nb', 'title.en', 'body.0.nb', 'body.0.en'])
    await page.locator(`[name="sections.1.${name}"]`).fill(`Del 2 ${tag}`);
  await page.getByRole('button', { name: 'Lagre utkast' }).first().click();
  await expect(page.locator('[name="sections.1.id"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-sections-1-sources-error')).toContainText('Velg minst én kilde.');
  await expect(page.locator('[name="sections.1.title.en"]')).toHaveValue(`Del 2 ${tag}`);
  await expect(page.locator('[name="sections.0.body.0.nb"]')).toHaveValue(`Andre avsnitt ${tag}`);
  await page.getByRole('button', { name: 'Fjern del 2' }).click();
  await expect(parts).toHaveCount(1);
  await page.getByRole('button', { name: 'Lagre utkast' }).first().click();
  await expect(page.getByText(/Utkast \d+ er lagret\./)).toBeVisible();
  await expect(page.locator('[name="sections.0.body.0.en"]')).toHaveValue(`Second paragraph ${tag}`);
});
