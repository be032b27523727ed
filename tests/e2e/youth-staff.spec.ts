import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { createEditor, logIn } from './youth-staff.helpers';

let editor: { email: string; password: string };
test.beforeAll(async () => {
  editor = await createEditor();
});

test('an editor changes a quiz question in its form, and sees knowledge gain per municipality', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, editor);
  await page.getByRole('link', { name: 'Quizer', exact: true }).click();
  await page.getByRole('link', { name: 'Rediger «Hva kan jeg gjøre?»' }).click();
  await page.getByRole('link', { name: 'Rediger spørsmål 2' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spørsmål 2 i «Hva kan jeg gjøre?»' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The English text of option 1 left empty: refused, with the field named and what was typed kept.
  const question = field(page, 'Spørsmål på bokmål');
  const original = await question.inputValue();
  const optionEn = await page.locator('input[name="option-0-en"]').inputValue();
  await question.fill('Et nytt spørsmål?');
  await page.locator('input[name="option-0-en"]').fill('');
  await page.getByRole('button', { name: 'Lagre spørsmålet' }).click();
  await expect(page.getByRole('link', { name: 'Skriv alternativet både på bokmål og engelsk.' })).toBeVisible();
  await expect(field(page, 'Spørsmål på bokmål')).toHaveValue('Et nytt spørsmål?');
  await expectNoSeriousAxeViolations(page);

  await page.locator('input[name="option-0-en"]').fill('An answer');
  await page.getByRole('button', { name: 'Lagre spørsmålet' }).click();
  await expect(page.getByText('Spørsmålet er lagret.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Et nytt spørsmål?' })).toBeVisible();
  // Put it back, so the other specs meet the shipped quiz.
  await page.getByRole('link', { name: 'Rediger spørsmål 2' }).click();
  await field(page, 'Spørsmål på bokmål').fill(original);
  await page.locator('input[name="option-0-en"]').fill(optionEn);
  await page.getByRole('button', { name: 'Lagre spørsmålet' }).click();
  await expect(page.getByRole('cell', { name: original })).toBeVisible();

  await page.getByRole('link', { name: 'Kunnskapsgevinst' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kunnskapsgevinst fra klasserommet' })).toBeVisible();
  // Only the knowledge-gain item is current, not also "Quizer" (its address is a prefix of this one).
  const staffNav = page.getByRole('navigation', { name: 'Stabsområdet' });
  await expect(staffNav.locator('[aria-current]')).toHaveCount(1);
  await expect(staffNav.getByRole('link', { name: 'Kunnskapsgevinst' })).toHaveAttribute('aria-current', 'page');
  await expectNoSeriousAxeViolations(page);
  await field(page, 'Fra uke').fill('uke 48');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByRole('link', { name: 'Skriv uka som ÅÅÅÅ-Wuu, for eksempel 2026-W48.' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
