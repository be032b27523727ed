import { test } from '@playwright/test';
import { createStaffWorld, staffFlows } from './report-staff.helpers';

test.describe.configure({ timeout: 180_000 });

test('forward a report, set retention, create a recovery key and re-grant with it (JavaScript off)', async ({
  browser
}) => {
  const world = await createStaffWorld('nojs');
  const page = async () => (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await staffFlows({ a: await page(), a2: await page(), b: await page(), admin: await page() }, world, async () => {});
});
