import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { signInAs } from './staff.helpers';

/**
 * Deleting a campaign registered by mistake (issue 8), JavaScript on: an editor registers a draft, opens the
 * confirmation page from the campaign page, is refused without the confirmation ticked, deletes it, and
 * finds it gone from the list. A published campaign cannot be deleted: the page says to withdraw it first.
 */
async function register(page: import('@playwright/test').Page, name: string) {
  await page.goto('/admin/campaigns/new');
  await field(page, 'Navn').fill(name);
  await field(page, 'Mål').fill('Registrert ved en feil.');
  await field(page, 'Målgruppe').fill('Alle');
  await page.getByRole('checkbox', { name: 'Plakater' }).check();
  await field(page, 'Startdato').fill('2026-09-07');
  await field(page, 'Sluttdato').fill('2026-10-04');
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(page.getByText('Kampanjen er registrert.')).toBeVisible();
}

test('an editor deletes a draft campaign after confirming; a published one cannot be deleted', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Feilregistrert ${randomUUID().slice(0, 6)}`;
  await signInAs(page, 'editor');
  await register(page, name);
  // The weekly activity includes the quiz sessions started (solo and classroom).
  await expect(page.getByRole('table', { name: 'Endring i aktivitet' })).toContainText('Klassequizer startet');
  await expect(page.getByRole('table', { name: 'Endring i aktivitet' })).toContainText('Quizer startet på egen hånd');

  await page.getByRole('link', { name: 'Slett kampanjen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Slett kampanjen «${name}»` })).toBeVisible();
  await expect(page.getByText('Filer som slettes sammen med kampanjen: 0.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Slett kampanjen' }).click();
  await expect(page.getByText('Kryss av for å bekrefte at kampanjen skal slettes.').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('checkbox', { name: 'Ja, slett kampanjen og filene for godt' }).check();
  await page.getByRole('button', { name: 'Slett kampanjen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kampanjer' })).toBeVisible();
  await expect(page.getByText('Kampanjen er slettet, med filene sine.')).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  // A published campaign: no delete link, and its confirmation page offers no form.
  const published = `Publisert ${randomUUID().slice(0, 6)}`;
  await register(page, published);
  const address = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Publiser' }).click();
  await expect(page.getByRole('button', { name: 'Trekk tilbake publiseringen' })).toBeVisible();
  await expect(
    page.getByText('En publisert kampanje kan ikke slettes. Trekk tilbake publiseringen først.')
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Slett kampanjen' })).toHaveCount(0);
  await page.goto(`${address}/delete`);
  await expect(
    page.getByText('En publisert kampanje kan ikke slettes. Trekk tilbake publiseringen først.')
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Slett kampanjen' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  // In English, withdrawn first, it can be deleted.
  await page.goto(`/en${address}`);
  await page.getByRole('button', { name: 'Withdraw from publication' }).click();
  await page.getByRole('link', { name: 'Delete the campaign' }).click();
  await page.getByRole('checkbox', { name: 'Yes, delete the campaign and its files for good' }).check();
  await page.getByRole('button', { name: 'Delete the campaign' }).click();
  await expect(page.getByText('The campaign is deleted, with its files.')).toBeVisible();
  await expect(page.getByRole('link', { name: published })).toHaveCount(0);
});
