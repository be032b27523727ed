import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { field, readE2eEnv } from './helpers';
import { createStaffUser, logIn, type TStaffUser } from './staff.helpers';

/**
 * Report a concern, end to end with JavaScript off: submit, note the receipt, a case handler logs in,
 * reads and answers, the reporter follows up and answers back. The case handler's organisation, account
 * and routing rule are written straight into the server's database (the setup link belongs to
 * admin-flow.spec.ts); everything the test checks goes through the browser.
 */
// Several argon2id logins and receipt derivations: slower than most specs on a shared machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const orgName = `Mottak ${randomUUID().slice(0, 6)}`;
const marker = `MARKER-${randomUUID()}`;
let handler: TStaffUser;

test.beforeAll(async () => {
  handler = await createStaffUser('case_handler', { organisationName: orgName });
  const db = new Database(readE2eEnv().dbPath);
  try {
    db.prepare(
      'insert into report_route_rule (id, kind, scope, area, organisation_id, created_at) values (?, ?, ?, ?, ?, ?)'
    ).run(randomUUID(), 'forced_crime', 'municipality', '1103', handler.organisation.id, new Date().toISOString());
  } finally {
    db.close();
  }
});

async function fillReport(page: Page, municipality: string) {
  await page.goto('/report');
  await expect(page.getByRole('heading', { name: 'Er noen i fare nå? Ring 112.' })).toBeVisible();
  await page.getByLabel('Tvangstigging eller tvang til kriminalitet').check();
  // Without a hand-off from a check, every checklist's warning signs are offered.
  await page.getByLabel('De ansatte er aldri alene').check();
  await field(page, 'Fortell med egne ord hva du så').fill(`Barn som tigger ved stasjonen ${marker}`);
  await page.getByRole('button', { name: 'Neste' }).click();
  await field(page, 'Kommune').selectOption(municipality);
  await field(page, 'Beskriv stedet').fill('Utenfor kiosken');
  await page.getByRole('button', { name: 'Neste' }).click();
}

test('with nobody to receive it, the report is not accepted and the official channels are shown', async ({ page }) => {
  await fillReport(page, '0301');
  await expect(
    page.getByRole('heading', { name: 'Ingen organisasjon tar imot denne meldingen her ennå' })
  ).toBeVisible();
  await expect(page.getByText('22 33 11 60')).toBeVisible();
  await expect(page.getByText('116 111')).toBeVisible();
});

test('a report travels from reporter to case handler and back, without JavaScript', async ({ browser }) => {
  // The case handler logs in first: that creates the organisation's keys, so its inbox is active.
  const staff = await browser.newPage({ javaScriptEnabled: false });
  await logIn(staff, handler);
  await staff.getByRole('button', { name: 'Logg ut' }).click();

  // 1. The reporter: four steps, a missing answer explained, the receivers named before sending.
  const reporter = await browser.newPage({ javaScriptEnabled: false });
  await fillReport(reporter, '1103');
  await reporter.getByLabel('Nei, organisasjonen kan kontakte meg').check();
  await reporter.getByRole('button', { name: 'Neste' }).click();
  await expect(reporter.getByText('Skriv hvordan organisasjonen kan kontakte deg').first()).toBeVisible();
  await reporter.getByLabel('Ja, jeg vil være anonym').check();
  await reporter.getByRole('button', { name: 'Neste' }).click();
  await expect(reporter.getByTestId('receivers')).toHaveText(orgName);
  await expect(reporter.getByText(marker)).toBeVisible();
  await expect(reporter.getByText('De ansatte er aldri alene')).toBeVisible();
  const response = reporter.waitForResponse((r) => r.request().method() === 'POST');
  await reporter.getByRole('button', { name: 'Send meldingen' }).click();
  const headers = (await response).headers();
  expect(headers['cache-control']).toBe('no-store');
  expect(headers['referrer-policy']).toBeDefined();
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  const receipt = (await reporter.getByTestId('receipt').innerText()).trim();
  expect(receipt).toMatch(/^\d{4}( \d{4}){4}$/);

  // 2. The case handler reads it, answers and changes the status.
  await logIn(staff, handler);
  await staff.goto('/admin/inbox');
  await staff.getByRole('link', { name: 'Tvangstigging eller tvang til kriminalitet' }).first().click();
  await expect(staff.getByTestId('case-text')).toContainText(marker);
  await field(staff, 'Melding til den som meldte').fill('Takk. Hvilken dag så du det?');
  await staff.getByRole('button', { name: 'Send melding' }).click();
  await expect(staff.getByText('Meldingen er sendt.')).toBeVisible();
  await field(staff, 'Status').selectOption('in_review');
  await staff.getByRole('button', { name: 'Lagre status' }).click();
  await expect(staff.getByTestId('case-status')).toHaveText('Under behandling');

  // 3. The reporter follows up: a wrong receipt gets the neutral answer, the right one the message.
  await reporter.goto('/report/follow-up');
  await field(reporter, 'Kvittering').fill('1111 2222 3333 4444 5555');
  await reporter.getByRole('button', { name: 'Vis meldingen' }).click();
  await expect(reporter.getByText('Vi fant ingen melding med den kvitteringen').first()).toBeVisible();
  await field(reporter, 'Kvittering').fill(receipt);
  await reporter.getByRole('button', { name: 'Vis meldingen' }).click();
  await expect(reporter.getByTestId('status')).toHaveText('Under behandling');
  await expect(reporter.getByText('Takk. Hvilken dag så du det?')).toBeVisible();
  await field(reporter, 'Svar organisasjonen').fill('Tirsdag ettermiddag.');
  await reporter.getByRole('button', { name: 'Send svar' }).click();
  await expect(reporter.getByText('Svaret er sendt.')).toBeVisible();

  // 4. The case handler sees the answer.
  await staff.reload();
  await expect(staff.getByText('Tirsdag ettermiddag.')).toBeVisible();
});

test('a check result hands over sector, warning signs and municipality to the report form', async ({ page }) => {
  await page.goto('/check/construction');
  const count = await page.locator('fieldset:has(input[type="radio"][name^="q-"])').count();
  for (let i = 0; i < count; i++) {
    await page
      .locator('fieldset:has(input[type="radio"][name^="q-"])')
      .nth(i)
      .getByLabel('Ja', { exact: true })
      .check();
  }
  await page.getByLabel('Prøv uten at det telles (demo)').check();
  await page.getByRole('button', { name: 'Se resultatet' }).click();
  await page.getByRole('button', { name: 'Meld en bekymring' }).click();
  await expect(page).toHaveURL(/\/report/);
  await expect(page.getByText('Fra sjekken din')).toBeVisible();
  const ticked = page.locator('input[type="checkbox"][name^="ind_"]:checked');
  expect(await ticked.count()).toBeGreaterThan(0);
});
