import { expect, test } from '@playwright/test';
import { errorOf, field } from './helpers';
import { createStaffUser, logIn } from './staff.helpers';

// Opened here, never saved: other specs read this set as published.
const editorPath = '/admin/content/quiz/sectors-around-us';

test('without JavaScript an option is added and removed by buttons, its error beside it, nothing stored', async ({
  page
}) => {
  await logIn(page, await createStaffUser('editor'));
  await page.goto(editorPath);
  await expect(page.getByTestId('own-status')).not.toContainText('Utkast');
  const question = page.locator('[data-question="2"]');
  const options = question.getByLabel(/^Alternativ \d+ på bokmål/);
  const n = await options.count();
  expect(n).toBeLessThan(5);

  await page.getByRole('button', { name: 'Legg til et alternativ i spørsmål 2' }).click();
  await expect(page.getByText('Skjemaet er endret, men ikke lagret.')).toBeVisible();
  await expect(options).toHaveCount(n + 1);

  // Bokmål only: refused, the message beside the new option.
  const added = field(question, `Alternativ ${n + 1} på bokmål`);
  await added.fill('Et halvt alternativ');
  await page.getByRole('button', { name: 'Lagre utkast' }).click();
  const message = 'Skriv alternativet både på bokmål og engelsk, eller fjern det.';
  const englishField = field(question, `Alternativ ${n + 1} på engelsk`);
  // The error is tied to a field of the new option (aria-describedby) and shown beside it.
  const invalid = added.or(englishField).and(question.locator('[aria-invalid="true"]'));
  await expect(invalid.first()).toBeVisible();
  await expect(await errorOf(page, invalid.first())).toContainText(message);
  await expect(field(question, `Alternativ ${n + 1} på bokmål`)).toHaveValue('Et halvt alternativ');
  await expect(page.getByTestId('own-status')).not.toContainText('Utkast');

  await page.getByRole('button', { name: `Fjern alternativ ${n + 1} i spørsmål 2` }).click();
  await expect(options).toHaveCount(n);
  await expect(page.getByText(message)).toHaveCount(0);

  // Nothing was stored.
  await page.goto(editorPath);
  await expect(options).toHaveCount(n);
  await expect(page.getByTestId('own-status')).not.toContainText('Utkast');
});
