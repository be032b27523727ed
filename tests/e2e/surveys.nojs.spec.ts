import { expect, test, type Page } from '@playwright/test';
import { publishedTemplateCopy, publishedTemplateWithAnswers } from './surveys-setup';

let slug: string;
test.beforeAll(() => {
  slug = publishedTemplateCopy();
});

async function answerSurvey(page: Page) {
  await page.getByLabel('Ja, jeg er 16 år eller eldre').check();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByText('Del 1 av 5')).toBeVisible();
  await page.getByRole('button', { name: 'Neste' }).click();
  // Nothing chosen: every required question is named, and nothing is stored.
  await expect(page.getByRole('alert').getByText('Fyll ut dette feltet.').first()).toBeVisible();
  await page.getByLabel('Kvinne').check();
  await page.getByLabel('25-34 år').check();
  await page.getByLabel('Hvilket fylke bor du i?').selectOption({ label: 'Vestland' });
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByText('Del 2 av 5')).toBeVisible();
  for (const q of ['i verden', 'i Europa', 'i Norge', 'der du bor'])
    await page
      .getByRole('group', { name: new RegExp(q) })
      .getByLabel('I noen grad')
      .check();
  await page.getByRole('button', { name: 'Neste' }).click();
  await page.getByLabel('Tvangsarbeid').check();
  await page
    .getByRole('group', { name: /de siste tolv månedene/ })
    .getByLabel('Nei')
    .check();
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByText('Del 4 av 5')).toBeVisible();
  // The skip rule: "where did you hear" is not shown after "no".
  await expect(page.getByText('Hvor så eller hørte du om det?')).toHaveCount(0);
  await page.getByRole('button', { name: 'Neste' }).click();
  await page.getByLabel('Melde fra til politiet').check();
  await page
    .getByRole('group', { name: /Vet du hvor du kan melde fra/ })
    .getByLabel('Usikker')
    .check();
  await page.getByRole('button', { name: 'Send svarene' }).click();
}

test('a respondent answers the whole survey without JavaScript, once per browser', async ({ page }) => {
  await page.goto(`/surveys/${slug}`);
  await expect(page.getByRole('heading', { name: 'Dette lagrer vi' })).toBeVisible();
  await answerSurvey(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Takk for svarene dine!' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Les mer om menneskehandel i Lær' })).toBeVisible();
  await page.goto(`/surveys/${slug}`);
  await expect(page.getByText('Du har allerede svart på denne undersøkelsen fra denne nettleseren.')).toBeVisible();
});

test('without JavaScript the age screening stops someone under 16 and stores nothing', async ({ page }) => {
  await page.goto(`/en/surveys/${slug}`);
  await page.getByLabel('No, I am under 16').check();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByText('This survey is for people aged 16 or older')).toBeVisible();
});

test('the public results work without JavaScript: wave, weighting and breakdown by a plain GET form', async ({
  page
}) => {
  await page.goto(`/results/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: /Resultater:/ })).toBeVisible();
  await page.getByLabel('Vekting').selectOption('none');
  await page.getByLabel('Fordel etter').selectOption('sex');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/weighting=none/);
  await expect(page.getByText('Tallene er ikke vektet')).toBeVisible();
});

test('without JavaScript the results show the charts, and the trend question is picked by a plain GET form', async ({
  page
}) => {
  const answered = await publishedTemplateWithAnswers(6);
  await page.goto(`/results/${answered}`);
  await expect(
    page.getByRole('img', { name: 'Vet du hvor du kan melde fra om mistanke om menneskehandel?', exact: true })
  ).toBeVisible();
  await page.getByLabel('Spørsmål og svar').selectOption('know_where:yes');
  await page.getByRole('button', { name: 'Tegn utviklingen' }).click();
  await expect(page).toHaveURL(/indicator=know_where%3Ayes/);
  const trend = page.getByRole('img', { name: /«Ja» – Vet du hvor/ });
  await expect(trend).toBeVisible();
  await expect(trend).toHaveAccessibleDescription(/./);
  await expect(page.getByRole('table', { name: /«Ja» – Vet du hvor/ })).toBeVisible();
});
