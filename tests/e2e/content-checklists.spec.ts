import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { createStaffUser, logIn } from './staff.helpers';

// The restaurant checklist is edited here only (check*.spec.ts answer it by position, not by its text or weights).
const sector = 'restaurant';
const editorPath = `/admin/content/checklists/${sector}`;

test('an editor changes a checklist question and a weight, tries it, and a second editor publishes it', async ({
  page,
  browser
}) => {
  test.setTimeout(180_000);
  const marker = `Studiosjekk ${randomUUID().slice(0, 8)}`;
  const author = await createStaffUser('editor');
  const reviewer = await createStaffUser('editor');

  const reader = await (await browser.newContext()).newPage();
  const before = (await (await reader.request.get(`/api/v1/checklists/${sector}`)).json()) as {
    version: number;
    questions: { weight: number }[];
  };
  const maxBefore = before.questions.reduce((sum, q) => sum + q.weight, 0);

  await logIn(page, author);
  await page.goto(editorPath);
  await expect(page.getByRole('heading', { level: 1, name: /^Sjekkliste: / })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const text = field(page, 'Spørsmålet (Bokmål)').first();
  await text.fill(`${marker}: får du ikke kvittering?`);
  const weight = field(page, 'Vekt (1–10)').first();
  const oldWeight = Number(await weight.inputValue());
  const newWeight = oldWeight >= 10 ? oldWeight - 1 : oldWeight + 1;
  await weight.fill(String(newWeight));

  // Try it: every question answered yes scores the maximum of the draft, which counts the new weight.
  const tryPane = page.locator('section.try');
  const questions = tryPane.locator('fieldset');
  const n = await questions.count();
  expect(n).toBeGreaterThan(1);
  for (let i = 0; i < n; i++) await questions.nth(i).getByLabel('Ja', { exact: true }).check();
  await page.getByRole('button', { name: 'Vurder med utkastet' }).click();
  const result = page.getByTestId('try-result');
  const maxAfter = maxBefore + newWeight - oldWeight;
  await expect(result).toContainText(`Nivå: Sterke tegn. Poeng ${maxAfter} av ${maxAfter}.`);
  // The typed draft is kept after trying it.
  await expect(field(page, 'Spørsmålet (Bokmål)').first()).toHaveValue(new RegExp(marker));
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Lagre utkast' }).first().click();
  await expect(page.getByText(/Utkast \d+ er lagret\./)).toBeVisible();
  await expect(field(page, 'Vekt (1–10)').first()).toHaveValue(String(newWeight));
  await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(page.getByText(/Versjon \d+: .+\./).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publiser' })).toHaveCount(0);

  // Not public yet.
  await reader.goto(`/check/${sector}`);
  await expect(reader.locator('main')).not.toContainText(marker);

  const second = await (await browser.newContext()).newPage();
  await logIn(second, reviewer);
  await second.goto(editorPath);
  await expectNoSeriousAxeViolations(second);
  await second.getByRole('button', { name: 'Publiser' }).click();
  await expect(second.getByText(/Versjon \d+: Publisert\./i)).toBeVisible();

  await reader.goto(`/check/${sector}`);
  await expect(reader.locator('main')).toContainText(`${marker}: får du ikke kvittering?`);
  const after = (await (await reader.request.get(`/api/v1/checklists/${sector}`)).json()) as {
    version: number;
    questions: { weight: number }[];
  };
  expect(after.version).toBe(before.version + 1);
  expect(after.questions.reduce((sum, q) => sum + q.weight, 0)).toBe(maxAfter);
  await expect(reader.locator('input[name="version"]')).toHaveValue(String(after.version));

  await second.goto(`${editorPath}/history`);
  await expectNoSeriousAxeViolations(second);
  await expect(second.locator('tbody tr')).toHaveCount(2);
  await second.getByRole('button', { name: 'Vis forskjellen' }).click();
  await expect(second.locator('ins').first()).toBeVisible();
  await expect(second.locator('main')).toContainText(marker);
  await expectNoSeriousAxeViolations(second);
});
