import { expect, test } from '@playwright/test';
import { field } from './helpers';
import { createEditor, logIn } from './youth-staff.helpers';

let editor: { email: string; password: string };
test.beforeAll(async () => {
  editor = await createEditor();
});

test('without JavaScript an editor is told what to fix in a question, then saves it', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, editor);
  await page.goto('/admin/youth/what-is-trafficking/questions/new');
  await page.getByRole('button', { name: 'Lagre spørsmålet' }).click();
  await expect(page.getByRole('link', { name: 'Gi 2–5 svaralternativer.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Velg minst én kilde.' })).toBeVisible();

  await page.goto('/admin/youth/what-is-trafficking');
  await page.getByRole('link', { name: 'Rediger spørsmål 3' }).click();
  const explanation = field(page, 'Forklaring på engelsk');
  const original = await explanation.inputValue();
  await explanation.fill('');
  await page.getByRole('button', { name: 'Lagre spørsmålet' }).click();
  await expect(
    page.getByRole('link', { name: 'Skriv teksten både på bokmål og engelsk (høyst 2000 tegn).' })
  ).toBeVisible();
  // Saved unchanged after the refusal (the shipped text back): the plain form post redirects to the set.
  await field(page, 'Forklaring på engelsk').fill(original);
  await page.getByRole('button', { name: 'Lagre spørsmålet' }).click();
  await expect(page.getByText('Spørsmålet er lagret.')).toBeVisible();
});
