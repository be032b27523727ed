import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './helpers';
import { publishedTemplateWithAnswers } from './surveys-setup';

let slug: string;
test.beforeAll(async () => {
  // Every respondent lives in Vestland: raking to county cannot be used (no answers from Finnmark and others).
  slug = await publishedTemplateWithAnswers(8);
});

test('raking that cannot be applied falls back to unweighted figures with a note naming the empty county', async ({
  page,
  request
}) => {
  const res = await request.get(`/api/v1/surveys/${slug}/results?weighting=rake`);
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.weighting).toBe('rake');
  expect(doc.weighting_applied).toBe('none');
  expect(doc.weighting_note).toMatch(/^Ingen svar fra .*Finnmark.* i denne bølgen: vektingen kan ikke brukes/);
  expect(doc.means).toEqual([]);

  await page.goto(`/results/${slug}?weighting=rake`);
  await expect(page.locator('[data-weighting-note]')).toHaveText(
    /^Ingen svar fra .*Finnmark.* i denne bølgen: vektingen kan ikke brukes/
  );
  await expect(page.getByText('Tallene er ikke vektet: de viser bare dem som svarte.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('the trend in the JSON API gives the figures of the trend chart per wave, and 400 for an unknown answer', async ({
  request
}) => {
  const res = await request.get(`/api/v1/surveys/${slug}/trend?question=problem_world&answer=great&weighting=none`);
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.waves.map((w: { name: string; method_changed: boolean }) => [w.name, w.method_changed])).toEqual([
    ['E2E', false],
    ['E2E 2', true]
  ]);
  // Wave one: 6 of 8 said "great"; wave two: 5 of 8.
  expect(doc.waves[0]).toMatchObject({ n: 6, base_n: 8, p: 0.75, weighted: false });
  expect(doc.waves[1]).toMatchObject({ n: 5, base_n: 8, p: 0.625 });
  expect(doc.waves[0].se).toBeGreaterThan(0);
  expect(doc.waves[0].ci_low).toBeLessThan(0.75);

  const bad = await request.get(`/api/v1/surveys/${slug}/trend?question=problem_world&answer=nope`);
  expect(bad.status()).toBe(400);
  expect(JSON.stringify(await bad.json())).toMatch(/answer/);
  const missing = await request.get(`/api/v1/surveys/${slug}/trend`);
  expect(missing.status()).toBe(400);
});

test('a breakdown shows one question per group, the others a plain link away; no hydration data; axe and 200 % zoom', async ({
  page
}) => {
  const many = await publishedTemplateWithAnswers(12);
  const world = 'I hvilken grad tror du menneskehandel er et problem i verden?';
  const europe = 'I hvilken grad tror du menneskehandel er et problem i Europa?';
  const norway = 'I hvilken grad tror du menneskehandel er et problem i Norge?';
  const res = await page.goto(`/results/${many}?weighting=none&by=sex`);
  // Rendered on the server only: the figures are in the HTML once, not again as data for the SvelteKit client.
  expect(await res!.text()).not.toMatch(/__sveltekit|type="module"/);
  await expect(page.getByRole('heading', { level: 2, name: `«${world}» fordelt etter kjønn` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Gruppe: Kvinne' })).toBeVisible();
  await expect(page.getByRole('table', { name: `${world} – Kvinne`, exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: `${world} – Mann`, exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: `${world} – Mann`, exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: `${europe} – Kvinne`, exact: true })).toHaveCount(0);
  // With a breakdown the figures are per group: no "no answers yet" for everyone.
  await expect(page.getByText('Ingen svar ennå.')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  const picker = page.getByRole('navigation', { name: 'Spørsmål som kan fordeles etter kjønn' });
  await expect(
    picker.getByRole('link', { name: new RegExp(`${world.replace('?', '\\?')}.*vises nå`) })
  ).toHaveAttribute('aria-current', 'page');
  await picker.getByRole('link', { name: europe, exact: true }).click();
  await expect(page).toHaveURL(/question=problem_europe/);
  await expect(page.getByRole('table', { name: `${europe} – Mann`, exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: `${world} – Mann`, exact: true })).toHaveCount(0);
  // Another one: the heading says which.
  await picker.getByRole('link', { name: norway, exact: true }).click();
  await expect(page).toHaveURL(/question=problem_norway/);
  await expect(page.getByRole('heading', { level: 2, name: `«${norway}» fordelt etter kjønn` })).toBeVisible();
  await expect(page.getByRole('table', { name: `${norway} – Kvinne`, exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  // 200 % zoom: nothing scrolls sideways.
  await page.setViewportSize({ width: 640, height: 900 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  expect(overflow).toBeLessThanOrEqual(1);
});
