import { expect, test } from '@playwright/test';
import { appOrigin, expectNoSeriousAxeViolations } from './helpers';

/** Every public page, in both languages. Later modules add their pages here. */
const publicPaths = ['/', '/login'];
const localized = publicPaths.flatMap((p) => [p, p === '/' ? '/en' : `/en${p}`]);

for (const path of localized) {
  test(`${path} has the shell, the right language and no serious axe violations`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const lang = path.startsWith('/en') ? 'en' : 'nb';
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.locator('a.quick-exit')).toHaveAttribute('href', 'https://www.yr.no/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expectNoSeriousAxeViolations(page);
  });
}

test('the language switcher keeps the current page', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
  await page.getByRole('link', { name: 'Norsk' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logg inn');
});

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('an unknown page answers 404 in the page’s language, with no serious axe violations', async ({ page }) => {
  for (const [path, title] of [
    ['/finnes-ikke', 'Fant ikke siden'],
    ['/en/does-not-exist', 'Page not found']
  ]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expectNoSeriousAxeViolations(page);
  }
});

test('quick exit replaces the history entry, so Back does not return to Forebygg', async ({ page }) => {
  await page.route('https://www.yr.no/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>yr</title><p>Været</p>' })
  );
  await page.goto('/');
  await page.goto('/login');
  // Before hydration the button is a plain link (which cannot replace history); wait for the script.
  await expect(page.locator('#quick-exit-hint')).toContainText('Esc');
  await page.locator('a.quick-exit').click();
  await expect(page).toHaveURL('https://www.yr.no/');
  await page.goBack();
  // The /login entry was replaced: Back lands on the page before it.
  await expect(page).toHaveURL(`${appOrigin}/`);
});

test('security headers are sent on every page', async ({ request }) => {
  for (const path of ['/', '/login', '/en/finnes-ikke']) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(h['referrer-policy']).toBe('same-origin');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['permissions-policy']).toContain('camera=()');
  }
  expect((await request.get('/login')).headers()['cache-control']).toBe('no-store');
});

test('the API answers health and OpenAPI, and 4xx JSON for bad input', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(await health.json()).toMatchObject({ status: 'ok', db: 'sqlite' });
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  expect(doc.openapi).toBe('3.1.0');
  const bad = await request.get('/api/v1/municipalities?county=xx');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).code).toBe('validation');
});

test('bad input never gets a 5xx: oversized bodies, wrong types, bad cookies, expired links', async ({
  request,
  baseURL
}) => {
  // A browser's form post accepts HTML; without it SvelteKit answers actions as JSON with HTTP 200.
  const origin = { origin: baseURL as string, accept: 'text/html' };
  const cases: [string, Promise<{ status(): number }>][] = [
    [
      'oversized form',
      request.post('/login', {
        headers: { ...origin, 'content-type': 'application/x-www-form-urlencoded' },
        data: 'email=' + 'a'.repeat(2_000_000)
      })
    ],
    [
      'JSON to a form action',
      request.post('/login', { headers: { ...origin, 'content-type': 'application/json' }, data: '{"email":' })
    ],
    [
      'text to a form action',
      request.post('/login', { headers: { ...origin, 'content-type': 'text/plain' }, data: 'hello' })
    ],
    [
      'cross-site form post',
      request.post('/login', {
        headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        data: 'email=a'
      })
    ],
    [
      'garbage session cookie',
      request.get('/admin', { headers: { cookie: 'forebygg_session=%%%garbage' }, maxRedirects: 0 })
    ],
    [
      'well-formed unknown session',
      request.get('/admin', { headers: { cookie: `forebygg_session=${'x'.repeat(43)}` }, maxRedirects: 0 })
    ],
    ['expired invitation', request.get(`/invite?token=${'B'.repeat(43)}`)],
    ['malformed invitation', request.get('/invite?token=<script>')],
    ['unknown route', request.get('/api/v1/nothing-here')],
    ['bad API query', request.get('/api/v1/municipalities?q=' + 'x'.repeat(500))]
  ];
  for (const [name, pending] of cases) {
    const status = (await pending).status();
    expect(status, name).toBeGreaterThanOrEqual(300);
    expect(status, name).toBeLessThan(500);
  }
});

test('the home page shows the prevention barometer and says plainly where there is no data yet', async ({ page }) => {
  await page.goto('/');
  const barometer = page.locator('section[aria-labelledby="home-barometer"]');
  await expect(barometer.getByRole('heading', { level: 2, name: 'Forebyggingsbarometeret' })).toBeVisible();
  expect(await barometer.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(1);
  await expect(barometer.getByText('Ingen data ennå').first()).toBeVisible();
  await page.goto('/en');
  await expect(page.getByRole('heading', { level: 2, name: 'The prevention barometer' })).toBeVisible();
});
