import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';

const police = '76370803-3ab9-4f2e-9fba-2053bc6ab305';
const kom = 'bb84c360-d12c-4bec-aa62-af5340c88ac5';

const pages = [
  '/directory',
  '/directory?municipality=Fuosko&link=victim_follow_up',
  '/directory?municipality=Her%C3%B8y',
  '/directory?municipality=Bodoo',
  `/directory/${police}`,
  `/directory/${kom}`,
  '/directory/contact',
  '/directory/chain',
  '/directory/chain?county=03'
];

for (const path of pages) {
  for (const prefix of ['', '/en']) {
    test(`${prefix}${path} renders with one h1 and no serious axe violations`, async ({ page }) => {
      const response = await page.goto(prefix + path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', prefix ? 'en' : 'nb');
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expectNoSeriousAxeViolations(page);
    });
  }
}

test('search by a Sami name finds the municipality and lists national services', async ({ page }) => {
  await page.goto('/directory');
  await field(page, 'Kommune').fill('Fuosko');
  await page.getByRole('button', { name: 'Vis tjenester' }).click();
  await expect(page.getByText(/tjenester dekker Fauske-Fuosko/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'ROSA (Krisesentersekretariatet)' })).toBeVisible();
});

test('an organisation page shows what it does not do, its source and an unverified notice', async ({ page }) => {
  await page.goto(`/directory/${kom}`);
  await expect(page.getByText('KOM har ingen operativ rolle i enkeltsaker')).toBeVisible();
  await expect(page.getByText('Navnet er usikkert')).toBeVisible();
  await expect(
    page.getByRole('link', { name: /politiet\.no\/rad\/menneskehandel\/koordineringsenheten/ })
  ).toBeVisible();
});

test('the contact guide ends with 112 first when someone is in danger', async ({ page }) => {
  await page.goto('/en/directory/contact');
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Call 112 now' })).toBeVisible();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: /^Work/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await field(page, 'Which municipality is it about?').fill('Tromso');
  await page.getByRole('button', { name: 'Show whom to contact' }).click();
  await expect(page.getByRole('heading', { name: 'You can contact these' })).toBeVisible();
  const first = page.locator('.guide-steps > li').first();
  await expect(first.getByRole('link', { name: '112' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Arbeidstilsynet', exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('the API lists organisations, one organisation, coverage and CSV with the licence named', async ({ request }) => {
  const list = await (await request.get('/api/v1/organisations?municipality=0301&link=intelligence')).json();
  expect(list.municipality.number).toBe('0301');
  expect(list.licence.licence).toContain('NLOD');
  expect(list.data.every((e: { links: string[] }) => e.links.includes('intelligence'))).toBe(true);
  const one = await request.get(`/api/v1/organisations/${police}`);
  expect((await one.json()).data.channels[0].value).toBe('112');
  expect((await request.get('/api/v1/organisations/not-an-id')).status()).toBe(404);
  const coverage = await (await request.get('/api/v1/coverage')).json();
  expect(coverage.rows).toHaveLength(15);
  expect((await request.get('/api/v1/coverage?county=xx')).status()).toBe(400);
  const bad = await request.get('/api/v1/organisations?link=nothing&lang=en');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fields.link).toBe('Choose one of the options.');
  const csv = await request.get('/api/v1/organisations.csv');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['link']).toContain('license');
  expect((await csv.text()).split('\r\n')[0]).toMatch(/^id,name,service_type,/);
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/v1/organisations',
      '/api/v1/organisations/{id}',
      '/api/v1/coverage',
      '/api/v1/organisations.csv'
    ])
  );
});
