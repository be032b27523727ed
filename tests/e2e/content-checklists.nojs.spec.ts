import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { errorOf, field } from './helpers';
import { createStaffUser, logIn } from './staff.helpers';

// The food-agriculture checklist is only opened here, never saved: other specs read it as published.
const editorPath = '/admin/content/checklists/food-agriculture';

test('without JavaScript a question is added and removed by buttons, errors sit beside their field, nothing is stored', async ({
  page
}) => {
  const marker = `Uten skript ${randomUUID().slice(0, 8)}`;
  await logIn(page, await createStaffUser('editor'));
  await page.goto(editorPath);
  await expect(page.locator('main')).toContainText('Åpent: ingen.');
  const questions = page.locator('[data-question]');
  const n = await questions.count();
  expect(n).toBeGreaterThan(1);
  const firstText = field(page, 'Spørsmålet (Bokmål)').first();
  const original = await firstText.inputValue();
  await firstText.fill(`${marker}: endret, men ikke lagret`);

  await page.getByRole('button', { name: 'Legg til et spørsmål' }).click();
  await expect(questions).toHaveCount(n + 1);
  await expect(page.getByText('Endringen i skjemaet er gjort, men ikke lagret.')).toBeVisible();
  // What was typed before the button is kept.
  await expect(field(page, 'Spørsmålet (Bokmål)').first()).toHaveValue(`${marker}: endret, men ikke lagret`);

  // An added question can be removed again while its required fields are still empty (no browser validation).
  await page.getByRole('button', { name: `Fjern spørsmål ${n + 1}`, exact: true }).click();
  await expect(questions).toHaveCount(n);
  await page.getByRole('button', { name: 'Legg til et spørsmål' }).click();
  await expect(questions).toHaveCount(n + 1);

  // Filled in but wrong: saving is refused, each error beside its own field of the new question.
  const added = questions.nth(n);
  await field(added, 'Kort navn (id: a–z, 0–9, bindestrek)').fill('Nytt Spørsmål');
  await field(added, 'Spørsmålet (Bokmål)').fill('Et nytt spørsmål?');
  await field(added, 'Spørsmålet (Engelsk)').fill('A new question?');
  await field(added, 'Hvorfor dette betyr noe (Bokmål)').fill('Fordi.');
  await field(added, 'Hvorfor dette betyr noe (Engelsk)').fill('Because.');
  await page.getByRole('button', { name: 'Lagre utkast' }).first().click();
  await expect(questions).toHaveCount(n + 1);
  const idField = field(added, 'Kort navn (id: a–z, 0–9, bindestrek)');
  await expect(idField).toHaveAttribute('aria-invalid', 'true');
  await expect(await errorOf(page, idField)).toContainText('Bruk små bokstaver a–z, tall og bindestrek');
  await expect(added.getByText('Velg minst ett tegn.')).toBeVisible();
  await expect(added.getByText('Velg minst én kilde.')).toBeVisible();
  await expect(field(added, 'Spørsmålet (Bokmål)')).toHaveValue('Et nytt spørsmål?');
  // Questions that were fine show no error.
  await expect(questions.nth(0).locator('.field--error')).toHaveCount(0);

  await added.getByRole('button', { name: `Fjern spørsmål ${n + 1}`, exact: true }).click();
  await expect(questions).toHaveCount(n);

  // Nothing was stored: a fresh load shows the published checklist and no draft.
  await page.goto(editorPath);
  await expect(questions).toHaveCount(n);
  await expect(field(page, 'Spørsmålet (Bokmål)').first()).toHaveValue(original);
  await expect(page.locator('main')).toContainText('Åpent: ingen.');
});
