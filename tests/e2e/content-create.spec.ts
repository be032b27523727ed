import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { fillNewPage, fillNewQuiz, shippedQuestion } from './content-create.helpers';
import { createStaffUser, logIn } from './staff.helpers';

async function reviewerPublishes(reviewer: Page, path: string) {
  await reviewer.goto(path);
  await expectNoSeriousAxeViolations(reviewer);
  await reviewer.getByRole('button', { name: 'Publiser' }).click();
  await expect(reviewer.getByText('Versjon 1 er publisert og vises nå for leserne.')).toBeVisible();
}

test('an editor creates a learning page; a second editor publishes it; it is on /learn, in search and the API; archived it is gone', async ({
  page,
  browser
}) => {
  test.setTimeout(240_000);
  const tag = randomUUID().slice(0, 8);
  const slug = `e2e-page-${tag}`;
  const word = `sesongord${tag}`;
  await logIn(page, await createStaffUser('editor'));
  const second = await (await browser.newContext()).newPage();
  await logIn(second, await createStaffUser('editor'));
  const reader = await (await browser.newContext()).newPage();

  await page.goto('/admin/content');
  await page.getByRole('link', { name: 'Ny læringsside' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny læringsside' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // A slug that is taken: refused beside its field, what was typed is kept.
  await field(page, 'Adresse (slug)').fill('sectors');
  await fillNewPage(page, `Testside ${tag}`, `Ordet ${word} står her.[^1]\n`);
  await page.getByRole('button', { name: 'Opprett utkast' }).click();
  const taken = 'Adressen er allerede i bruk på dette språket. Velg en annen, eller rediger den som finnes.';
  await expect(page.getByRole('link', { name: taken })).toBeVisible();
  await expect(page.locator('input[name="title"]')).toHaveValue(`Testside ${tag}`);
  await expectNoSeriousAxeViolations(page);

  await field(page, 'Adresse (slug)').fill(slug);
  await page.getByRole('button', { name: 'Opprett utkast' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/content/learn/${slug}/nb$`));
  await expect(page.getByTestId('own-status')).toContainText('Ikke publisert');
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(page.getByText('Versjon 1 er sendt til gjennomgang.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publiser' })).toHaveCount(0);

  await reviewerPublishes(second, `/admin/content/learn/${slug}/nb`);

  await reader.goto(`/learn/${slug}`);
  await expect(reader.getByRole('heading', { level: 1, name: `Testside ${tag}` })).toBeVisible();
  await expectNoSeriousAxeViolations(reader);
  await reader.goto('/learn');
  await expect(reader.getByRole('link', { name: `Testside ${tag}` })).toBeVisible();
  await reader.goto(`/learn?q=${word}`);
  // The hit in the results list (the cards of every page follow it).
  await expect(reader.locator('ol').getByRole('link', { name: `Testside ${tag}` })).toBeVisible();
  const api = (await (await reader.request.get('/api/v1/learn/pages')).json()) as { data: { slug: string }[] };
  expect(api.data.map((p) => p.slug)).toContain(slug);

  // Taken off the site: the page is a 404 (with search), the list and the API no longer have it.
  await second.goto(`/admin/content/learn/${slug}/nb`);
  await second.getByRole('button', { name: 'Arkiver den publiserte versjonen 1' }).click();
  await expect(second.getByText('Versjon 1 er arkivert.')).toBeVisible();
  const gone = await reader.goto(`/learn/${slug}`);
  expect(gone?.status()).toBe(404);
  await reader.goto('/learn');
  await expect(reader.getByRole('link', { name: `Testside ${tag}` })).toHaveCount(0);
  const after = (await (await reader.request.get('/api/v1/learn/pages')).json()) as { data: { slug: string }[] };
  expect(after.data.map((p) => p.slug)).not.toContain(slug);
  // The history keeps it.
  await second.goto(`/admin/content/learn/${slug}/nb/history`);
  await expect(second.locator('main')).toContainText(`Testside ${tag}`);
});

test('an editor creates a quiz; a second editor publishes it; pupils take it self-paced and teachers can start a class with it', async ({
  page,
  browser
}) => {
  test.setTimeout(240_000);
  const tag = randomUUID().slice(0, 8);
  const id = `e2e-quiz-${tag}`;
  const title = `Testquiz ${tag}`;
  const q = shippedQuestion;
  await logIn(page, await createStaffUser('editor'));
  const second = await (await browser.newContext()).newPage();
  await logIn(second, await createStaffUser('editor'));
  const pupil = await (await browser.newContext()).newPage();

  await page.goto('/admin/content');
  await page.getByRole('link', { name: 'Ny quiz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny quiz' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await fillNewQuiz(page, id, title);
  await page.getByRole('button', { name: 'Lagre utkast' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/content/quiz/${id}$`));
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(page.getByText('Versjon 1 er sendt til gjennomgang.')).toBeVisible();

  await reviewerPublishes(second, `/admin/content/quiz/${id}`);

  await pupil.goto(`/youth/quiz/${id}`);
  await expect(pupil.locator('main')).toContainText(q.text.nb);
  await expectNoSeriousAxeViolations(pupil);
  await pupil.goto('/youth/classroom');
  await expect(pupil.locator('main select option', { hasText: title })).toHaveCount(1);
});
