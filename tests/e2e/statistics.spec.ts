import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { appOrigin, expectNoSeriousAxeViolations } from './helpers';

const pages = [
  ['/statistics', 'Statistikk om menneskehandel i Norge'],
  ['/en/statistics', 'Statistics on human trafficking in Norway'],
  ['/statistics/police_reports_trafficking', 'Anmeldelser av menneskehandel'],
  ['/en/statistics/police_reports_trafficking', 'Police reports of human trafficking'],
  ['/statistics/reports_dismissed_henlagt', 'Henlagte eller uoppklarte saker'],
  ['/en/statistics/global_identified_victims_share', 'Identified victims worldwide by sex and age'],
  ['/statistics/attrition', 'Frafallet fra anmeldelse til dom'],
  ['/en/statistics/attrition', 'Attrition from report to conviction'],
  ['/statistics/prevention', 'Forebyggingsbarometeret'],
  ['/en/statistics/prevention', 'The prevention barometer']
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

test('a series shows a server-made chart, the table, honest gaps and every source', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/statistics/police_reports_trafficking');
  const chart = page.getByRole('img', { name: /Anmeldelser av menneskehandel/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('text', { hasText: 'ingen data' })).toHaveCount(5);
  await expect(page.getByText('Mangler tall for: 2015, 2016, 2020, 2021, 2022.')).toBeVisible();
  const table = page.getByRole('table', { name: /alle verdier med kilde/ });
  await expect(table.getByRole('row', { name: /2014 I alt 106/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kilder' })).toBeVisible();
  await expect(page.getByRole('link', { name: /aftenposten\.no/ })).toBeVisible();
  // No chart library: the only scripts are the app's own bundle.
  expect(scripts.every((s) => s.startsWith(`${appOrigin}/_app/`))).toBe(true);
});

test('the breakdown chooser redraws the chart on the server', async ({ page }) => {
  await page.goto('/statistics/police_reports_trafficking');
  await page.getByRole('link', { name: 'Grov menneskehandel' }).click();
  await expect(page).toHaveURL(/breakdown=aggravated/);
  await expect(page.getByText('Diagrammet viser: Grov menneskehandel.')).toBeVisible();
});

test('the 2017 disagreement between NRK and the source report is shown with both values', async ({ page }) => {
  await page.goto('/statistics/reports_dismissed_henlagt');
  await expect(page.getByText(/Kildene oppgir ulike tall for 1 celler/)).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /2017 I alt 40/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /2017 I alt 43/ })).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Henlagte/ }).locator('title', { hasText: /annen kilde: (40|43)/ })
  ).toHaveCount(1);
});

test('the attrition page gives the long-run figure and labels missing years', async ({ page }) => {
  await page.goto('/statistics/attrition');
  await expect(page.getByRole('heading', { name: 'Over 15 år: under 8 % endte i dom' })).toBeVisible();
  await expect(page.getByText(/46 saker endte i straff .* 626 saker ble anmeldt/)).toBeVisible();
  await expect(page.getByText('Ingen tall for noe ledd i kjeden for: 2015, 2016, 2020, 2021, 2022.')).toBeVisible();
  await expect(page.getByRole('table').getByRole('row', { name: /2017 46 44 1 mangler data/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Kjeden i 2023/ })).toBeVisible();
});

test('downloads and the API name the licence and every source', async ({ request }) => {
  const csv = await request.get('/api/v1/statistics/indicators/reports_dismissed_henlagt.csv');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain('NLOD 2.0');
  expect(text).toContain('NRK');
  const js = await (await request.get('/api/v1/statistics/indicators/police_reports_trafficking.jsonstat')).json();
  expect(js.version).toBe('2.0');
  expect(js.role.time).toEqual(['period']);
  const list = await (await request.get('/api/v1/statistics/indicators')).json();
  expect(list.licence).toContain('NLOD 2.0');
  const bad = await request.get('/api/v1/statistics/indicators/police_reports_trafficking/values?from=1800&lang=en');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fields.from).toBe('The year must be a whole number between 1990 and 2100.');
  const openapi = await (await request.get('/api/v1/openapi.json')).json();
  expect(Object.keys(openapi.paths)).toContain('/api/v1/statistics/indicators/{id}.jsonstat');
});

test('the embed works in an iframe on another origin; other pages refuse to be framed', async ({ page, request }) => {
  // A newspaper's page on its own origin (another port, another host name), served by a real local server:
  // Chromium refuses frames from a page whose address it cannot place in the local network.
  const host = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="nb"><title>Avis</title><h1>Sak</h1>
      <iframe id="embed" title="Diagram" src="${appOrigin}/embed/statistics/police_reports_trafficking" width="680" height="480"></iframe>
      <iframe id="page" title="Side" src="${appOrigin}/statistics" width="680" height="200"></iframe>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const { port } = host.address() as AddressInfo;
  await page.goto(`http://localhost:${port}/sak`);
  const embed = page.frameLocator('#embed');
  await expect(embed.getByRole('heading', { name: 'Anmeldelser av menneskehandel' })).toBeVisible();
  await expect(embed.getByRole('img', { name: /Anmeldelser av menneskehandel/ })).toBeVisible();
  await expect(embed.getByText(/^Kilde: /)).toBeVisible();
  // The ordinary page is blocked by X-Frame-Options/CSP: its heading never appears inside the frame.
  await expect(
    page.frameLocator('#page').getByRole('heading', { name: 'Statistikk om menneskehandel i Norge' })
  ).toHaveCount(0);

  const embedHeaders = (await request.get('/embed/statistics/police_reports_trafficking')).headers();
  expect(embedHeaders['content-security-policy']).toContain('frame-ancestors *');
  expect(embedHeaders['x-frame-options']).toBeUndefined();
  const pageHeaders = (await request.get('/statistics')).headers();
  expect(pageHeaders['x-frame-options']).toBe('DENY');
  expect(pageHeaders['content-security-policy']).toContain("frame-ancestors 'none'");
  await new Promise((resolve) => host.close(resolve));
});

test('the barometer says plainly which modules have no data yet and links to those that have', async ({
  page,
  request
}) => {
  await page.goto('/statistics/prevention');
  const surveys = page.getByRole('article', { name: 'Kunnskap i befolkningen' });
  await expect(surveys.getByText('Ingen data ennå')).toBeVisible();
  const stats = page.getByRole('article', { name: 'Offisiell statistikk' });
  await expect(stats.getByRole('link', { name: /Gå til modulen/ })).toBeVisible();
  await expect(stats.getByText(/Sist oppdatert/)).toBeVisible();
  const api = await (await request.get('/api/v1/statistics/prevention?lang=en')).json();
  expect(api.tiles.find((t: { module: string }) => t.module === 'Public awareness').status).toBe('no_data');
});
