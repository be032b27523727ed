import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { signInAs } from './staff.helpers';
import { insertCampaign, PDF, PNG_IMAGE } from './campaign-materials.setup';

/**
 * Campaign material files (issue 8), JavaScript on: an editor uploads an image of the ad and a poster,
 * meets a refused file, publishes the campaign, and the public page shows the image with its text
 * alternative (bokmål and English) and the poster as a link with type and size; then removes a file.
 */
test('an editor uploads material files; the public page shows the image with its alt text', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Filkampanje ${Date.now().toString(36)}`;
  const campaign = insertCampaign(name);
  await signInAs(page, 'editor');
  await page.goto(`/admin/campaigns/${campaign.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Filer' })).toBeVisible();
  await expect(page.getByText('Ingen filer ennå.')).toBeVisible();
  await page.getByRole('link', { name: 'Last opp eller fjern filer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Filer til kampanjen' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // An SVG with script, named .png: refused by its content, with messages on the fields.
  await field(page, 'Fil').setInputFiles({
    name: 'plakat.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
  });
  await page.getByRole('button', { name: 'Last opp' }).click();
  await expect(page.getByText(/Denne filtypen tas ikke imot/).first()).toBeVisible();
  await expect(page.getByText('Skriv en tittel.').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // An image without its text alternatives: refused, the title kept.
  await field(page, 'Fil').setInputFiles({ name: 'annonse.png', mimeType: 'image/png', buffer: PNG_IMAGE });
  await field(page, 'Tittel').fill('Annonse på bussen');
  await page.getByRole('button', { name: 'Last opp' }).click();
  await expect(page.getByText(/Skriv en alternativ tekst/).first()).toBeVisible();
  await expect(field(page, 'Tittel')).toHaveValue('Annonse på bussen');

  await field(page, 'Fil').setInputFiles({ name: 'annonse.png', mimeType: 'image/png', buffer: PNG_IMAGE });
  await field(page, 'Alternativ tekst på bokmål').fill('Annonse med teksten «Se tegnene» på en buss');
  await field(page, 'Alternativ tekst på engelsk').fill('An ad reading “See the signs” on a bus');
  await page.getByRole('button', { name: 'Last opp' }).click();
  await expect(page.getByText('Filen er lastet opp.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Annonse på bussen (PNG, 1 kB)' })).toBeVisible();

  await field(page, 'Fil').setInputFiles({ name: 'plakat.pdf', mimeType: 'application/pdf', buffer: PDF });
  await field(page, 'Tittel').fill('Plakat');
  await page.getByRole('button', { name: 'Last opp' }).click();
  await expect(page.getByText('Filen er lastet opp.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Plakat (PDF, 1 kB)' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The staff page lists both; the PDF downloads as an attachment.
  await page.getByRole('link', { name: /Tilbake til kampanjen/ }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Plakat (PDF, 1 kB)' }).click();
  expect((await download).suggestedFilename()).toBe('plakat.pdf');

  await page.getByRole('button', { name: 'Publiser' }).click();
  await expect(page.getByRole('button', { name: 'Trekk tilbake publiseringen' })).toBeVisible();

  await page.goto(`/campaigns/${campaign.slug}`);
  const img = page.getByRole('img', { name: 'Annonse med teksten «Se tegnene» på en buss' });
  await img.scrollIntoViewIfNeeded();
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(40);
  await expect(page.getByRole('link', { name: 'Plakat (PDF, 1 kB)' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.goto(`/en/campaigns/${campaign.slug}`);
  await expect(page.getByRole('img', { name: 'An ad reading “See the signs” on a bus' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The file's own answer: stored type, nosniff, inline for an image.
  const src = await page.getByRole('img', { name: 'An ad reading “See the signs” on a bus' }).getAttribute('src');
  const res = await page.request.get(src!);
  expect(res.headers()).toMatchObject({
    'content-type': 'image/png',
    'x-content-type-options': 'nosniff',
    'content-disposition': 'inline; filename="annonse.png"'
  });

  // Removed from the staff campaign page: gone from the public page too.
  await page.goto(`/admin/campaigns/${campaign.id}`);
  await page.getByRole('button', { name: 'Fjern «Annonse på bussen»' }).click();
  await expect(page.getByText('Filen er fjernet.')).toBeVisible();
  await page.goto(`/campaigns/${campaign.slug}`);
  await expect(page.getByRole('img', { name: /Se tegnene/ })).toHaveCount(0);
  expect((await page.request.get(src!)).status()).toBe(404);
});
