import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { createStaffUser, logIn, type TStaffUser } from './staff.helpers';

let editor: TStaffUser;
test.beforeAll(async () => {
  editor = await createStaffUser('editor');
});

test('an editor sees a quiz’s answers, is sent to the content studio to edit it, and sees knowledge gain', async ({
  page
}) => {
  test.setTimeout(120_000);
  await logIn(page, editor);
  await page.getByRole('link', { name: 'Quizer', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Lag en ny quiz i innholdsstudioet' })).toBeVisible();
  await page.getByRole('link', { name: 'Svar på «Hva kan jeg gjøre?»' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hva kan jeg gjøre?' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Svar så langt (alle uker, selvstudium)' })).toBeVisible();
  // No second way to publish: nothing on this page changes the set.
  await expect(page.locator('main form')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Rediger quizen i innholdsstudioet' }).click();
  await expect(page).toHaveURL(/\/admin\/content\/quiz\/what-can-i-do$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz: Hva kan jeg gjøre?' })).toBeVisible();

  await page.getByRole('link', { name: 'Kunnskapsgevinst' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kunnskapsgevinst fra klasserommet' })).toBeVisible();
  // Only the knowledge-gain item is current, not also "Quizer" (its address is a prefix of this one).
  const staffNav = page.getByRole('navigation', { name: 'Stabsområdet' });
  await expect(staffNav.locator('[aria-current]')).toHaveCount(1);
  await expect(staffNav.getByRole('link', { name: 'Kunnskapsgevinst' })).toHaveAttribute('aria-current', 'page');
  await expectNoSeriousAxeViolations(page);
  await field(page, 'Fra uke').fill('uke 48');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByRole('link', { name: 'Skriv uka som ÅÅÅÅ-Wuu, for eksempel 2026-W48.' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
