import { expect, test } from '@playwright/test';

test('plans, scorecard, timeline, GRETA and the comparison work without JavaScript', async ({ page }) => {
  await page.goto('/action-plan');
  await page.getByRole('link', { name: 'Regjeringens handlingsplan mot menneskehandel (2016)' }).click();
  await expect(page).toHaveURL(/\/action-plan\/2016$/);
  await expect(page.getByText(/Tiltakene er ikke lagt inn ennå/)).toBeVisible();
  await expect(page.getByText('Handlingsplan. Periode: fra 2016 (sluttår ikke oppgitt i kildene)')).toBeVisible();
  await page.goto('/en/action-plan/compare');
  const table = page.getByRole('table', { name: 'The plans side by side' });
  await expect(table.getByRole('row', { name: /2016.*26.*not entered/ })).toBeVisible();
  await page.goto('/action-plan/timeline');
  await expect(page.getByRole('img', { name: 'Tidslinje' })).toBeVisible();
  await page.goto('/action-plan/greta');
  await expect(page.getByRole('heading', { name: 'Evalueringsrunde 1 (2013)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'R2-4' })).toBeVisible();
  await page.goto('/action-plan/greta/repeated');
  await expect(page.getByRole('heading', { name: 'Barn som ofre' })).toBeVisible();
});

test('a recommendation page invites organisations in the directory to log in and comment', async ({ page }) => {
  await page.goto('/action-plan/greta');
  await page.getByRole('link', { name: 'R2-4' }).click();
  await expect(page).toHaveURL(/\/action-plan\/greta\/R2-4$/);
  await expect(page.getByText('Organisasjoner i katalogen kan kommentere etter å ha logget inn.')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Faction-plan%2Fgreta%2FR2-4$/);
});

test('an unknown plan or measure answers 404', async ({ page }) => {
  expect((await page.goto('/action-plan/1999'))?.status()).toBe(404);
  expect((await page.goto('/action-plan/measures/00000000-0000-0000-0000-000000000000'))?.status()).toBe(404);
  expect((await page.goto('/action-plan/greta/X-1'))?.status()).toBe(404);
});
