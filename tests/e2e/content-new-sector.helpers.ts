import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * The texts a test writes into a new sector's skeleton: the car-wash checklist's first question, its sign
 * and its source (real, sourced text), with the test's marker in the question.
 */
const carWash = JSON.parse(readFileSync('data/checklists/car-wash.json', 'utf8')) as {
  summary: { nb: string; en: string };
  intro: { nb: string; en: string };
  questions: {
    text: { nb: string; en: string };
    why: { nb: string; en: string };
    indicators: string[];
    sources: string[];
  }[];
  indicators: { id: string; text: { nb: string; en: string } }[];
  sources: { id: string; title: string; url?: string }[];
};

export const writtenQuestion = (marker: string) => ({
  nb: `${marker}: ${carWash.questions[0]!.text.nb}`,
  en: `${marker}: ${carWash.questions[0]!.text.en}`
});

/** Opens the "new checklist" form, fills it in and creates the draft (the empty skeleton). */
export async function createSector(page: Page, id: string, names: { nb: string; en: string }): Promise<void> {
  await page.goto('/admin/content/checklists/new');
  await page.locator('input[name="id"]').fill(id);
  await page.locator('input[name="title.nb"]').fill(names.nb);
  await page.locator('input[name="title.en"]').fill(names.en);
  await page.getByRole('button', { name: 'Opprett utkast' }).click();
  await page.waitForURL(`**/admin/content/checklists/${id}`);
}

/** Replaces the skeleton's starting texts in the form editor (not saved). */
export async function writeSkeleton(page: Page, marker: string): Promise<void> {
  const q = carWash.questions[0]!;
  const sign = carWash.indicators.find((x) => x.id === q.indicators[0])!;
  const source = carWash.sources.find((s) => s.id === q.sources[0])!;
  const question = writtenQuestion(marker);
  const fill = (name: string, value: string) => page.locator(`[name="${name}"]`).fill(value);
  for (const l of ['nb', 'en'] as const) {
    await fill(`summary.${l}`, carWash.summary[l]);
    await fill(`intro.${l}`, carWash.intro[l]);
    await fill(`questions.0.text.${l}`, question[l]);
    await fill(`questions.0.why.${l}`, q.why[l]);
    await fill(`indicators.0.text.${l}`, sign.text[l]);
  }
  await fill('sources.0.title', source.title);
  if (source.url) await fill('sources.0.url', source.url);
}
