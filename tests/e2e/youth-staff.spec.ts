import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { createStaffUser, logIn, type TStaffUser } from './staff.helpers';
import { createQuizSet } from './youth-staff.helpers';

let editor: TStaffUser;
test.beforeAll(async () => {
  editor = await createStaffUser('editor');
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

test('an editor reorders questions with the buttons (keyboard) and deletes an answered one after confirming', async ({
  page
}) => {
  test.setTimeout(120_000);
  const set = createQuizSet(1);
  const [q1, q2, q3, q4] = set.questions as [string, string, string, string];
  await logIn(page, editor);
  await page.goto(`/admin/youth/${set.id}`);
  const items = page.locator('ol.question-list > li .question-list__text');
  await expect(items).toHaveText([q1, q2, q3, q4]);
  await expectNoSeriousAxeViolations(page);

  // Keyboard only: focus the button and press Enter.
  await page.getByRole('button', { name: 'Flytt opp spørsmål 3' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `«${q3}» er nå nummer 2` })).toBeVisible();
  await expect(items).toHaveText([q1, q3, q2, q4]);
  await expect(page).toHaveURL(new RegExp(`#question-`));
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Flytt ned spørsmål 1' }).click();
  await expect(items).toHaveText([q3, q1, q2, q4]);
  // The first has no "up", the last no "down".
  await expect(page.getByRole('button', { name: 'Flytt opp spørsmål 1' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Flytt ned spørsmål 4' })).toHaveCount(0);

  // q2 (now number 3) was answered in a past lesson: deleting it keeps its counts.
  await page.getByRole('link', { name: 'Slett spørsmål 3' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Slette spørsmål 3/ })).toBeVisible();
  await expect(page.getByText('Spørsmålet er besvart før')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  // "No" changes nothing.
  await page.getByRole('link', { name: 'Nei, gå tilbake' }).click();
  await expect(items).toHaveText([q3, q1, q2, q4]);
  await page.getByRole('link', { name: 'Slett spørsmål 3' }).click();
  await page.getByRole('button', { name: 'Ja, slett spørsmålet' }).click();
  await expect(page.getByText('Svartallene er tatt vare på')).toBeVisible();
  await expect(items).toHaveText([q3, q1, q4]);
  const archived = page.getByRole('table', { name: 'Slettede spørsmål med svar' });
  await expect(archived.getByRole('cell', { name: q2 })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
