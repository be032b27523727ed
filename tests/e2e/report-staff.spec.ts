import { test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './helpers';
import { createStaffWorld, staffFlows } from './report-staff.helpers';

// Four logins (argon2id each) and a report: slower than most specs on a shared machine.
test.describe.configure({ timeout: 180_000 });

test('forward a report, set retention, create a recovery key and re-grant with it (JavaScript on, axe)', async ({
  browser
}) => {
  const world = await createStaffWorld('js');
  const page = async () => (await browser.newContext({ javaScriptEnabled: true })).newPage();
  await staffFlows(
    { a: await page(), a2: await page(), b: await page(), admin: await page() },
    world,
    expectNoSeriousAxeViolations
  );
});
