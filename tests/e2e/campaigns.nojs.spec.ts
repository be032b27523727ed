import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { readE2eEnv } from './helpers';
import { publishedTemplateWithAnswers } from './surveys-setup';

/** The public campaign pages without JavaScript (issue 8): a published campaign put into the e2e database. */
const slug = `uten-js-${randomUUID().slice(0, 6)}`;
const name = `Kampanje uten JS ${slug.slice(-6)}`;

test.beforeAll(() => {
  const db = new Database(readE2eEnv().dbPath);
  try {
    const now = new Date().toISOString();
    db.prepare(
      `insert into campaign (id, slug, name, goal, target_group, sectors, channels, starts_on, ends_on, budget_nok,
        survey_id, question_id, answer_code, sdg_targets, measure_ids, partners, materials, design, baseline_wave_id,
        followup_wave_id, exposure_question_id, exposure_answer_code, source_codes, weighting, published_at,
        created_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, '[]', '["school_visits"]', '2026-09-07', '2026-10-04', 90000, null, null, null,
        '["16.2"]', '[]', 'Partner A', '[]', 'before_after', null, null, null, null, '[]', 'none', ?, null, ?, ?)`
    ).run(randomUUID(), slug, name, 'Elever skal vite hvor de kan melde fra.', 'Elever 16–19', now, now, now);
    // Quiz sessions started in the campaign's weeks (youth_session_week): 7 classes in W38; solo quizzes 6 in
    // W38 and 3 in W39 (shown as "<5", so the period's sum reads "at least 6").
    const sessions = db.prepare(
      `insert into youth_session_week (kind, iso_week, shard, started) values (?, ?, 0, ?)
       on conflict (kind, iso_week, shard) do update set started = excluded.started`
    );
    sessions.run('class', '2026-W38', 7);
    sessions.run('self', '2026-W38', 6);
    sessions.run('self', '2026-W39', 3);
  } finally {
    db.close();
  }
});

test('the public campaign list and page work without JavaScript, in both languages', async ({ page }) => {
  // Reached from the home page's list of what the platform offers (the top menu is full).
  await page.goto('/');
  await page.getByRole('link', { name: 'Kampanjer mot menneskehandel' }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Kampanjer mot menneskehandel' })).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Kanaler: Skolebesøk')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Aktivitet per uke' })).toContainText('2026-W37');
  const uplift = page.getByRole('table', { name: 'Endring i aktivitet' });
  await expect(uplift.getByRole('row', { name: /Klassequizer startet/ })).toContainText('7');
  await expect(uplift.getByRole('row', { name: /Quizer startet på egen hånd/ })).toContainText('minst 6');
  await expect(page.getByRole('row', { name: /2026-W39/ })).toContainText('<5');
  await expect(page.getByText(/Resultatet er ikke klart ennå/)).toBeVisible();

  await page.goto('/en');
  await page.getByRole('link', { name: 'Campaigns against human trafficking' }).click();
  await expect(page).toHaveURL(/\/en\/campaigns$/);
  await page.goto(`/en/campaigns/${slug}`);
  await expect(page.getByText('Target group: Elever 16–19')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Sources' })).toBeVisible();

  const missing = await page.goto('/campaigns/finnes-ikke');
  expect(missing?.status()).toBe(404);
});

test('a public result of very few answers: "<5" answers, the share not shown, the chart without that bar', async ({
  page
}) => {
  // Two waves of a template copy with 4 answers each (src/lib/stats/suppress.ts: counts of 1–4 are hidden).
  const surveySlug = await publishedTemplateWithAnswers(4);
  const fewSlug = `faa-svar-${randomUUID().slice(0, 6)}`;
  const db = new Database(readE2eEnv().dbPath);
  try {
    const waves = db
      .prepare(
        'select w.id, w.survey_id from survey_wave w join survey s on s.id = w.survey_id where s.slug = ? order by w.opens_on'
      )
      .all(surveySlug) as { id: string; survey_id: string }[];
    const now = new Date().toISOString();
    db.prepare(
      `insert into campaign (id, slug, name, goal, target_group, sectors, channels, starts_on, ends_on, budget_nok,
        survey_id, question_id, answer_code, sdg_targets, measure_ids, partners, materials, design, baseline_wave_id,
        followup_wave_id, exposure_question_id, exposure_answer_code, source_codes, weighting, published_at,
        created_by, created_at, updated_at)
       values (?, ?, ?, 'Mål', 'Alle', '[]', '[]', '2026-09-07', '2026-10-04', null, ?, 'problem_world', 'great',
        '[]', '[]', '', '[]', 'before_after', ?, ?, null, null, '[]', 'none', ?, null, ?, ?)`
    ).run(randomUUID(), fewSlug, `Få svar ${fewSlug}`, waves[0]!.survey_id, waves[0]!.id, waves[1]!.id, now, now, now);
  } finally {
    db.close();
  }
  await page.goto(`/campaigns/${fewSlug}`);
  const table = page.getByRole('table', { name: 'Indikatoren før og etter, med 95 % konfidensintervall' });
  await expect(table.getByRole('row', { name: /Andel før/ })).toContainText('færre enn 5');
  await expect(table.getByRole('row', { name: /Andel før/ })).toContainText('<5');
  await expect(page.getByRole('figure', { name: 'Andelen som gir indikatorsvaret, før og etter' })).toBeVisible();
});
