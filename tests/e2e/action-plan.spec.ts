import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './helpers';

const pages = [
  ['/action-plan', 'Regjeringens tiltak mot menneskehandel'],
  ['/en/action-plan', 'The government’s measures against human trafficking'],
  ['/action-plan/2016', 'Regjeringens handlingsplan mot menneskehandel (2016)'],
  ['/en/action-plan/2025-2030', 'Nasjonal strategi mot menneskehandel (2025–2030)'],
  ['/action-plan/2006-2009', 'Regjeringens handlingsplan mot menneskehandel (2006–2009)'],
  ['/action-plan/greta', 'GRETAs anbefalinger til Norge'],
  ['/en/action-plan/greta/repeated', 'Recommendations that recur'],
  ['/action-plan/greta/R1-2', 'GRETA R1-2'],
  ['/action-plan/compare', 'Planene sammenlignet'],
  ['/en/action-plan/timeline', 'Timeline']
] as const;

for (const [path, heading] of pages) {
  test(`${path} renders in its language with no serious axe violations`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', path.startsWith('/en') ? 'en' : 'nb');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expectNoSeriousAxeViolations(page);
  });
}

test('a plan without entered measures says so, with its parts and sources', async ({ page }) => {
  await page.goto('/action-plan/2025-2030');
  await expect(page.getByText(/Tiltakene er ikke lagt inn ennå/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /Innsatsområde 2 – Forebygging/ })).toBeVisible();
  await expect(page.getByText('Planen har 18 tiltak.')).toBeVisible();
  await expect(
    page.getByRole('link', { name: /regjeringen\.no\/no\/dokumenter\/nasjonal-strategi/ }).first()
  ).toBeVisible();
});

test('the 2006–2009 plan shows the measures its source names, with a scorecard and a measure page', async ({
  page
}) => {
  await page.goto('/action-plan/2006-2009');
  await expect(page.getByRole('img', { name: /Ukjent: 6/ })).toBeVisible();
  await expect(page.getByText('6 av 6', { exact: false }).first()).toBeVisible();
  const table = page.getByRole('table', { name: /tiltakene med frist/ });
  await table.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tiltak uten nummer');
  await expect(page.getByText('Ingen frist satt').first()).toBeVisible();
  await expect(page.getByText('Ingen vurderinger er gjort ennå, så status er ukjent.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('the index cites the source report for the 15 vs 7 MNOK earmarked from 2015', async ({ page }) => {
  await page.goto('/action-plan');
  const table = page.getByRole('table', { name: /Øremerkede midler fra 2015/ });
  await expect(table.getByRole('row', { name: /politiets spesialenheter 15 000 000/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /forebyggende arbeid 7 000 000/ })).toBeVisible();
  await expect(page.getByText(/På tide med handling!/).first()).toBeVisible();
});

test('the API gives plans with scorecards, measures, recommendations and CSV, under the licence', async ({
  request
}) => {
  const plans = await (await request.get('/api/v1/plans')).json();
  expect(plans.licence).toMatch(/NLOD/);
  expect(plans.data.map((p: { slug: string }) => p.slug)).toEqual(['2006-2009', '2011-2014', '2016', '2025-2030']);
  const one = await (await request.get('/api/v1/plans/2016')).json();
  expect(one.data.scorecard).toMatchObject({ notEntered: true, declared: 26 });
  const measures = await (await request.get('/api/v1/plans/2006-2009/measures')).json();
  expect(measures.data).toHaveLength(6);
  const measure = await (await request.get(`/api/v1/measures/${measures.data[0].id}`)).json();
  expect(measure.data).toMatchObject({ status: 'unknown', flags: { noDeadline: true }, assessments: [] });
  const recs = await (await request.get('/api/v1/greta/recommendations')).json();
  expect(recs.data).toHaveLength(12);
  const csv = await request.get('/api/v1/measures.csv');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['link']).toContain('rel="license"');
  expect((await csv.text()).split('\r\n')[0]).toMatch(/^plan,part,number,title,/);
  const missing = await request.get('/api/v1/plans/1999?lang=en');
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ code: 'not_found', message: 'Plan not found.' });
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/plans', '/api/v1/greta/recommendations']));
});
