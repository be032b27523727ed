import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { editorWithNotifications } from './notifications.setup';
import { logIn } from './staff.helpers';

test('the bell shows unread notifications; opening one marks it read and goes to its page', async ({ page }) => {
  const { editor } = await editorWithNotifications();
  await logIn(page, editor);
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toContainText('2 uleste');
  await expectNoSeriousAxeViolations(page);
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Varsler' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Oppføringer i kontaktoversikten skal gjennomgås' }).click();
  await expect(page).toHaveURL(/\/admin\/directory$/);
  await expect(page.getByTestId('notification-bell')).toContainText('1 uleste');
  await page.getByTestId('notification-bell').click();
  await page.getByRole('button', { name: 'Merk alle som lest' }).click();
  await expect(page.getByText('Alle varsler er merket som lest.')).toBeVisible();
  await expect(page.getByTestId('notification-bell')).not.toContainText('uleste');
});

test('settings: a bad date is refused with a message, a good one is saved', async ({ page }) => {
  const { editor } = await editorWithNotifications();
  await logIn(page, editor);
  await page.goto('/admin/notifications/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger for varsler' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('Samlet, én e-post om morgenen').check();
  await field(page, 'Ingen e-post før (pause)').fill('2027-02-30');
  await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
  await expect(page.getByText('Skriv datoen som ÅÅÅÅ-MM-DD.').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await field(page, 'Ingen e-post før (pause)').fill('2027-02-28');
  await page.getByLabel('En oppfølgingskontroll har frist innen 7 dager').uncheck();
  await page.getByLabel('En runde i en spørreundersøkelse stenger innen 3 dager').uncheck();
  await expect(page.getByLabel('En runde i en spørreundersøkelse har nådd målet for antall svar')).toBeChecked();
  await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
  await expect(page.getByText('Innstillingene er lagret.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Samlet, én e-post om morgenen')).toBeChecked();
  await expect(page.getByLabel('En oppfølgingskontroll har frist innen 7 dager')).not.toBeChecked();
  await expect(page.getByLabel('En runde i en spørreundersøkelse stenger innen 3 dager')).not.toBeChecked();
  await expect(field(page, 'Ingen e-post før (pause)')).toHaveValue('2027-02-28');
});

test('unsubscribe without login: the link asks, the button switches off that kind; a forged link changes nothing', async ({
  page
}) => {
  const { token } = await editorWithNotifications();
  await page.goto('/notifications/unsubscribe?token=forged.' + 'A'.repeat(43));
  await expect(page.getByText('Lenken er ikke gyldig. Ingenting er endret.')).toBeVisible();
  await page.goto(`/notifications/unsubscribe?token=${token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Slå av e-post' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Slå av e-post om dette' }).click();
  await expect(page.getByText('Ferdig. Du får ikke lenger e-post om')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
