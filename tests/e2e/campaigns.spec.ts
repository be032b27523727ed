import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, field, readE2eEnv } from './helpers';
import { signInAs } from './staff.helpers';
import { publishedTemplateWithAnswers } from './surveys-setup';

/**
 * The campaign registry (issue 8), JavaScript on: an editor (put straight into the e2e database) registers
 * a campaign, meets a refused form, sees the campaign page with its weekly activity, publishes it, and
 * the public pages show it in bokmål and English.
 */
const name = `Se tegnene ${randomUUID().slice(0, 6)}`;

test('an editor registers a campaign, sees its activity, publishes it, and the public reads it', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'editor');
  await page.getByRole('link', { name: 'Kampanjer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kampanjer' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Registrer kampanje' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrer kampanje' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await field(page, 'Navn').fill(name);
  await field(page, 'Mål').fill('Flere skal kjenne igjen tegn på arbeidsutnytting.');
  await field(page, 'Målgruppe').fill('Kjøpere av renholdstjenester');
  await page.getByRole('checkbox', { name: 'Plakater' }).check();
  await page.getByRole('checkbox', { name: 'Bærekraftsmål, delmål 8.7' }).check();
  await field(page, 'Startdato').fill('2026-10-05');
  await field(page, 'Sluttdato').fill('2026-09-01');
  await field(page, 'Budsjett (kroner)').fill('-10');
  await field(page, 'Materiell').fill('Plakat | javascript:alert(1)');
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(page.getByText('Sluttdatoen kan ikke være før startdatoen.').first()).toBeVisible();
  await expect(page.getByText('Skriv budsjettet som et helt antall kroner, 0 eller mer.').first()).toBeVisible();
  await expect(page.getByText(/Skriv ett materiell per linje/).first()).toBeVisible();
  await expect(field(page, 'Navn')).toHaveValue(name);
  await expectNoSeriousAxeViolations(page);

  await field(page, 'Sluttdato').fill('2026-11-01');
  await field(page, 'Budsjett (kroner)').fill('250 000');
  await field(page, 'Materiell').fill('Plakat | https://example.org/plakat.pdf');
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(page.getByText('Kampanjen er registrert.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('250 000 kr')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Endring i aktivitet' })).toContainText('Sjekker gjennomført');
  await expect(page.getByRole('figure', { name: 'Meldinger sendt inn per uke' }).getByRole('img')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Aktivitet per uke' })).toContainText('2026-W41');
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Publiser' }).click();
  await expect(page.getByRole('button', { name: 'Trekk tilbake publiseringen' })).toBeVisible();
  await page.getByRole('link', { name: /^\/campaigns\// }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Plakat' })).toHaveAttribute('href', 'https://example.org/plakat.pdf');
  await expect(page.getByRole('heading', { level: 2, name: 'Kilder' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.goto('/en/campaigns');
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns against human trafficking' })).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Platform activity' })).toBeVisible();
  await expect(page.getByText('Channels: Posters')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // 200 % zoom: nothing scrolls sideways at 640 px.
  await page.setViewportSize({ width: 640, height: 900 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  expect(overflow).toBeLessThanOrEqual(1);
});

test('an editor registers a DiD against a comparison region; staff and public pages say what is compared', async ({
  page
}) => {
  test.setTimeout(120_000);
  // Two waves of a template copy with 8 answers each, all from Vestland (46).
  const surveySlug = await publishedTemplateWithAnswers(8);
  const db = new Database(readE2eEnv().dbPath);
  let surveyId: string;
  let waves: string[];
  try {
    const rows = db
      .prepare(
        'select w.id, w.survey_id from survey_wave w join survey s on s.id = w.survey_id where s.slug = ? order by w.opens_on'
      )
      .all(surveySlug) as { id: string; survey_id: string }[];
    surveyId = rows[0]!.survey_id;
    waves = rows.map((r) => r.id);
  } finally {
    db.close();
  }
  const regionName = `Bare i Oslo ${randomUUID().slice(0, 6)}`;
  await signInAs(page, 'editor');
  await page.goto('/admin/campaigns/new');
  await field(page, 'Navn').fill(regionName);
  await field(page, 'Mål').fill('Flere i Oslo skal se menneskehandel som et problem i verden.');
  await field(page, 'Målgruppe').fill('Voksne i Oslo');
  await field(page, 'Startdato').fill('2026-09-07');
  await field(page, 'Sluttdato').fill('2026-10-04');
  await field(page, 'Indikator (spørsmål og svar)').selectOption(`${surveyId}|problem_world|great`);
  await field(page, 'Design').selectOption('did_group');
  await field(page, 'Førbølge').selectOption(waves[0]!);
  await field(page, 'Etterbølge').selectOption(waves[1]!);
  await field(page, 'Gruppespørsmål for sammenligningsgruppen').selectOption('county');
  const target = page.getByRole('group', { name: /Hvilket fylke bor du i\?: målgruppen/ });
  const comparison = page.getByRole('group', { name: /Hvilket fylke bor du i\?: sammenligningsgruppen/ });
  // Oslo in both groups is refused, on the comparison field.
  await target.getByRole('checkbox', { name: /^Oslo/ }).check();
  await comparison.getByRole('checkbox', { name: /^Oslo/ }).check();
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(
    page.getByText('Et svar kan ikke være både i målgruppen og i sammenligningsgruppen.').first()
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page
    .getByRole('group', { name: /Hvilket fylke bor du i\?: sammenligningsgruppen/ })
    .getByRole('checkbox', { name: /^Oslo/ })
    .uncheck();
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(page.getByText('Kampanjen er registrert.')).toBeVisible();
  await expect(page.getByText('Forskjell-i-forskjeller mot en sammenligningsgruppe').first()).toBeVisible();
  await expect(page.locator('[data-group]')).toContainText(/Oslo.* mot alle andre \(.*Vestland/);
  // Nobody in Oslo answered: the figures say "too few answers", never an interval.
  await expect(page.locator('[data-verdict]')).toContainText('For få svar');
  await expect(page.locator('[data-caveat]')).toContainText('Designet er observasjonelt');
  await expect(
    page.getByRole('table', { name: 'Indikatoren før og etter, med 95 % konfidensintervall' })
  ).toContainText('Forskjell-i-forskjeller (målgruppen mot sammenligningsgruppen)');
  await expect(page.getByRole('table', { name: 'Endring i aktivitet' })).toContainText('Kunnskapsøkning i klassequiz');
  await expectNoSeriousAxeViolations(page);

  // Published, the public page says what the comparison is, in bokmål and English.
  await page.getByRole('button', { name: 'Publiser' }).click();
  await page.getByRole('link', { name: /^\/campaigns\// }).click();
  await expect(page.getByRole('heading', { level: 1, name: regionName })).toBeVisible();
  await expect(page.locator('[data-caveat]')).toContainText(
    /Målgruppen er de som svarte «Oslo.*» på «Hvilket fylke bor du i\?»; sammenligningsgruppen er alle andre/
  );
  await expectNoSeriousAxeViolations(page);
  await page.goto(page.url().replace(/\/campaigns\//, '/en/campaigns/'));
  await expect(page.locator('[data-caveat]')).toContainText(
    /the comparison group is everyone else .*The design is observational/
  );
  await expectNoSeriousAxeViolations(page);
});
