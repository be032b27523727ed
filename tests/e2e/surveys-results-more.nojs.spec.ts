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
