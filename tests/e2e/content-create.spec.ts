import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { createStaffUser, logIn } from './staff.helpers';

/** A shipped quiz set: the new set is made of its first question and its first source (real, sourced text). */
const shipped = JSON.parse(readFileSync('data/quizzes/what-can-i-do.json', 'utf8')) as {
  sources: { id: string; title: string; url?: string }[];
  questions: {
    text: { nb: string; en: string };
    options: { id: string; text: { nb: string; en: string } }[];
    correct: string[];
    explanation: { nb: string; en: string };
    sources: string[];
  }[];
};

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
  await field(page, 'Tittel').fill(`Testside ${tag}`);
  await field(page, 'Ingress').fill('En side laget i nettleseren.');
  await field(page, 'Markdown').fill(`Ordet ${word} står her.[^1]\n`);
  // A source of a seeded page (content/nb/sectors.md), so the test page cites a real one.
  await page.locator('input[name="s0_title"]').fill('Politiet: Menneskehandel i Norge (nyhet 8. februar 2018)');
  await page
    .locator('input[name="s0_url"]')
    .fill('https://www.politiet.no/aktuelt-tall-og-fakta/aktuelt/nyheter/2018/02/08/menneskehandel-i-norge/');
  await page.getByRole('button', { name: 'Opprett utkast' }).click();
  const taken = 'Adressen er allerede i bruk på dette språket. Velg en annen, eller rediger den som finnes.';
  await expect(page.getByRole('link', { name: taken })).toBeVisible();
  await expect(field(page, 'Tittel')).toHaveValue(`Testside ${tag}`);
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
  await expect(reader.getByRole('link', { name: `Testside ${tag}` })).toBeVisible();
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
  const q = shipped.questions[0]!;
  const source = shipped.sources.find((s) => q.sources.includes(s.id))!;
  await logIn(page, await createStaffUser('editor'));
  const second = await (await browser.newContext()).newPage();
  await logIn(second, await createStaffUser('editor'));
  const pupil = await (await browser.newContext()).newPage();

  await page.goto('/admin/content');
  await page.getByRole('link', { name: 'Ny quiz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny quiz' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await field(page, 'Id (en del av adressen)').fill(id);
  await field(page, 'Tittel på bokmål').fill(title);
  await field(page, 'Tittel på engelsk').fill(`Test quiz ${tag}`);
  await field(page, 'Ingress på bokmål').fill('En quiz laget i nettleseren.');
  await field(page, 'Ingress på engelsk').fill('A quiz made in the browser.');
  await field(page, 'Tittel (med utgiver og år)').fill(source.title);
  if (source.url) await field(page, 'Nettadresse (tom bare for en trykt kilde)').fill(source.url);
  await field(page, 'Spørsmål 1 på bokmål').fill(q.text.nb);
  await field(page, 'Spørsmål 1 på engelsk').fill(q.text.en);
  for (const [k, o] of q.options.slice(0, 2).entries()) {
    await field(page, `Alternativ ${k + 1} på bokmål`).fill(o.text.nb);
    await field(page, `Alternativ ${k + 1} på engelsk`).fill(o.text.en);
  }
  // One right and one wrong answer among the two kept options.
  const [first, other] = q.options as [(typeof q.options)[number], (typeof q.options)[number]];
  await page.getByLabel(q.correct.includes(first.id) ? 'Alternativ 1 er riktig' : 'Alternativ 2 er riktig').check();
  expect(q.correct.includes(first.id) !== q.correct.includes(other.id)).toBe(true);
  await field(page, 'Forklaring til spørsmål 1 på bokmål').fill(q.explanation.nb);
  await field(page, 'Forklaring til spørsmål 1 på engelsk').fill(q.explanation.en);
  await page.getByRole('group', { name: 'Kilder forklaringen til spørsmål 1 bygger på' }).getByRole('checkbox').check();
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
