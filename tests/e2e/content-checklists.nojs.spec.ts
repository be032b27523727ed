import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { errorOf, field } from './helpers';
import { createStaffUser, logIn } from './staff.helpers';

// The food-agriculture checklist is only opened here, never saved: other specs read it as published.
const editorPath = '/admin/content/checklists/food-agriculture';

test('without JavaScript a question is added and removed by buttons, errors sit beside their field, nothing is stored', async ({
  page
}) => {
  const marker = `Uten skript ${randomUUID().slice(0, 8)}`;
  await logIn(page, await createStaffUser('editor'));
  await page.goto(editorPath);
  await expect(page.getByTestId('own-status')).not.toContainText('Utkast');
  const questions = page.locator('[data-question]');
  const n = await questions.count();
  expect(n).toBeGreaterThan(1);
  const firstText = field(page, 'Spørsmålet (Bokmål)').first();
  const original = await firstText.inputValue();
  await firstText.fill(`${marker}: endret, men ikke lagret`);

  await page.getByRole('button', { name: 'Legg til et spørsmål' }).click();
  await expect(questions).toHaveCount(n + 1);
  await expect(page.getByText('Endringen i skjemaet er gjort, men ikke lagret.')).toBeVisible();
  // What was typed before the button is kept.
  await expect(field(page, 'Spørsmålet (Bokmål)').first()).toHaveValue(`${marker}: endret, men ikke lagret`);

  // An added question can be removed again while its required fields are still empty (no browser validation).
  await page.getByRole('button', { name: `Fjern spørsmål ${n + 1}`, exact: true }).click();
  await expect(questions).toHaveCount(n);
  await page.getByRole('button', { name: 'Legg til et spørsmål' }).click();
  await expect(questions).toHaveCount(n + 1);

  // Filled in but wrong: saving is refused, each error beside its own field of the new question.
  const added = questions.nth(n);
  await field(added, 'Kort navn (id: a–z, 0–9, bindestrek)').fill('Nytt Spørsmål');
  await field(added, 'Spørsmålet (Bokmål)').fill('Et nytt spørsmål?');
  await field(added, 'Spørsmålet (Engelsk)').fill('A new question?');
  await field(added, 'Hvorfor dette betyr noe (Bokmål)').fill('Fordi.');
  await field(added, 'Hvorfor dette betyr noe (Engelsk)').fill('Because.');
  await page.getByRole('button', { name: 'Lagre utkast' }).first().click();
  await expect(questions).toHaveCount(n + 1);
  const idField = field(added, 'Kort navn (id: a–z, 0–9, bindestrek)');
  await expect(idField).toHaveAttribute('aria-invalid', 'true');
  await expect(await errorOf(page, idField)).toContainText('Bruk små bokstaver a–z, tall og bindestrek');
  await expect(added.getByText('Velg minst ett tegn.')).toBeVisible();
  await expect(added.getByText('Velg minst én kilde.')).toBeVisible();
  await expect(field(added, 'Spørsmålet (Bokmål)')).toHaveValue('Et nytt spørsmål?');
  // Questions that were fine show no error.
  await expect(questions.nth(0).locator('.field--error')).toHaveCount(0);

  await added.getByRole('button', { name: `Fjern spørsmål ${n + 1}`, exact: true }).click();
  await expect(questions).toHaveCount(n);

  // Nothing was stored: a fresh load shows the published checklist and no draft.
  await page.goto(editorPath);
  await expect(questions).toHaveCount(n);
  await expect(field(page, 'Spørsmålet (Bokmål)').first()).toHaveValue(original);
  await expect(page.getByTestId('own-status')).not.toContainText('Utkast');
});

test('without JavaScript an editor adds a sign and advice, removes one, a second editor publishes, and the public check shows them at once', async ({
  page,
  browser
}) => {
  test.setTimeout(180_000);
  // The construction checklist gets one more sign (on one of its questions) and one more advice rule that
  // shows at every level; check*.spec.ts answer it by position and only look for texts that stay.
  const sector = 'construction';
  const path = `/admin/content/checklists/${sector}`;
  const tag = randomUUID().slice(0, 8);
  const sign = `Uten skript-tegn ${tag}`;
  const advice = `Uten skript-råd ${tag}`;
  const before = (await (await page.request.get(`/api/v1/checklists/${sector}`)).json()) as {
    version: number;
    questions: { riskAnswer: 'yes' | 'no' }[];
  };
  // The sign goes on a question whose warning answer is "yes", so a check answered "Ja" throughout shows it.
  const q = before.questions.findIndex((x) => x.riskAnswer === 'yes');

  await logIn(page, await createStaffUser('editor'));
  await page.goto(path);
  const signs = page.locator('[data-indicator]');
  const rules = page.locator('[data-advice]');
  const nSigns = await signs.count();
  const nRules = await rules.count();

  await page.getByRole('button', { name: 'Legg til et tegn' }).click();
  await expect(signs).toHaveCount(nSigns + 1);
  const added = signs.nth(nSigns);
  await field(added, 'Kort navn (id: a–z, 0–9, bindestrek)').fill(`nojs-sign-${tag}`);
  await field(added, 'Tekst (Bokmål)').fill(sign);
  await field(added, 'Tekst (Engelsk)').fill(`No-script sign ${tag}`);
  await added.getByRole('group', { name: 'Kilder for tegnet' }).getByRole('checkbox').first().check();

  // A new sign no question points to is refused on save, the message beside its id.
  await page.getByRole('button', { name: 'Lagre utkast' }).first().click();
  const signId = field(signs.nth(nSigns), 'Kort navn (id: a–z, 0–9, bindestrek)');
  await expect(await errorOf(page, signId)).toContainText('Ingen spørsmål peker på dette tegnet');
  await page
    .locator(`[data-question="${q}"]`)
    .getByRole('group', { name: 'Tegn spørsmålet peker på' })
    .getByRole('checkbox', { name: new RegExp(`^${nSigns + 1}\\. `) })
    .check();

  // Two advice rules added, the first removed again: the second moves up into its place.
  await page.getByRole('button', { name: 'Legg til et råd' }).click();
  await page.getByRole('button', { name: 'Legg til et råd' }).click();
  await expect(rules).toHaveCount(nRules + 2);
  const last = rules.nth(nRules + 1);
  await field(last, 'Kort navn (id: a–z, 0–9, bindestrek)').fill(`nojs-advice-${tag}`);
  await field(last, 'Rådet (Bokmål)').fill(advice);
  await field(last, 'Rådet (Engelsk)').fill(`No-script advice ${tag}`);
  for (const level of ['Få tegn', 'Noen tegn', 'Sterke tegn']) await last.getByLabel(level, { exact: true }).check();
  await page.getByRole('button', { name: `Fjern råd ${nRules + 1}`, exact: true }).click();
  await expect(rules).toHaveCount(nRules + 1);
  await expect(field(rules.nth(nRules), 'Rådet (Bokmål)')).toHaveValue(advice);
  await expect(page.getByTestId('op-done')).toBeVisible();

  await page.getByRole('button', { name: 'Lagre utkast' }).first().click();
  await expect(page.getByText(/Utkast \d+ er lagret\./)).toBeVisible();
  await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(page.getByTestId('own-status')).toContainText('Til gjennomgang');

  const second = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await logIn(second, await createStaffUser('editor'));
  await second.goto(path);
  await second.getByRole('button', { name: 'Publiser' }).click();
  await expect(second.getByText(/Versjon \d+: Publisert\./i)).toBeVisible();

  // The public page and the API show it at once: answered without JavaScript, the result names both.
  const after = (await (await page.request.get(`/api/v1/checklists/${sector}`)).json()) as {
    version: number;
    indicators: { id: string }[];
    advice: { id: string; levels: string[] }[];
    questions: { indicators: string[] }[];
  };
  expect(after.version).toBe(before.version + 1);
  expect(after.indicators.map((x) => x.id)).toContain(`nojs-sign-${tag}`);
  expect(after.questions[q].indicators).toContain(`nojs-sign-${tag}`);
  expect(after.advice.at(-1)).toMatchObject({ id: `nojs-advice-${tag}`, levels: ['low', 'some', 'strong'] });
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(`/check/${sector}`);
  await expect(reader.locator('input[name="version"]')).toHaveValue(String(after.version));
  const radios = reader.locator('fieldset:has(input[type="radio"][name^="q-"])');
  const count = await radios.count();
  for (let i = 0; i < count; i++) await radios.nth(i).getByLabel('Ja', { exact: true }).check();
  await reader.getByRole('button', { name: 'Se resultatet' }).click();
  await expect(reader.locator('main')).toContainText(sign);
  await expect(reader.locator('main')).toContainText(advice);
});
