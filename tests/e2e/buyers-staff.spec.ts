import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { signInAs } from './staff.helpers';

/**
 * A municipality's buyer (an editor of its organisation, no TOTP needed) saves a plan for a cleaning
 * contract, schedules and records a check, sends the supplier a link, and sees the flagged answers.
 * The buyer is put straight into the e2e database, so this spec does not depend on the setup flow.
 */

test('a buyer saves a plan, schedules and records a check, and sees a supplier’s flagged answers', async ({
  page,
  browser
}) => {
  test.setTimeout(120_000);
  await signInAs(page, 'editor', {
    organisationName: `Testvik kommune ${randomUUID().slice(0, 4)}`,
    organisationKind: 'municipality'
  });
  await page.getByRole('link', { name: 'Innkjøpsplaner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Innkjøp: planer og oppfølging' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await field(page, 'Kontraktens navn').fill('Renhold skoler 2027');
  await field(page, 'Leverandør').fill('Rent AS');
  await field(page, 'Anslått verdi (kroner, uten mva.)').fill('3 mill.');
  await page.getByRole('button', { name: 'Lagre planen' }).click();
  await expect(page.getByText('Planen er lagret.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Renhold skoler 2027' })).toBeVisible();
  await expect(page.getByText('Lønns- og arbeidsvilkår i offentlige kontrakter').first()).toBeVisible();

  // Schedule a check in the past: it shows as overdue on the dashboard.
  await field(page, 'Kontroll').selectOption('id-cards');
  await field(page, 'Dato').fill('2026-01-15');
  await page.getByRole('button', { name: 'Legg til kontrollen' }).click();
  await expect(page.locator('[data-check]')).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);
  const planUrl = page.url().split('?')[0];
  await page.goto('/admin/buyers');
  await expect(page.getByTestId('buyers-overdue')).toContainText('Renhold skoler 2027');

  // Record a finding.
  await page.goto(planUrl);
  await page.getByRole('link', { name: /Registrer resultat/ }).click();
  await field(page, 'Resultat').selectOption('finding');
  await field(page, 'Type funn').selectOption('hms_card');
  await field(page, 'Dokumentasjon og notat').fill('To av seks hadde ikke HMS-kort.');
  await page.getByRole('button', { name: 'Lagre resultatet' }).click();
  await expect(page.locator('[data-check]')).toContainText('Mangler HMS-kort');
  await expect(page.getByRole('heading', { name: 'Historikk' })).toBeVisible();
  await expect(page.getByText('Resultat registrert')).toBeVisible();

  // A one-time link for the supplier, answered in a browser without a session and without JavaScript.
  await page.getByRole('button', { name: 'Lag en lenke' }).click();
  const link = await page.locator('#assess-link').inputValue();
  const supplier = await browser.newContext({ javaScriptEnabled: false });
  const s = await supplier.newPage();
  await s.goto(new URL(link).pathname);
  await expect(s.getByText(/ber Rent AS svare på noen spørsmål/)).toBeVisible();
  await field(s, 'Hvor mange arbeidere vil jobbe på kontrakten, hos dere og hos underleverandører?').fill('12');
  const choose = async (legend: string, label: string) =>
    s.getByRole('group', { name: legend }).getByLabel(label, { exact: true }).check();
  await choose('Hvor mange ledd underleverandører blir det under dere?', 'Tre eller flere ledd');
  await choose('Hvordan betales lønn?', 'Kontant');
  await choose('Får alle minst lønn etter allmenngjøringsforskrift eller landsomfattende tariffavtale?', 'Ja');
  await choose('Har alle ansatte obligatorisk tjenestepensjon (OTP)?', 'Ja');
  await choose('Har arbeiderne HMS-kort?', 'Ja, alle');
  await choose('Hvor bor arbeiderne mens de jobber på kontrakten?', 'De ordner bolig selv');
  await choose('Har noen arbeidere betalt for å få jobben (gebyr til rekrutterer, reise, formidling)?', 'Ja');
  await choose('Har arbeiderne selv passet og ID-papirene sine?', 'Ja');
  await s.getByRole('button', { name: 'Send svarene' }).click();
  await expect(s.getByText('Takk. Svarene er sendt.')).toBeVisible();
  // The link works once.
  const again = await s.goto(new URL(link).pathname);
  expect(again?.status()).toBe(409);
  await supplier.close();

  await page.goto(planUrl);
  await expect(page.locator('[data-flag="chain-too-long"]')).toBeVisible();
  await expect(page.locator('[data-flag="cash-wages"]')).toBeVisible();
  await expect(page.locator('[data-flag="recruitment-fees"]')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
