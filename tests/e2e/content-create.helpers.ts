import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { field } from './helpers';

/** A shipped quiz set: a new set in the tests is made of its first question and that question's source (real, sourced text). */
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
export const shippedQuestion = shipped.questions[0]!;

/** Fills the "new quiz" form: id, titles, one source and one question with two options (one right, one wrong). */
export async function fillNewQuiz(page: Page, id: string, title: string): Promise<void> {
  const q = shippedQuestion;
  const source = shipped.sources.find((s) => q.sources.includes(s.id))!;
  await field(page, 'Id (en del av adressen)').fill(id);
  await field(page, 'Tittel på bokmål').fill(title);
  await field(page, 'Tittel på engelsk').fill(`${title} (en)`);
  await field(page, 'Ingress på bokmål').fill('En quiz laget i nettleseren.');
  await field(page, 'Ingress på engelsk').fill('A quiz made in the browser.');
  await field(page, 'Tittel (med utgiver og år)').fill(source.title);
  if (source.url) await field(page, 'Nettadresse (tom bare for en trykt kilde)').fill(source.url);
  await field(page, 'Spørsmål 1 på bokmål').fill(q.text.nb);
  await field(page, 'Spørsmål 1 på engelsk').fill(q.text.en);
  // A right and a wrong option of the shipped question.
  const right = q.options.find((o) => q.correct.includes(o.id))!;
  const wrong = q.options.find((o) => !q.correct.includes(o.id))!;
  for (const [k, o] of [right, wrong].entries()) {
    await field(page, `Alternativ ${k + 1} på bokmål`).fill(o.text.nb);
    await field(page, `Alternativ ${k + 1} på engelsk`).fill(o.text.en);
  }
  await page.getByLabel('Alternativ 1 er riktig').check();
  await field(page, 'Forklaring til spørsmål 1 på bokmål').fill(q.explanation.nb);
  await field(page, 'Forklaring til spørsmål 1 på engelsk').fill(q.explanation.en);
  await page
    .getByRole('group', { name: /^Kilder forklaringen til spørsmål 1 bygger på/ })
    .getByRole('checkbox')
    .first()
    .check();
}

/** Fills the "new learning page" form's page fields (the slug and language are the test's). */
export async function fillNewPage(page: Page, title: string, markdown: string): Promise<void> {
  await page.locator('input[name="title"]').fill(title);
  await page.locator('textarea[name="summary"]').fill('En side laget i nettleseren.');
  await page.locator('textarea[name="markdown"]').fill(markdown);
  // A source of a seeded page (content/nb/sectors.md), so the test page cites a real one.
  await page.locator('input[name="s0_title"]').fill('Politiet: Menneskehandel i Norge (nyhet 8. februar 2018)');
  await page
    .locator('input[name="s0_url"]')
    .fill('https://www.politiet.no/aktuelt-tall-og-fakta/aktuelt/nyheter/2018/02/08/menneskehandel-i-norge/');
}
