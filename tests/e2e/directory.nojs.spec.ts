import { expect, test } from '@playwright/test';
import { field } from './helpers';

test('search works without JavaScript and suggests names for an unknown municipality', async ({ page }) => {
  await page.goto('/directory');
  await field(page, 'Kommune').fill('Bodoo');
  await page.getByRole('button', { name: 'Vis tjenester' }).click();
  await expect(page.getByText('Vi fant ingen kommune som heter «Bodoo».')).toBeVisible();
  await page.getByRole('link', { name: /^Bodø/ }).click();
  await expect(page.getByText(/tjenester dekker Bodø/)).toBeVisible();
});

test('two municipalities with the same name ask which one, without JavaScript', async ({ page }) => {
  await page.goto('/directory?municipality=Her%C3%B8y');
  await expect(page.getByText('Flere kommuner heter «Herøy». Velg én:')).toBeVisible();
  await page.getByRole('link', { name: 'Herøy (Møre og Romsdal)' }).click();
  await expect(page.getByText(/tjenester dekker Herøy \(Møre og Romsdal\)/)).toBeVisible();
});

test('the contact guide is a series of plain forms without JavaScript', async ({ page }) => {
  await page.goto('/directory/contact');
  // Submitting without a choice gives a message, not a crash.
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByText('Velg ett av alternativene.').first()).toBeVisible();
  await page.getByRole('radio', { name: 'Nei', exact: true }).check();
  await page.getByRole('button', { name: 'Neste' }).click();
  await page.getByRole('radio', { name: 'Ja', exact: true }).check();
  await page.getByRole('button', { name: 'Neste' }).click();
  await page.getByLabel('Sex eller prostitusjon').check();
  await page.getByRole('button', { name: 'Neste' }).click();
  await page.getByRole('radio', { name: 'Nei', exact: true }).check();
  await page.getByRole('button', { name: 'Neste' }).click();
  await field(page, 'Hvilken kommune gjelder det?').fill('Fauskee');
  await page.getByRole('button', { name: 'Vis hvem jeg bør kontakte' }).click();
  await expect(page.getByText('Vi fant ingen kommune som heter «Fauskee».').first()).toBeVisible();
  await page.getByRole('button', { name: /Fauske-Fuosko/ }).click();
  await expect(page.getByRole('heading', { name: 'Disse kan du kontakte' })).toBeVisible();
  await expect(page.getByText('For Fauske-Fuosko')).toBeVisible();
  const first = page.locator('.guide-steps > li').first();
  await expect(first.getByText('Det gjelder et barn')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Barnevernet' })).toBeVisible();
  await expect(page.getByRole('link', { name: '112' })).toHaveCount(0);
});
