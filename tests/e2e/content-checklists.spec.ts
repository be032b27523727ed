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

test('an editor adds a source, a sign, a question and advice, removes one, tries it; a second editor publishes; page and API show them', async ({
  page,
  browser
}) => {
  test.setTimeout(240_000);
  const tag = randomUUID().slice(0, 8);
  const author = await createStaffUser('editor');
  const reviewer = await createStaffUser('editor');
  const reader = await (await browser.newContext()).newPage();
  const before = (await (await reader.request.get(`/api/v1/checklists/${sector}`)).json()) as { version: number };

  await logIn(page, author);
  await page.goto(editorPath);
  const sources = page.locator('[data-source]');
  const signs = page.locator('[data-indicator]');
  const questions = page.locator('[data-question]');
  const rules = page.locator('[data-advice]');
  const [nSources, nSigns, nQuestions, nRules] = await Promise.all(
    [sources, signs, questions, rules].map((l) => l.count())
  );
  const idLabel = 'Kort navn (id: a–z, 0–9, bindestrek)';
  const tick = (row: ReturnType<typeof page.locator>, group: string, number: number) =>
    row
      .getByRole('group', { name: group })
      .getByRole('checkbox', { name: new RegExp(`^${number}\\. `) })
      .check();

  // A source with its publisher and date as fields of their own.
  await page.getByRole('button', { name: 'Legg til en kilde' }).click();
  const source = sources.nth(nSources);
  await field(source, idLabel).fill(`studio-source-${tag}`);
  await field(source, 'Tittel').fill(`Studiokilde ${tag}`);
  await field(source, 'Utgiver').fill('Forebygg');
  await field(source, 'Nettadresse').fill('https://example.org/studio');
  await field(source, 'Dato').fill('2026-11');

  await page.getByRole('button', { name: 'Legg til et tegn' }).click();
  const sign = signs.nth(nSigns);
  await field(sign, idLabel).fill(`studio-sign-${tag}`);
  await field(sign, 'Tekst (Bokmål)').fill(`Studiotegn ${tag}`);
  await field(sign, 'Tekst (Engelsk)').fill(`Studio sign ${tag}`);
  await sign.getByRole('checkbox', { name: /^8 – / }).check();
  await tick(sign, 'Kilder for tegnet', nSources + 1);

  await page.getByRole('button', { name: 'Legg til et spørsmål' }).click();
  const question = questions.nth(nQuestions);
  await field(question, idLabel).fill(`studio-question-${tag}`);
  await field(question, 'Spørsmålet (Bokmål)').fill(`Studiospørsmål ${tag}?`);
  await field(question, 'Spørsmålet (Engelsk)').fill(`Studio question ${tag}?`);
  await field(question, 'Hvorfor dette betyr noe (Bokmål)').fill('Fordi.');
  await field(question, 'Hvorfor dette betyr noe (Engelsk)').fill('Because.');
  await field(question, 'Vekt (1–10)').fill('2');
  await tick(question, 'Tegn spørsmålet peker på', nSigns + 1);
  await tick(question, 'Kilder', nSources + 1);

  // Two advice rules added; the first is removed again.
  await page.getByRole('button', { name: 'Legg til et råd' }).click();
  await page.getByRole('button', { name: 'Legg til et råd' }).click();
  await expect(rules).toHaveCount(nRules + 2);
  const rule = rules.nth(nRules + 1);
  await field(rule, idLabel).fill(`studio-advice-${tag}`);
  await field(rule, 'Rådet (Bokmål)').fill(`Studioråd ${tag}.`);
  await field(rule, 'Rådet (Engelsk)').fill(`Studio advice ${tag}.`);
  for (const level of ['Få tegn', 'Noen tegn', 'Sterke tegn']) await rule.getByLabel(level, { exact: true }).check();
  await tick(rule, 'Vises bare ved disse spørsmålene (ingen valgt: alltid ved nivåene)', nQuestions + 1);
  await page.getByRole('button', { name: `Fjern råd ${nRules + 1}`, exact: true }).click();
  await expect(rules).toHaveCount(nRules + 1);
  await expect(field(rules.nth(nRules), 'Rådet (Bokmål)')).toHaveValue(`Studioråd ${tag}.`);

  // The new question is that advice's only question: removing it is refused, the reason beside it.
  await page.getByRole('button', { name: `Fjern spørsmål ${nQuestions + 1}`, exact: true }).click();
  await expect(questions).toHaveCount(nQuestions + 1);
  await expect(questions.nth(nQuestions)).toContainText(`Rådet «studio-advice-${tag}» vises bare ved dette spørsmålet`);
  await expectNoSeriousAxeViolations(page);

  // Try it with the draft: the new question answered yes shows the new sign and advice.
  const tryPane = page.locator('section.try');
  const asked = tryPane.locator('fieldset');
  await expect(asked).toHaveCount(nQuestions + 1);
  for (let i = 0; i < nQuestions; i++) await asked.nth(i).getByLabel('Nei', { exact: true }).check();
  await asked.nth(nQuestions).getByLabel('Ja', { exact: true }).check();
  await page.getByRole('button', { name: 'Vurder med utkastet' }).click();
  const result = page.getByTestId('try-result');
  await expect(result).toContainText(`Studiotegn ${tag}`);
  await expect(result).toContainText(`Studioråd ${tag}.`);

  await page.getByRole('button', { name: 'Lagre utkast' }).first().click();
  await expect(page.getByText(/Utkast \d+ er lagret\./)).toBeVisible();
  await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(page.getByTestId('own-status')).toContainText('Til gjennomgang');

  const second = await (await browser.newContext()).newPage();
  await logIn(second, reviewer);
  await second.goto(editorPath);
  await second.getByRole('button', { name: 'Publiser' }).click();
  await expect(second.getByText(/Versjon \d+: Publisert\./i)).toBeVisible();

  await reader.goto(`/check/${sector}`);
  await expect(reader.locator('main')).toContainText(`Studiospørsmål ${tag}?`);
  await expect(reader.locator('main')).toContainText(`Studiokilde ${tag} (Forebygg, 2026-11)`);
  await expectNoSeriousAxeViolations(reader);
  const after = (await (await reader.request.get(`/api/v1/checklists/${sector}`)).json()) as {
    version: number;
    questions: { id: string; indicators: string[]; weight: number }[];
    advice: { id: string; questions: string[] }[];
    sources: { id: string; publisher?: string; date?: string }[];
  };
  expect(after.version).toBe(before.version + 1);
  expect(after.questions.at(-1)).toMatchObject({
    id: `studio-question-${tag}`,
    indicators: [`studio-sign-${tag}`],
    weight: 2
  });
  expect(after.advice.at(-1)).toMatchObject({ id: `studio-advice-${tag}`, questions: [`studio-question-${tag}`] });
  expect(after.sources.at(-1)).toMatchObject({ id: `studio-source-${tag}`, publisher: 'Forebygg', date: '2026-11' });
});
