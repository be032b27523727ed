import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { field } from './helpers';

async function answer(page: Page, n: number, label: string) {
  await page.locator('fieldset:has(input[type="radio"][name^="q-"])').nth(n).getByLabel(label, { exact: true }).check();
}
async function answerAll(page: Page, label: string) {
  const count = await page.locator('fieldset:has(input[type="radio"][name^="q-"])').count();
  for (let i = 0; i < count; i++) await answer(page, i, label);
}

test('a whole check works without JavaScript: list → checklist → result', async ({ page }) => {
  await page.goto('/check');
  await page.getByRole('link', { name: 'Oppussing, bygg og håndverkere' }).click();
  await expect(page).toHaveURL(/\/check\/construction$/);
  await answerAll(page, 'Ja');
  await answer(page, 2, 'Nei'); // no cash or prepayment
  await answer(page, 8, 'Vet ikke'); // others speak for them: don't know
  await field(page, 'Organisasjonsnummer').fill('974760673');
  await page.getByRole('button', { name: 'Se resultatet' }).click();
  await expect(page.getByRole('heading', { name: /Nivå:\s*Sterke tegn/ })).toBeVisible();
  await expect(page.getByText('Kontrollsifferet i 974760673 stemmer')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dette vet du ikke ennå' })).toBeVisible();
  await expect(page.getByText('Er noen i fare nå, ring 112.')).toBeVisible();
  // The answers never go into the address bar.
  expect(page.url()).not.toContain('q-');
});

test('without JavaScript every scored sector gives a result in both languages', async ({ page }) => {
  test.setTimeout(120_000);
  const sectors = ['car-wash', 'beauty-salon', 'cleaning', 'construction', 'food-agriculture', 'restaurant'];
  for (const sector of sectors) {
    for (const [prefix, yes, no, level] of [
      ['', 'Ja', 'Nei', /Nivå:/],
      ['/en', 'Yes', 'No', /Level:/]
    ] as const) {
      await page.goto(`${prefix}/check/${sector}`);
      await answerAll(page, yes);
      await answer(page, 1, no);
      await page.locator('#check-form button[type="submit"]:not([formaction])').click();
      await expect(page.getByRole('heading', { name: level }), `${prefix}/check/${sector}`).toBeVisible();
      await expect(page.locator('[data-level]')).toHaveCount(1);
      await expect(page.locator('input[name="indicators"]')).not.toHaveValue('');
    }
  }
});

test('without JavaScript a missing answer marks the question and keeps the rest', async ({ page }) => {
  await page.goto('/en/check/beauty-salon');
  await page.getByLabel('Try it without it counting (demo)').check();
  // Every question but the last.
  const count = await page.locator('fieldset:has(input[type="radio"][name^="q-"])').count();
  for (let i = 0; i < count - 1; i++) await answer(page, i, 'No');
  await page.getByRole('button', { name: 'See the result' }).click();
  await expect(page.getByText("Answer yes, no or don't know.").first()).toBeVisible();
  await expect(page.locator('#field-q-child-working')).toHaveClass(/fieldset--error/);
  await expect(
    page.locator('fieldset:has(input[type="radio"][name^="q-"])').nth(0).getByLabel('No', { exact: true })
  ).toBeChecked();
  await expect(page.getByLabel('Try it without it counting (demo)')).toBeChecked();
});

test('without JavaScript the municipality search narrows the list and keeps the answers', async ({ page }) => {
  await page.goto('/check/car-wash');
  await answer(page, 0, 'Ja');
  await field(page, 'Søk etter kommune').fill('tromsø');
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
  await expect(page.getByText('1 kommuner passer søket «tromsø».')).toBeVisible();
  await expect(
    page.locator('fieldset:has(input[type="radio"][name^="q-"])').nth(0).getByLabel('Ja', { exact: true })
  ).toBeChecked();
  const options = await page.getByLabel('Kommune', { exact: true }).locator('option').allTextContents();
  expect(options).toEqual(['Ingen kommune valgt', 'Tromsø']);
});

test('without JavaScript an invalid organisation number is caught on the spot', async ({ page }) => {
  await page.goto('/check/construction');
  await answerAll(page, 'Nei');
  await field(page, 'Organisasjonsnummer').fill('123456789');
  await page.getByRole('button', { name: 'Se resultatet' }).click();
  await expect(
    page.getByText('Organisasjonsnummeret må ha ni sifre og et gyldig kontrollsiffer.').first()
  ).toBeVisible();
});

test('without JavaScript the letter is written and downloads as a text file', async ({ page }) => {
  await page.goto('/check/ask-a-company');
  await page.getByRole('button', { name: 'Lag brevet' }).click();
  await expect(page.getByText('Fyll ut dette feltet.').first()).toBeVisible();
  await field(page, 'Selskapets navn').fill('Eksempel AS');
  await field(page, 'Varen eller tjenesten du spør om').fill('Kyllingfilet, eget merke');
  await field(page, 'Ditt navn (valgfritt)').fill('Kari Nordmann');
  await page.getByRole('button', { name: 'Lag brevet' }).click();
  await expect(page.getByLabel('Brevtekst')).toHaveValue(/Jeg ber om informasjon etter åpenhetsloven § 6/);
  await expect(page.getByRole('button', { name: 'Kopier teksten' })).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Last ned som tekstfil' }).click()
  ]);
  const text = readFileSync((await download.path()) as string, 'utf8');
  expect(text).toContain('Til Eksempel AS');
  expect(text).toContain('Kari Nordmann');
});
