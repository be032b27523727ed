import { expect, test } from '@playwright/test';
import { field } from './helpers';

test('a pupil without JavaScript joins, answers with a plain form, and follows the teacher by refreshing', async ({
  browser
}) => {
  test.setTimeout(60_000);
  // The teacher's side, also without JavaScript: every step is a plain form post.
  const teacherContext = await browser.newContext({ javaScriptEnabled: false });
  const teacher = await teacherContext.newPage();
  await teacher.goto('/youth/classroom');
  await field(teacher, 'Quiz').selectOption('what-can-i-do');
  await teacher.getByRole('button', { name: 'Start økten' }).click();
  const code = (await teacher.getByTestId('join-code').textContent())!.trim();

  const pupilContext = await browser.newContext({ javaScriptEnabled: false });
  const pupil = await pupilContext.newPage();
  await pupil.goto(`/join?code=${code}`);
  await expect(field(pupil, 'Kode')).toHaveValue(code);
  await pupil.getByRole('button', { name: 'Bli med' }).click();
  await expect(pupil.getByText('Vent til læreren starter neste spørsmål.')).toBeVisible();
  await expect(pupil.locator('meta[http-equiv="refresh"]')).toHaveCount(1);

  await teacher.getByRole('button', { name: 'Start quizen' }).click();
  await pupil.getByRole('link', { name: 'Oppdater siden' }).click();
  await expect(pupil.getByText('Spørsmål 1 av 10')).toBeVisible();
  // No answer: a clear message, still the question.
  await pupil.getByRole('button', { name: 'Svar' }).click();
  await expect(pupil.getByText('Velg et svar før du går videre.').first()).toBeVisible();
  await pupil.getByLabel('Ringer 112').check();
  await pupil.getByRole('button', { name: 'Svar' }).click();
  await expect(pupil.getByText('Svaret ditt er registrert. Vent på læreren.')).toBeVisible();

  await teacher.getByRole('link', { name: 'Oppdater' }).click();
  await expect(teacher.getByText('1 av 1 har svart')).toBeVisible();
  await teacher.getByRole('button', { name: 'Vis svaret' }).click();

  // The page refreshes itself (meta refresh) while the pupil waits.
  await expect(pupil.getByText('Riktig!')).toBeVisible({ timeout: 12_000 });
  await expect(pupil.getByText('Er noen i fare nå, ring 112.')).toBeVisible();
  await teacherContext.close();
  await pupilContext.close();
});
