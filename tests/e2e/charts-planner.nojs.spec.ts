import { expect, test } from '@playwright/test';
import { field } from './helpers';
import { signInAs } from './staff.helpers';
import { surveyWithClosedWave } from './surveys-setup';

/** The planner and the chart gallery without JavaScript: plain form posts and server-drawn SVG. */

test('the planner works without JavaScript: errors per field, then the three MDEs', async ({ page }) => {
  await signInAs(page, 'analyst');
  await page.goto('/admin/campaigns/planner');
  await field(page, 'Dagens nivå på indikatoren (%)').fill('95');
  await field(page, 'Antall svar før kampanjen').fill('2 000');
  await field(page, 'Antall svar etter kampanjen').fill('2000');
  await field(page, 'Forventet andel som har sett kampanjen (%)').fill('40');
  await field(page, 'Endringen kampanjen håper på (prosentpoeng)').fill('10');
  await page.getByRole('button', { name: 'Beregn' }).click();
  await expect(page.getByText('Nivået pluss endringen må være under 100 %.').first()).toBeVisible();
  await expect(field(page, 'Antall svar før kampanjen')).toHaveValue('2 000');

  await field(page, 'Dagens nivå på indikatoren (%)').fill('30');
  await field(page, 'Endringen kampanjen håper på (prosentpoeng)').fill('20');
  await page.getByRole('button', { name: 'Beregn' }).click();
  await expect(page.getByText(/Planen kan påvise en endring på 20 prosentpoeng med alle tre designene/)).toBeVisible();
  await expect(page.locator('[data-design="exposed"] [data-verdict]')).toHaveText(/Ja/);
});

test('the chart gallery is complete without JavaScript', async ({ page }) => {
  await signInAs(page, 'analyst');
  await page.goto('/admin/charts');
  await expect(page.locator('figure svg[role="img"]')).toHaveCount(5);
  await expect(page.locator('figure table')).toHaveCount(6);
});

test('the planner reads the level of the last closed wave without JavaScript (a GET form), in English', async ({
  page
}) => {
  const { surveyId } = await surveyWithClosedWave();
  await signInAs(page, 'analyst');
  await page.goto('/en/admin/campaigns/planner');
  await page.getByLabel('Indicator', { exact: true }).selectOption(`${surveyId}|problem_world|great`);
  await page.getByLabel('Weighting').selectOption('none');
  await page.getByRole('button', { name: 'Get level' }).click();
  await expect(page).toHaveURL(/indicator=/);
  await expect(page.locator('[data-level-source]')).toContainText('“E2E”');
  await expect(page.locator('[data-level-source]')).toContainText('75%');
  await expect(field(page, 'Current level of the indicator (%)')).toHaveValue('75');
  await field(page, 'Answers before the campaign').fill('1000');
  await field(page, 'Answers after the campaign').fill('1000');
  await field(page, 'Expected share who saw the campaign (%)').fill('30');
  await field(page, 'Change the campaign hopes for (percentage points)').fill('5');
  await page.getByRole('button', { name: 'Compute' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Result' })).toBeVisible();
  await expect(page.locator('[data-level-source]')).toContainText('75%');

  const bad = await page.goto('/en/admin/campaigns/planner?indicator=nonsense');
  expect(bad?.status()).toBe(400);
});
