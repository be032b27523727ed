import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { signInAs } from './staff.helpers';
import { surveyWithClosedWave } from './surveys-setup';

/**
 * The staff chart gallery and the evaluation planner (issues 7 and 8), signed in as an editor (no TOTP
 * needed), who is put straight into the e2e database.
 */

test('the chart gallery draws both charts with summaries, tables, suppression and the Scottish reference', async ({
  page
}) => {
  await signInAs(page, 'editor');
  await page.getByRole('link', { name: 'Figurer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Figurgalleri' })).toBeVisible();

  const report = page.getByRole('figure', { name: 'Skottland: hva ville du gjort ved mistanke om menneskehandel?' });
  await expect(report.getByRole('img', { name: /Skottland: hva ville du gjort/ })).toBeVisible();
  await expect(report.getByRole('table')).toContainText('Ville meldt fra til politiet');
  await expect(report.getByRole('table')).toContainText('87');
  await expect(report.getByRole('link', { name: /Holyrood/ })).toHaveAttribute(
    'href',
    /^https:\/\/www\.holyrood\.com\//
  );

  const example = page.getByRole('figure', { name: /Eksempel: I hvilken grad/ });
  const svg = example.getByRole('img');
  await expect(svg).toHaveAttribute('aria-describedby', /.+/);
  const summaryId = await svg.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${summaryId}"]`)).toContainText('Uvektet: Høyest: I noen grad');
  await expect(example.locator('svg text', { hasText: 'færre enn 5' }).first()).toBeVisible();
  await expect(example.getByRole('row', { name: /Ikke i det hele tatt/ }).first()).toContainText('Færre enn 5 svar');
  await expect(example.getByRole('row', { name: /Vet ikke/ }).first()).toContainText('Skjult slik at et tall under 5');

  const byAge = page.getByRole('figure', { name: /etter aldersgruppe/ });
  await expect(byAge.getByText('† Færre enn 30 svar')).toBeVisible();

  const trend = page.getByRole('figure', { name: /over bølger/ });
  await expect(trend.getByText(/metoden endret seg mellom Bølge 2 \(2027-09\) og Bølge 3 \(2028-03\)/)).toBeVisible();
  await expect(trend.locator('path.chart__reference')).toHaveCount(1);
  await expect(trend.getByRole('table').nth(1)).toContainText('16');
  await expectNoSeriousAxeViolations(page);

  // 200 % zoom: the charts stay inside a narrow viewport (no horizontal scrolling of the page).
  await page.setViewportSize({ width: 640, height: 900 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  expect(overflow).toBeLessThanOrEqual(1);
});

test('the planner warns when the plan cannot detect the hoped-for change, in English too', async ({ page }) => {
  await signInAs(page, 'editor');
  await page.getByRole('link', { name: 'Kampanjer' }).click();
  await page.getByRole('link', { name: 'Evalueringsplanlegger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evalueringsplanlegger' })).toBeVisible();
  await field(page, 'Dagens nivå på indikatoren (%)').fill('14');
  await field(page, 'Antall svar før kampanjen').fill('1000');
  await field(page, 'Antall svar etter kampanjen').fill('1000');
  await field(page, 'Forventet andel som har sett kampanjen (%)').fill('30');
  await field(page, 'Designeffekt').fill('1,5');
  await field(page, 'Endringen kampanjen håper på (prosentpoeng)').fill('2');
  await page.getByRole('button', { name: 'Beregn' }).click();
  await expect(page.getByText(/Planen kan ikke påvise endringen kampanjen håper på/)).toBeVisible();
  await expect(page.locator('[data-design="before_after"] [data-mde]')).toContainText('5,7 prosentpoeng');
  await expect(page.locator('[data-design="before_after"] [data-needed]')).toContainText(/7\s504 per bølge/);
  await expect(page.locator('[data-design="did"] [data-verdict]')).toHaveText(/Nei/);
  await expectNoSeriousAxeViolations(page);

  await page.goto('/en/admin/campaigns/planner');
  await field(page, 'Current level of the indicator (%)').fill('14');
  await field(page, 'Answers before the campaign').fill('abc');
  await field(page, 'Answers after the campaign').fill('1000');
  await field(page, 'Expected share who saw the campaign (%)').fill('30');
  await field(page, 'Change the campaign hopes for (percentage points)').fill('2');
  await page.getByRole('button', { name: 'Compute' }).click();
  await expect(page.getByText('Enter a whole number between 20 and 10,000,000.').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('the planner fills in the indicator level from the last closed wave, still typed over', async ({ page }) => {
  test.setTimeout(90_000);
  const { surveyId } = await surveyWithClosedWave();
  await signInAs(page, 'editor');
  await page.goto('/admin/campaigns/planner');
  await page.getByLabel('Indikator', { exact: true }).selectOption(`${surveyId}|problem_world|great`);
  await page.getByRole('button', { name: 'Hent nivå' }).click();
  await expect(page.locator('[data-level-source]')).toContainText('«E2E»');
  await expect(page.locator('[data-level-source]')).toContainText('75 %');
  await expect(page.locator('[data-level-source]')).toContainText('uvektet, 8 svar');
  await expect(field(page, 'Dagens nivå på indikatoren (%)')).toHaveValue('75');
  await expectNoSeriousAxeViolations(page);
  await field(page, 'Dagens nivå på indikatoren (%)').fill('70');
  await field(page, 'Antall svar før kampanjen').fill('1000');
  await field(page, 'Antall svar etter kampanjen').fill('1000');
  await field(page, 'Forventet andel som har sett kampanjen (%)').fill('30');
  await field(page, 'Endringen kampanjen håper på (prosentpoeng)').fill('5');
  await page.getByRole('button', { name: 'Beregn' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Resultat' })).toBeVisible();
  await expect(field(page, 'Dagens nivå på indikatoren (%)')).toHaveValue('70');
  await expect(page.locator('[data-level-source]')).toContainText('«E2E»');
  await expectNoSeriousAxeViolations(page);
});
