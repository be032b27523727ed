import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './helpers';

test('the learning pages are reachable from the menu and pass axe in bokmål', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: /hoved|main/i })
    .getByRole('link', { name: 'Lær' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lær om menneskehandel' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('link', { name: 'Tegn på tvangsarbeid – ILOs elleve indikatorer' }).click();
  await expect(page.getByText('Sist oppdatert:')).toBeVisible();
  // The table of contents jumps to a section; the section links to the checklists that use it.
  await page
    .getByRole('navigation', { name: 'Innhold på siden' })
    .getByRole('link', { name: '8. Tilbakeholdelse av lønn' })
    .click();
  await expect(page).toHaveURL(/#8-tilbakeholdelse-av-l%C3%B8nn$/);
  const checklistLink = page.getByRole('link', { name: 'Bilvask og bilpleie' }).first();
  await expect(checklistLink).toHaveAttribute('href', '/check/car-wash');
  // An inline reference leads to its source in the list at the end.
  await page.locator('sup a[href="#source-3"]').first().click();
  await expect(page.locator('#source-3')).toContainText('Safe Car Wash');
  await expectNoSeriousAxeViolations(page);
});

test('English pages, sources and search pass axe', async ({ page }) => {
  await page.goto('/en/learn/facts-and-figures');
  await expect(page.getByRole('heading', { level: 1, name: 'Facts and figures' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'When the sources disagree: 2017' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Sources', exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.goto('/en/learn?q=forced+labour');
  await expect(page.getByRole('heading', { name: /Results for “forced labour”: \d+/ })).toBeVisible();
  await expect(page.locator('.learn-results mark').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('an unknown page is a 404 in the reader’s language with a search box', async ({ page }) => {
  const response = await page.goto('/en/learn/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('search')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('the learning pages ship no JavaScript', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/learn/norway-framework');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(scripts).toEqual([]);
});

test('at 200 % zoom (a 640 px wide viewport) the page does not scroll sideways; wide tables scroll in their box', async ({
  page
}) => {
  await page.setViewportSize({ width: 640, height: 900 });
  for (const path of ['/learn/facts-and-figures', '/en/learn/sectors', '/learn?q=tvangsarbeid']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
