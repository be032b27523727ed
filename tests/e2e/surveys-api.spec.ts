import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoSeriousAxeViolations } from './helpers';
import { publishedTemplateCopy } from './surveys-setup';
import { signInAs } from './staff.helpers';

const answers = (heard: string) => ({
  sex: 'female',
  age_group: '25-34',
  county: '46',
  problem_world: 'great',
  problem_europe: 'great',
  problem_norway: 'some',
  problem_local: 'little',
  forms_known: ['sexual'],
  heard_recently: heard,
  services_risk: '4',
  pay_more: '5',
  would_do: ['police'],
  know_where: 'yes'
});

test('responses sent through the API show in the API results and in the staff exports', async ({ page, request }) => {
  test.setTimeout(90_000);
  const slug = publishedTemplateCopy();
  const survey = await (await request.get(`/api/v1/surveys/${slug}`)).json();
  const wave = survey.waves[0].id;
  for (const heard of ['yes', 'yes', 'yes', 'yes', 'yes', 'no']) {
    const res = await request.post(`/api/v1/surveys/${slug}/waves/${wave}/responses`, {
      data: { answers: answers(heard) }
    });
    expect(res.status()).toBe(202);
  }
  const bad = await request.post(`/api/v1/surveys/${slug}/waves/${wave}/responses?lang=en`, {
    data: { answers: { ...answers('yes'), ghost: 'x' } }
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fields.ghost).toBe('This question is not part of the survey.');

  const results = await (await request.get(`/api/v1/surveys/${slug}/results?weighting=none`)).json();
  const heard = results.questions.find((q: { question: string }) => q.question === 'heard_recently');
  expect(heard.base_n).toBe(6);
  expect(heard.answers.find((a: { code: string }) => a.code === 'yes')).toMatchObject({ n: 5 });
  expect(heard.answers.find((a: { code: string }) => a.code === 'no')).toMatchObject({ n: null, suppressed: true });

  await signInAs(page, 'analyst');
  await page.goto(`/admin/surveys/${survey.id}/results?weighting=none`);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Last ned (for ansatte, ingen tall skjult)' })
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Svarene i runden (CSV, én rad per svar)' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(csv[0]).toMatch(/^response_id,iso_week,source,sex,age_group,county,/);
  expect(csv).toHaveLength(7);
  expect(csv.filter((l) => l.split(',').includes('no'))).toHaveLength(1);
  const json = await (await page.request.get(`/admin/surveys/${survey.id}/export/results.json?weighting=none`)).json();
  const staffHeard = json.questions.find((q: { question: string }) => q.question === 'heard_recently');
  expect(staffHeard.answers.find((a: { code: string }) => a.code === 'no')).toMatchObject({ n: 1, suppressed: false });
});

test('the exports are for staff only', async ({ request }) => {
  const slug = publishedTemplateCopy();
  const survey = await (await request.get(`/api/v1/surveys/${slug}`)).json();
  const res = await request.get(`/admin/surveys/${survey.id}/export/responses.csv`, { maxRedirects: 0 });
  expect(res.status()).toBeGreaterThanOrEqual(300);
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).not.toContain('response_id');
});
