import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './helpers';

for (const [prefix, answer, next] of [
  ['', 'Svar', 'Neste spørsmål'],
  ['/en', 'Answer', 'Next question']
] as const) {
  test(`youth and lesson plan pages have no serious axe violations (${prefix || '/nb'})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`${prefix}/youth`);
    await expectNoSeriousAxeViolations(page);
    await page.goto(`${prefix}/youth/lesson-plan`);
    await expectNoSeriousAxeViolations(page);
  });

  test(`quiz pages have no serious axe violations (${prefix || '/nb'})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${prefix}/youth/quiz/sectors-around-us`);
    await expectNoSeriousAxeViolations(page);
    // An error, then feedback.
    await page.getByRole('button', { name: answer }).click();
    await expect(page.locator('#field-answer-error')).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.locator('input[type="checkbox"]').first().check();
    await page.getByRole('button', { name: answer }).click();
    await expect(page.getByRole('link', { name: next })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.goto(`${prefix}/youth/quiz/sectors-around-us?r=1111111111`);
    await expectNoSeriousAxeViolations(page);
  });
}

test('the home page and the menu lead to Youth', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Ungdom', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ungdom og skole' })).toBeVisible();
});
