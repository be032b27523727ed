import { expect, test } from '@playwright/test';
import { publishedTemplateWithAnswers } from './surveys-setup';

test('without JavaScript the weighting note is on the page, and the weighting can be changed by a plain GET form', async ({
  page
}) => {
  const slug = await publishedTemplateWithAnswers(6);
  await page.goto(`/results/${slug}`);
  await expect(page.locator('[data-weighting-note]')).toHaveText(
    /^Ingen svar fra .*Finnmark.* i denne bølgen: vektingen kan ikke brukes/
  );
  await page.getByLabel('Vekting').selectOption('none');
  await page.getByRole('button', { name: 'Vis', exact: true }).first().click();
  await expect(page).toHaveURL(/weighting=none/);
  await expect(page.locator('[data-weighting-note]')).toHaveCount(0);
});

test('without JavaScript the breakdown shows one question per group; a plain link picks another, the filters keep it', async ({
  page
}) => {
  const slug = await publishedTemplateWithAnswers(12);
  const europe = 'I hvilken grad tror du menneskehandel er et problem i Europa?';
  await page.goto(`/results/${slug}?weighting=none&by=sex`);
  await page
    .getByRole('navigation', { name: 'Spørsmål som kan fordeles etter kjønn' })
    .getByRole('link', { name: europe, exact: true })
    .click();
  await expect(page).toHaveURL(/question=problem_europe/);
  await expect(page.getByRole('table', { name: `${europe} – Kvinne`, exact: true })).toBeVisible();
  // Another breakdown by the GET form: the question stays.
  await page.getByLabel('Fordel etter').selectOption('age_group');
  await page.getByRole('button', { name: 'Vis', exact: true }).first().click();
  await expect(page).toHaveURL(/by=age_group.*question=problem_europe|question=problem_europe.*by=age_group/);
  await expect(page.getByRole('heading', { level: 2, name: `«${europe}» fordelt etter aldersgruppe` })).toBeVisible();
  await expect(page.getByRole('table', { name: `${europe} – 25-34 år`, exact: true })).toBeVisible();
});
