import { expect, test } from '@playwright/test';
import { field } from './helpers';
import { signInAs } from './staff.helpers';

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
