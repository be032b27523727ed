import { expect, test } from '@playwright/test';
import { field } from './helpers';
import { editorWithNotifications } from './notifications.setup';
import { logIn } from './staff.helpers';

test('without JavaScript: the list opens a notification, settings save, unsubscribe works', async ({ page }) => {
  const { editor, token } = await editorWithNotifications();
  await logIn(page, editor);
  await page.getByTestId('notification-bell').click();
  await page.getByRole('link', { name: 'Et tiltak i handlingsplanen har passert fristen uten vurdering' }).click();
  await expect(page).toHaveURL(/\/admin\/action-plan$/);
  await expect(page.getByTestId('notification-bell')).toContainText('1 uleste');

  await page.goto('/en/admin/notifications/settings');
  await page.getByLabel('Together, one e-mail in the morning').check();
  await field(page, 'No e-mail before (pause)').fill('tomorrow');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Write the date as YYYY-MM-DD.').first()).toBeVisible();
  await field(page, 'No e-mail before (pause)').fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Your settings are saved.')).toBeVisible();

  await page.goto(`/en/notifications/unsubscribe?token=${token}`);
  await page.getByRole('button', { name: 'Stop e-mail about this' }).click();
  await expect(page.getByText('Done. You no longer get e-mail about')).toBeVisible();
});
