import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expectNoSeriousAxeViolations, field, readE2eEnv } from './helpers';

/** The code an authenticator app would show, `offsetSteps` periods from now. */
function totpCode(secret: string, offsetSteps = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offsetSteps * 30_000 });
}

async function enrolmentSecret(page: Page): Promise<string> {
  return (await page.locator('input[name="totpSecret"]').inputValue()).trim();
}

const admin = { email: 'admin@forebygg.example', password: 'a long admin pass phrase' };
const editor = { email: 'editor@forebygg.example', password: 'the editor pass phrase' };

// One flow, in order: each step builds on the one before (setup happens once per server).
test.describe.configure({ mode: 'serial' });

test('setup → login with TOTP → organisation → invitation → deactivation', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const setupLink = readFileSync(readE2eEnv().setupLinkFile, 'utf8').trim();

  // 1. First-time setup with TOTP.
  await page.goto(new URL(setupLink).pathname + new URL(setupLink).search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sett opp Forebygg');
  await expectNoSeriousAxeViolations(page);
  const adminSecret = await enrolmentSecret(page);
  await field(page, 'Navn på organisasjonen').fill('Forebygg NGO');
  await field(page, 'Ditt navn').fill('Ada Admin');
  await field(page, 'E-postadresse').fill(admin.email);
  await field(page, 'Passord').fill(admin.password);
  await field(page, 'Gjenta passordet').fill(admin.password);
  await field(page, 'Engangskode fra autentiseringsappen').fill(totpCode(adminSecret));
  await page.getByRole('button', { name: 'Fullfør oppsettet' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText('Velkommen, Ada Admin.')).toBeVisible();

  // The setup link works once.
  const reuse = await page.request.get(setupLink);
  expect(reuse.status()).toBe(410);

  // 2. Log out, log in again with a fresh code (the setup code cannot be used twice).
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByText('Du er logget ut.')).toBeVisible();
  await field(page, 'E-postadresse').fill(admin.email);
  await field(page, 'Passord').fill(admin.password);
  await field(page, 'Engangskode fra autentiseringsappen').fill(totpCode(adminSecret, 1));
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'forebygg_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect((await page.request.get('/admin')).headers()['cache-control']).toBe('no-store');
  await expectNoSeriousAxeViolations(page);

  // 3. Create an organisation: a bad organisation number is explained, the typed name kept.
  await page.goto('/admin/organisations');
  await expectNoSeriousAxeViolations(page);
  await field(page, 'Navn på organisasjonen').fill('Krisesenteret i Vest');
  await field(page, 'Type organisasjon').selectOption('shelter');
  await field(page, 'Organisasjonsnummer').fill('123456789');
  await page.getByRole('button', { name: 'Legg til organisasjonen' }).click();
  await expect(
    page.getByText('Organisasjonsnummeret må ha ni sifre og et gyldig kontrollsiffer.').first()
  ).toBeVisible();
  await expect(field(page, 'Navn på organisasjonen')).toHaveValue('Krisesenteret i Vest');
  await field(page, 'Organisasjonsnummer').fill('974760673');
  await page.getByRole('button', { name: 'Legg til organisasjonen' }).click();
  await expect(page.getByText('Organisasjonen er lagt til.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // 4. Invite an editor; the link is shown once.
  await page.goto('/admin/users');
  await field(page, 'E-postadresse').fill(editor.email);
  await field(page, 'Organisasjon').selectOption({ label: 'Krisesenteret i Vest' });
  await field(page, 'Rolle').selectOption('editor');
  await page.getByRole('button', { name: 'Lag invitasjonslenke' }).click();
  const inviteLink = await field(page, 'Invitasjonslenke').inputValue();
  expect(inviteLink).toMatch(/\/invite\?token=[A-Za-z0-9_-]{43}$/);
  await expectNoSeriousAxeViolations(page);

  // 5. The invited editor accepts in a browser of their own.
  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await editorPage.goto(inviteLink);
  await expect(editorPage.getByText(`Velg navn og passord for ${editor.email}`)).toBeVisible();
  await expectNoSeriousAxeViolations(editorPage);
  await field(editorPage, 'Ditt navn').fill('Edda Editor');
  await field(editorPage, 'Passord').fill(editor.password);
  await field(editorPage, 'Gjenta passordet').fill(editor.password);
  await editorPage.getByRole('button', { name: 'Opprett bruker' }).click();
  await expect(editorPage).toHaveURL(/\/admin$/);
  await expect(editorPage.getByText('Velkommen, Edda Editor.')).toBeVisible();
  // An editor is not an administrator.
  expect((await editorPage.goto('/admin/users'))?.status()).toBe(403);

  // 6. The admin deactivates the editor: the editor's session ends at once.
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'Edda Editor' }).click();
  await page.getByRole('button', { name: 'Deaktiver Edda Editor' }).click();
  await expect(page.getByText('Brukeren er deaktivert, og alle øktene er avsluttet.')).toBeVisible();
  await editorPage.goto('/admin');
  await expect(editorPage).toHaveURL(/\/login\?next=/);
  await editorContext.close();

  // 7. Every change is in the audit log, and its chain verifies.
  await page.goto('/admin/audit');
  await expect(page.getByText(/Hash-kjeden er hel\./)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'user.deactivated' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
