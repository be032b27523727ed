import { expect, test, type Browser } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';

async function startSession(browser: Browser, prefix = '') {
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await teacher.goto(`${prefix}/youth/classroom`);
  return { teacherContext, teacher };
}

test('classroom: the teacher runs a before/after session, a pupil answers, the projector updates live', async ({
  browser
}) => {
  test.setTimeout(180_000);
  const { teacherContext, teacher } = await startSession(browser);
  await field(teacher, 'Quiz').selectOption('what-is-trafficking');
  await teacher.getByRole('button', { name: 'Start økten' }).click();
  await expect(teacher).toHaveURL(/\/youth\/classroom\/t\/[A-Za-z0-9_-]{43}$/);
  const code = (await teacher.getByTestId('join-code').textContent())!.trim();
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
  await expect(teacher.getByRole('img', { name: /QR-kode som åpner/ })).toBeVisible();
  await expectNoSeriousAxeViolations(teacher);

  // A pupil in another browser context joins with the code in lower case and a nickname.
  const pupilContext = await browser.newContext();
  const pupil = await pupilContext.newPage();
  await pupil.goto('/join');
  await field(pupil, 'Kode').fill(code.toLowerCase());
  await field(pupil, 'Kallenavn').fill('Ada');
  await pupil.getByRole('button', { name: 'Bli med' }).click();
  await expect(pupil.getByText('Du er med i «Hva er menneskehandel?» som Ada.')).toBeVisible();
  await expect(pupil.getByText('Vent til læreren starter neste spørsmål.')).toBeVisible();
  // The projector counts the pupil without a reload (Server-Sent Events).
  await expect(teacher.getByText('Elever som er med: 1')).toBeVisible();

  await teacher.getByRole('button', { name: 'Start quizen' }).click();
  // The pupil's page follows the teacher by itself.
  await expect(pupil.getByText('Spørsmål 1 av 10')).toBeVisible();
  await pupil.getByLabel('Palermoprotokollen').check();
  await pupil.getByRole('button', { name: 'Svar' }).click();
  await expect(pupil.getByText('Svaret ditt er registrert. Vent på læreren.')).toBeVisible();
  await expect(teacher.getByText('1 av 1 har svart')).toBeVisible();
  await expect(teacher.getByRole('listitem').filter({ hasText: 'Palermoprotokollen' })).toContainText('1 svar');

  await teacher.getByRole('button', { name: 'Vis svaret' }).click();
  await expect(teacher.getByText('(riktig svar)')).toBeVisible();
  await expect(pupil.getByText('Riktig!')).toBeVisible();
  await expect(pupil.getByText(/FNs Palermoprotokoll definerer menneskehandel/)).toBeVisible();
  await expectNoSeriousAxeViolations(pupil);

  // Straight through the rest of the before-run, then the after-run's first question.
  for (let i = 2; i <= 10; i++) {
    await teacher.getByRole('button', { name: 'Neste spørsmål' }).click();
    await teacher.getByRole('button', { name: 'Vis svaret' }).click();
  }
  await teacher.getByRole('button', { name: 'Avslutt runden' }).click();
  await expect(teacher.getByText(/Før-runden er ferdig/)).toBeVisible();
  await teacher.getByRole('button', { name: 'Start etter-runden' }).click();
  await expect(pupil.getByText('Spørsmål 1 av 10')).toBeVisible();
  await pupil.getByLabel('Parisavtalen').check();
  await pupil.getByRole('button', { name: 'Svar' }).click();
  await expect(teacher.getByText('1 av 1 har svart')).toBeVisible();

  // Closing the tab does not lose the session: the teacher key brings it back.
  const resumeUrl = teacher.url();
  await teacher.close();
  const again = await teacherContext.newPage();
  await again.goto('/youth/classroom');
  await field(again, 'Lærernøkkel').fill(resumeUrl.split('/t/')[1]!);
  await again.getByRole('button', { name: 'Fortsett økten' }).click();
  await expect(again).toHaveURL(resumeUrl);
  const table = again.getByRole('table');
  await expect(table.getByRole('row', { name: /Hvilket FN-dokument/ })).toContainText('100 %');
  await expect(table.getByRole('row', { name: /Hvilket FN-dokument/ })).toContainText('−100 prosentpoeng');
  await expectNoSeriousAxeViolations(again);

  await again.getByRole('button', { name: 'Avslutt økten' }).click();
  await expect(again.getByText('Økten er avsluttet. Elevenes kallenavn og svar er slettet.')).toBeVisible();
  // The pupil's page notices and offers to join again; the old code no longer works.
  await expect(pupil.getByRole('heading', { name: 'Bli med i en quiz' })).toBeVisible();
  await field(pupil, 'Kode').fill(code);
  await pupil.getByRole('button', { name: 'Bli med' }).click();
  await expect(
    pupil.getByText('Denne økten er avsluttet eller utløpt. Spør læreren om en ny kode.').first()
  ).toBeVisible();
  await pupilContext.close();
  await teacherContext.close();
});

test('classroom pages in English have no serious axe violations, and a wrong code says so', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/en/youth/classroom');
  await expectNoSeriousAxeViolations(page);
  await page.goto('/en/join?code=ZZZZZZ');
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(
    page.getByText('We cannot find a session with this code. Check the code on the board and try again.').first()
  ).toBeVisible();
  await expect(field(page, 'Code')).toHaveValue('ZZZZZZ');
  await expectNoSeriousAxeViolations(page);
  await page.goto('/en/youth/classroom/t/' + 'x'.repeat(43));
  await expect(
    page.getByText('We cannot find a session with this teacher key. A session lasts 24 hours.')
  ).toBeVisible();
});
