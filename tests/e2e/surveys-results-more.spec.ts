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
