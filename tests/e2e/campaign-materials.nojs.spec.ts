import { expect, test } from '@playwright/test';
import { field } from './helpers';
import { signInAs } from './staff.helpers';
import { insertCampaign, PNG_IMAGE } from './campaign-materials.setup';

/**
 * Campaign material files without JavaScript (issue 8): the upload is a plain multipart form post; a file
 * over 10 MB is cut off while it streams and answered with the message on the file field; the public page
 * of a published campaign shows the image with its text alternative; an unpublished one's file is 404.
 */
test('uploads work without JavaScript, too large is refused on the field, the public sees the image', async ({
  page
}) => {
  test.setTimeout(120_000);
  const campaign = insertCampaign(`Uten JS filer ${Date.now().toString(36)}`, true);
  await signInAs(page, 'analyst');
  await page.goto(`/admin/campaigns/${campaign.id}/materials`);

  await field(page, 'Fil').setInputFiles({
    name: 'stor.png',
    mimeType: 'image/png',
    buffer: Buffer.concat([PNG_IMAGE, Buffer.alloc(11 * 1024 * 1024)])
  });
  await field(page, 'Tittel').fill('For stor');
  await page.getByRole('button', { name: 'Last opp' }).click();
  await expect(page.getByText('Filen er for stor. Den kan være høyst 10 MB.').first()).toBeVisible();

  await field(page, 'Fil').setInputFiles({ name: 'bilde.webp', mimeType: 'image/webp', buffer: PNG_IMAGE });
  await field(page, 'Tittel').fill('Annonse i avisen');
  await field(page, 'Alternativ tekst på bokmål').fill('Annonse i avisen med en hånd som holder en telefon');
  await field(page, 'Alternativ tekst på engelsk').fill('Newspaper ad with a hand holding a phone');
  await page.getByRole('button', { name: 'Last opp' }).click();
  await expect(page.getByText('Filen er lastet opp.')).toBeVisible();
  // The type is read from the content: a PNG named .webp is a PNG.
  await expect(page.getByRole('link', { name: 'Annonse i avisen (PNG, 1 kB)' })).toBeVisible();

  await page.goto(`/campaigns/${campaign.slug}`);
  await expect(page.getByRole('img', { name: 'Annonse i avisen med en hånd som holder en telefon' })).toBeVisible();
  await page.goto(`/en/campaigns/${campaign.slug}`);
  await expect(page.getByRole('img', { name: 'Newspaper ad with a hand holding a phone' })).toBeVisible();

  // A draft's file is not public.
  const draft = insertCampaign(`Utkast filer ${Date.now().toString(36)}`);
  await page.goto(`/admin/campaigns/${draft.id}/materials`);
  await field(page, 'Fil').setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: PNG_IMAGE });
  await field(page, 'Tittel').fill('Utkast');
  await field(page, 'Alternativ tekst på bokmål').fill('Et utkast');
  await field(page, 'Alternativ tekst på engelsk').fill('A draft');
  await page.getByRole('button', { name: 'Last opp' }).click();
  await expect(page.getByText('Filen er lastet opp.')).toBeVisible();
  const href = await page.getByRole('link', { name: /^Utkast \(PNG/ }).getAttribute('href');
  const fileId = href!.split('/').pop();
  expect((await page.request.get(`/campaigns/${draft.slug}/materials/${fileId}`)).status()).toBe(404);
  expect((await page.request.get(href!)).status()).toBe(200);
});
