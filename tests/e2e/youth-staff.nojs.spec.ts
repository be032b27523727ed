import { expect, test } from '@playwright/test';
import { field } from './helpers';
import { createStaffUser, logIn, type TStaffUser } from './staff.helpers';
import { createQuizSet } from './youth-staff.helpers';

let editor: TStaffUser;
test.beforeAll(async () => {
  editor = await createStaffUser('editor');
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

test('without JavaScript an editor moves a question and deletes an unanswered one after a confirmation page', async ({
  page
}) => {
  test.setTimeout(120_000);
  const set = createQuizSet();
  const [q1, q2, q3, q4] = set.questions as [string, string, string, string];
  await logIn(page, editor);
  await page.goto(`/admin/youth/${set.id}`);
  const items = page.locator('ol.question-list > li .question-list__text');
  await page.getByRole('button', { name: 'Flytt opp spørsmål 4' }).click();
  await expect(items).toHaveText([q1, q2, q4, q3]);
  await expect(page.getByText(`«${q4}» er nå nummer 3`)).toBeVisible();

  await page.getByRole('link', { name: 'Slett spørsmål 1' }).click();
  await expect(page.getByText('Ingen har svart på spørsmålet ennå')).toBeVisible();
  await page.getByRole('button', { name: 'Ja, slett spørsmålet' }).click();
  await expect(page.getByText('Spørsmålet er slettet.')).toBeVisible();
  await expect(items).toHaveText([q2, q4, q3]);
  await expect(page.getByRole('heading', { name: 'Slettede spørsmål med svar' })).toHaveCount(0);
});
