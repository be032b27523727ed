import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './helpers';
import { publishedTemplateCopy, publishedTemplateWithAnswers } from './surveys-setup';
import { signInAs } from './staff.helpers';

test('an analyst publishes the template and opens a wave; a respondent answers; the results show the answer', async ({
  page,
  browser
}) => {
  test.setTimeout(120_000);
  await signInAs(page, 'analyst');
  await page.getByRole('navigation').getByRole('link', { name: 'Undersøkelser' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Undersøkelser' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page
    .getByRole('link', { name: 'Holdninger og kunnskap om menneskehandel i Norge (holdninger-menneskehandel)' })
    .click();
  await expect(page.getByText('Versjon 1: utkast')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Publiser utkastet' }).click();
  await expect(page.getByText('Utkastet er publisert.')).toBeVisible();
  await page.locator('#wave-new-name').fill('2027 første runde');
  await page.locator('#wave-new-opens').fill('2020-01-01');
  await page.locator('#wave-new-closes').fill('2099-12-31');
  await page.locator('#wave-new-note_nb').fill('Åpen lenke på nettsiden');
  await page.getByRole('button', { name: 'Lag en ny runde' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '2027 første runde' })).toBeVisible();
  await page.getByRole('link', { name: 'Forhåndsvis' }).click();
  await expect(page.getByRole('heading', { name: 'Hvor stort er problemet?' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // A respondent with JavaScript, in another browser.
  const respondent = await (await browser.newContext()).newPage();
  await respondent.goto('/surveys/holdninger-menneskehandel');
  await expectNoSeriousAxeViolations(respondent);
  await respondent.getByLabel('Ja, jeg er 16 år eller eldre').check();
  await respondent.getByRole('button', { name: 'Start' }).click();
  await respondent.getByLabel('Mann').check();
  await respondent.getByLabel('45-54 år').check();
  await respondent.getByLabel('Hvilket fylke bor du i?').selectOption({ label: 'Rogaland' });
  await expectNoSeriousAxeViolations(respondent);
  await respondent.getByRole('button', { name: 'Neste' }).click();
  for (const q of ['i verden', 'i Europa', 'i Norge', 'der du bor'])
    await respondent
      .getByRole('group', { name: new RegExp(q) })
      .getByLabel('I stor grad')
      .check();
  await respondent.getByRole('button', { name: 'Neste' }).click();
  await respondent
    .getByRole('group', { name: /de siste tolv månedene/ })
    .getByLabel('Ja')
    .check();
  await respondent.getByRole('button', { name: 'Neste' }).click();
  // Shown by the skip rule after "yes".
  await respondent.getByLabel('Nyheter').check();
  await respondent.getByRole('button', { name: 'Neste' }).click();
  await respondent
    .getByRole('group', { name: /Vet du hvor du kan melde fra/ })
    .getByLabel('Ja')
    .check();
  await respondent.getByRole('button', { name: 'Send svarene' }).click();
  await expect(respondent.getByRole('heading', { level: 1, name: 'Takk for svarene dine!' })).toBeVisible();

  // Staff results show the one response; the public page suppresses it (fewer than 5).
  await page.goto('/admin/surveys');
  await page
    .getByRole('link', { name: 'Holdninger og kunnskap om menneskehandel i Norge (holdninger-menneskehandel)' })
    .click();
  await page.getByRole('link', { name: 'Resultater' }).click();
  await expect(page.getByText('1 svar.').first()).toBeVisible();
  const norway = 'I hvilken grad tror du menneskehandel er et problem i Norge?';
  await expect(page.getByRole('table', { name: norway, exact: true })).toBeVisible();
  // Staff see the chart with the weighted and the unweighted share as two series, and its own data table.
  await expect(page.getByRole('img', { name: norway, exact: true })).toHaveAccessibleDescription(/Uvektet/);
  await expect(page.getByRole('table', { name: `Tallene i figuren «${norway}»` })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await respondent.goto('/results/holdninger-menneskehandel');
  await expect(respondent.getByText('Færre enn 5 svar: tallene vises ikke.').first()).toBeVisible();
  await expectNoSeriousAxeViolations(respondent);
});

test('the public results page with a breakdown passes axe', async ({ page }) => {
  const slug = publishedTemplateCopy();
  await page.goto(`/en/results/${slug}?by=sex&weighting=none`);
  await expect(page.getByRole('heading', { level: 1, name: /Results:/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('the public results draw a chart per question and the trend across waves beside the Scottish figures', async ({
  page
}) => {
  const slug = await publishedTemplateWithAnswers(8);
  await page.goto(`/results/${slug}?weighting=none`);
  const chart = page.getByRole('img', {
    name: 'I hvilken grad tror du menneskehandel er et problem i Europa?',
    exact: true
  });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/I stor grad/);
  // The trend: both waves, the method change marked, and the Scottish series with its sources and caveats.
  await expect(page.getByRole('heading', { level: 2, name: 'Utvikling over runder' })).toBeVisible();
  const trend = page.getByRole('img', { name: /«I stor grad» – I hvilken grad .* i verden/ });
  await expect(trend).toBeVisible();
  await expect(trend).toHaveAccessibleDescription(/Fra .*E2E.* til .*E2E 2/);
  await expect(page.getByText(/Skottland \(publiserte tall\)/).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Skotske tall til sammenligning' })).toBeVisible();
  await expect(page.getByText(/Ansikt til ansikt/).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('Spørsmål og svar').selectOption('would_do:police');
  await page.getByRole('button', { name: 'Tegn utviklingen' }).click();
  await expect(page).toHaveURL(/indicator=would_do%3Apolice/);
  await expect(page.getByRole('img', { name: /«Melde fra til politiet»/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Ville meldt fra til politiet/ })).toBeVisible();
  // 200 % zoom: the page and its charts stay inside a narrow viewport (no horizontal scrolling).
  await page.setViewportSize({ width: 640, height: 900 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  expect(overflow).toBeLessThanOrEqual(1);
});
