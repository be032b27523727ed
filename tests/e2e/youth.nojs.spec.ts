import { expect, test } from '@playwright/test';

test('a whole self-paced quiz works without JavaScript: question → explanation → … → summary', async ({ page }) => {
  await page.goto('/youth');
  await page.getByRole('link', { name: 'Hva kan jeg gjøre?' }).click();
  await expect(page).toHaveURL(/\/youth\/quiz\/what-can-i-do$/);
  await expect(page.getByText('Spørsmål 1 av 10')).toBeVisible();

  // Without an answer: a clear message at the question, and still question 1.
  await page.getByRole('button', { name: 'Svar' }).click();
  await expect(page.getByText('Velg et svar før du går videre.').first()).toBeVisible();
  await expect(page.getByText('Spørsmål 1 av 10')).toBeVisible();

  await page.getByLabel('Ringer 112').check();
  await page.getByRole('button', { name: 'Svar' }).click();
  await expect(page.getByText('Riktig!')).toBeVisible();
  await expect(page.getByText('Er noen i fare nå, ring 112.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Menneskertilsalgs.no: Allerede bekymret? Politiet' })).toBeVisible();
  await page.getByRole('link', { name: 'Neste spørsmål' }).click();

  await expect(page.getByText('Spørsmål 2 av 10')).toBeVisible();
  // A wrong answer shows the right one.
  await page.getByLabel('Nei, du må alltid anmelde med navn').check();
  await page.getByRole('button', { name: 'Svar' }).click();
  await expect(page.getByText('Ikke helt riktig.')).toBeVisible();
  await expect(page.getByText('Riktig svar: Ja')).toBeVisible();
  await page.getByRole('link', { name: 'Neste spørsmål' }).click();

  // The remaining eight: the first option each time.
  for (let n = 3; n <= 10; n++) {
    await expect(page.getByText(`Spørsmål ${n} av 10`)).toBeVisible();
    await page.locator('input[name="answer"]').first().check();
    await page.getByRole('button', { name: 'Svar' }).click();
    await expect(page.getByRole('heading', { name: 'Forklaring' })).toBeVisible();
    await page.getByRole('link', { name: n === 10 ? 'Se resultatet' : 'Neste spørsmål' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Resultat' })).toBeVisible();
  await expect(page.getByText('Du fikk 9 av 10 riktig.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Feil:' })).toHaveCount(1);
  await page.getByRole('link', { name: 'Ta quizen på nytt' }).click();
  await expect(page.getByText('Spørsmål 1 av 10')).toBeVisible();
});

test('without JavaScript a question with several right answers uses checkboxes (English)', async ({ page }) => {
  await page.goto('/en/youth/quiz/what-is-trafficking?r=10');
  await expect(page.getByText('Question 3 of 10')).toBeVisible();
  await expect(page.getByText('Choose all that apply.').first()).toBeVisible();
  await page.getByLabel('Sexual exploitation').check();
  await page.getByLabel('Forced labour').check();
  await page.getByLabel('Removal of organs').check();
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByText('Right!')).toBeVisible();
  await expect(page.getByText(/Exploitation includes at a minimum/)).toBeVisible();
});

test('an unknown quiz is a 404 in the user language with a way back and search', async ({ page }) => {
  const res = await page.goto('/en/youth/quiz/no-such-quiz');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Quiz not found' })).toBeVisible();
  await expect(page.getByText('We cannot find a quiz with this name.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'See all quizzes' })).toBeVisible();
  // …and a search of the learning pages, which works without JavaScript.
  await page.getByRole('searchbox').fill('forced labour');
  await page.getByRole('search').getByRole('button').click();
  await expect(page).toHaveURL(/\/en\/learn\?q=forced/);
  await expect(page.locator('mark').first()).toBeVisible();
});

test('the lesson plan is one 45-minute lesson', async ({ page }) => {
  await page.goto('/youth/lesson-plan');
  const minutes = await page.locator('.lesson-minutes').allTextContents();
  expect(minutes.map((m) => Number(m.replace(/\D/g, ''))).reduce((a, b) => a + b, 0)).toBe(45);
  await expect(page.getByRole('link', { name: 'Hva er menneskehandel?' })).toBeVisible();
});
