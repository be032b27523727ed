import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';
import { createStaffUser, logIn, type TStaffUser } from './staff.helpers';

const set = 'what-is-trafficking';
const editorPath = `/admin/content/quiz/${set}`;

/** The author saves question 1's bokmål text and submits it; the reviewer publishes it. */
async function changeQuestion(author: Page, reviewer: Page, text: string, axe: boolean) {
  await author.goto(editorPath);
  await expect(author.getByRole('heading', { level: 1, name: /^Quiz: / })).toBeVisible();
  if (axe) await expectNoSeriousAxeViolations(author);
  await field(author, 'Spørsmål 1 på bokmål').fill(text);
  await author.getByRole('button', { name: 'Lagre utkast' }).click();
  await expect(author.getByText(/Utkastet er lagret \(versjon \d+\)/)).toBeVisible();
  await author.getByRole('button', { name: 'Send til gjennomgang' }).click();
  await expect(author.getByText(/Versjon \d+ er sendt til gjennomgang\./)).toBeVisible();
  // Two-person review is on: the author is not offered Publish.
  await expect(author.getByRole('button', { name: 'Publiser' })).toHaveCount(0);

  await reviewer.goto(editorPath);
  if (axe) await expectNoSeriousAxeViolations(reviewer);
  await reviewer.getByRole('button', { name: 'Publiser' }).click();
  await expect(reviewer.getByText(/Versjon \d+ er publisert og vises nå for leserne\./)).toBeVisible();
}

test('an editor changes a quiz question, a second editor publishes it, and pupils see it at once', async ({
  page,
  browser
}) => {
  test.setTimeout(180_000);
  const marker = `Quiztest ${randomUUID().slice(0, 8)}`;
  const author: TStaffUser = await createStaffUser('editor');
  await logIn(page, author);
  const second = await (await browser.newContext()).newPage();
  await logIn(second, await createStaffUser('editor'));
  const pupil = await (await browser.newContext()).newPage();

  await page.goto(editorPath);
  const original = await field(page, 'Spørsmål 1 på bokmål').inputValue();
  const changed = `${original} (${marker})`;
  await changeQuestion(page, second, changed, true);

  await pupil.goto(`/youth/quiz/${set}`);
  await expect(pupil.locator('main')).toContainText(changed);
  await expectNoSeriousAxeViolations(pupil);

  await second.goto(`${editorPath}/history`);
  await expectNoSeriousAxeViolations(second);
  await second.getByRole('button', { name: 'Vis forskjellen' }).click();
  await expect(second.locator('ins').first()).toContainText(marker);

  // Other specs read this set: put the text back through the same workflow.
  await changeQuestion(page, second, original, false);
  await pupil.goto(`/youth/quiz/${set}`);
  await expect(pupil.locator('main')).toContainText(original);
  await expect(pupil.locator('main')).not.toContainText(marker);
});
