import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { errorOf, field } from './helpers';
import { fillNewPage, fillNewQuiz } from './content-create.helpers';
import { createStaffUser, logIn } from './staff.helpers';

test('without JavaScript a new learning page: a bad slug is refused beside its field, then the draft is created', async ({
  page
}) => {
  const slug = `e2e-nojs-${randomUUID().slice(0, 8)}`;
  await logIn(page, await createStaffUser('editor'));
  await page.goto('/admin/content/learn/new');
  await field(page, 'Adresse (slug)').fill('Ikke gyldig');
  await page.getByRole('radio', { name: 'Engelsk' }).check();
  await fillNewPage(page, 'A page without JavaScript', 'Text.[^1]\n');
  await page.getByRole('button', { name: 'Opprett utkast' }).click();
  const slugField = field(page, 'Adresse (slug)');
  await expect(slugField).toHaveAttribute('aria-invalid', 'true');
  await expect(await errorOf(page, slugField)).toContainText(
    'Bruk små bokstaver a–z, tall og bindestrek, og start med en bokstav eller et tall.'
  );
  await expect(page.locator('textarea[name="markdown"]')).toHaveValue('Text.[^1]\n');
  await expect(page.getByRole('radio', { name: 'Engelsk' })).toBeChecked();

  await slugField.fill(slug);
  await page.getByRole('button', { name: 'Opprett utkast' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/content/learn/${slug}/en$`));
  await expect(page.getByTestId('own-status')).toContainText('Utkast');
  // The other language is offered, filled in with this one's text to translate.
  await page.getByRole('link', { name: 'Lag språkversjonen «Bokmål»' }).click();
  await expect(field(page, 'Adresse (slug)')).toHaveValue(slug);
  await expect(page.getByRole('radio', { name: 'Bokmål' })).toBeChecked();
  await expect(page.locator('input[name="title"]')).toHaveValue('A page without JavaScript');
});

test('without JavaScript a new quiz: a source added by a button can be cited at once; a bad id is refused beside its field', async ({
  page
}) => {
  await logIn(page, await createStaffUser('editor'));
  await page.goto('/admin/content/quiz/new');
  const cites = page.getByRole('group', { name: /^Kilder forklaringen til spørsmål 1 bygger på/ });
  await expect(cites.getByRole('checkbox')).toHaveCount(1);
  await page.getByRole('button', { name: 'Legg til en kilde' }).click();
  await expect(page.getByText('Skjemaet er endret, men ikke lagret.')).toBeVisible();
  await expect(cites.getByRole('checkbox')).toHaveCount(2);
  await page.getByRole('button', { name: 'Fjern kilde 2' }).click();
  await expect(cites.getByRole('checkbox')).toHaveCount(1);

  await fillNewQuiz(page, 'Ikke gyldig', 'Quiz uten JavaScript');
  await page.getByRole('button', { name: 'Lagre utkast' }).click();
  const idField = field(page, 'Id (en del av adressen)');
  await expect(idField).toHaveAttribute('aria-invalid', 'true');
  await expect(await errorOf(page, idField)).toContainText('Bruk små bokstaver a–z');
  // Nothing was created; what was typed is kept.
  await expect(page).toHaveURL(/\/admin\/content\/quiz\/new/);
  await expect(field(page, 'Tittel på bokmål')).toHaveValue('Quiz uten JavaScript');
});
