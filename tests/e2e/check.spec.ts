import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, field } from './helpers';

const sectors = [
  'car-wash',
  'beauty-salon',
  'cleaning',
  'construction',
  'food-agriculture',
  'restaurant',
  'buying-sex'
];

/** Answers question n (0-based) of the checklist form with the label given ("Ja", "Nei", "Vet ikke"…). */
async function answer(page: Page, n: number, label: string) {
  await page.locator('fieldset:has(input[type="radio"][name^="q-"])').nth(n).getByLabel(label, { exact: true }).check();
}
async function answerAll(page: Page, label: string) {
  const count = await page.locator('fieldset:has(input[type="radio"][name^="q-"])').count();
  for (let i = 0; i < count; i++) await answer(page, i, label);
}

for (const path of ['/check', '/en/check']) {
  test(`${path} lists every sector, says what is stored, and has no serious axe violations`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', path.startsWith('/en') ? 'en' : 'nb');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    for (const sector of sectors) await expect(page.locator(`a[href$="/check/${sector}"]`)).toHaveCount(1);
    await expect(
      page.getByRole('heading', { name: path === '/check' ? 'Dette lagrer vi' : 'What we store' })
    ).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
}

for (const sector of sectors) {
  for (const prefix of ['', '/en']) {
    test(`${prefix}/check/${sector} renders with sources and no serious axe violations`, async ({ page }) => {
      const response = await page.goto(`${prefix}/check/${sector}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('heading', { name: prefix ? 'Sources' : 'Kilder' })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    });
  }
}

test('every scored sector in both languages: the page scores as the server does and counts the check', async ({
  page
}) => {
  test.setTimeout(120_000);
  for (const sector of sectors.filter((x) => x !== 'buying-sex')) {
    for (const [prefix, yes, no] of [
      ['', 'Ja', 'Nei'],
      ['/en', 'Yes', 'No']
    ]) {
      await page.goto(`${prefix}/check/${sector}`);
      await answerAll(page, yes);
      await answer(page, 1, no);
      const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/checks') && r.request().method() === 'POST');
      await page.locator('#check-form button[type="submit"]:not([formaction])').click();
      const response = await sent;
      expect(response.status(), `${prefix}/check/${sector}`).toBe(200);
      const server = await response.json();
      expect(server.stored).toBe(true);
      // The level shown is the one the page computed; the server scored the same answers to the same level.
      await expect(page.locator('[data-level]')).toHaveAttribute('data-level', server.level);
      await expect(page.locator('input[name="indicators"]')).toHaveValue(
        server.triggered.map((i: { id: string }) => i.id).join(',')
      );
      await expect(page.locator('html')).toHaveAttribute('lang', prefix ? 'en' : 'nb');
    }
  }
});

test('a car-wash check with a child working gives strong signs, the reasons and the official channels', async ({
  page
}) => {
  await page.goto('/check/car-wash');
  await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Bergen' });
  await answerAll(page, 'Nei');
  await answer(page, 2, 'Ja'); // got a receipt
  await answer(page, 6, 'Ja'); // a child working
  // With JavaScript the page scores the check itself and sends only the anonymous aggregate.
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/checks') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Se resultatet' }).click();
  const posted = await sent;
  expect(posted.status()).toBe(200);
  expect(posted.request().postDataJSON()).toMatchObject({ sector: 'car-wash', municipality: '4601' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Resultat: Bilvask og bilpleie');
  await expect(page).toHaveTitle('Resultat: Bilvask og bilpleie – Forebygg');
  await expect(page.locator('#result-level')).toBeFocused();
  // The hand-off to the report form carries this check's findings, and only one level is shown.
  await expect(page.locator('input[name="indicators"]')).toHaveValue(/child/);
  await expect(page.locator('form[action$="/report?/start"] input[name="municipality"]')).toHaveValue('4601');
  await expect(page.locator('[data-level]')).toHaveCount(1);
  await expect(page.locator('[data-stored]')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: /Nivå:\s*Sterke tegn/ })).toBeVisible();
  await expect(page.getByText('Et barn ser ut til å arbeide der')).toBeVisible();
  await expect(page.getByText('Ett av disse tegnene er alene nok')).toBeVisible();
  await expect(page.getByText('Ikke konfronter arbeiderne eller lederen')).toBeVisible();
  await expect(page.locator('a[href="tel:112"]')).toBeVisible();
  await expect(page.locator('a[href="tel:02800"]')).toBeVisible();
  await expect(page.getByText('Sjekken er telt anonymt')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('an English cleaning check in demo mode: a firm outside the register gives some signs, nothing counted', async ({
  page
}) => {
  await page.goto('/en/check/cleaning');
  await page.getByLabel('Try it without it counting (demo)').check();
  await answerAll(page, 'No');
  await answer(page, 1, 'Yes'); // has HMS cards
  await page.getByRole('button', { name: 'See the result' }).click();
  await expect(page.getByRole('heading', { name: /Level:\s*Some signs/ })).toBeVisible();
  await expect(page.getByText('The firm is not approved in the cleaning register')).toBeVisible();
  await expect(page.getByText('Demo: this check was not stored or counted.')).toBeVisible();
  await expect(page.getByText("Check the firm in Arbeidstilsynet's cleaning register")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('a missing answer brings the form back with the question marked, in an accessible way', async ({ page }) => {
  await page.goto('/check/restaurant');
  await answer(page, 0, 'Nei');
  await page.getByRole('button', { name: 'Se resultatet' }).click();
  await expect(page.getByRole('alert').getByText('Svar ja, nei eller vet ikke.').first()).toBeVisible();
  await expect(page.locator('#field-q-price-far-below')).toHaveClass(/fieldset--error/);
  await expect(
    page.locator('fieldset:has(input[type="radio"][name^="q-"])').nth(0).getByLabel('Nei', { exact: true })
  ).toBeChecked();
  await expectNoSeriousAxeViolations(page);
});

test('check pages ship at most 30 KB of JavaScript (gzip): one small script, no SvelteKit client', async ({ page }) => {
  for (const path of ['/check', '/en/check/construction', '/check/ask-a-company']) {
    const scripts: Promise<Buffer>[] = [];
    const onResponse = (r: import('@playwright/test').Response) => {
      if (r.request().resourceType() === 'script') scripts.push(r.body());
    };
    page.on('response', onResponse);
    await page.goto(path, { waitUntil: 'networkidle' });
    page.off('response', onResponse);
    const bodies = await Promise.all(scripts);
    const gzip = bodies.reduce((sum, b) => sum + gzipSync(b).length, 0);
    expect(bodies.length, path).toBe(1);
    // The script keeps the shell's double-Escape quick exit, and says so.
    await expect(page.locator('#quick-exit-hint')).toContainText(/Esc/);
    expect(gzip, path).toBeLessThanOrEqual(30 * 1024);
  }
});

test('an unknown sector answers 404 with the list of sectors', async ({ page }) => {
  const response = await page.goto('/check/spa');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fant ikke bransjen');
  await expect(page.getByRole('link', { name: 'Bilvask og bilpleie' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('buying sex: no checklist and no score, the law and where help is', async ({ page }) => {
  await page.goto('/check/buying-sex');
  await expect(page.getByText('Sexkjøpsloven fra 2008')).toBeVisible();
  await expect(page.locator('form[action="?/score"]')).toHaveCount(0);
  await expect(page.locator('a[href="tel:22331160"]')).toBeVisible();
});

test('ask a company: writes an åpenhetsloven letter in English to copy, download or e-mail', async ({ page }) => {
  await page.goto('/check/ask-a-company');
  await field(page, 'Selskapets navn').fill('Eksempel AS');
  await field(page, 'Selskapets organisasjonsnummer (valgfritt)').fill('974 760 673');
  await field(page, 'Varen eller tjenesten du spør om').fill('Bilvask på stasjonen i Storgata');
  await page.getByLabel('Engelsk').check();
  await page.getByRole('button', { name: 'Lag brevet' }).click();
  const text = page.getByLabel('Brevtekst');
  await expect(text).toHaveValue(/section 6 of the Norwegian Transparency Act/);
  await expect(text).toHaveValue(/Organisation number: 974760673/);
  await expect(page.getByRole('link', { name: 'Åpne i e-postprogrammet' })).toHaveAttribute(
    'href',
    /^mailto:\?subject=/
  );
  await expect(page.getByRole('button', { name: 'Kopier teksten' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.goto('/en/check/ask-a-company');
  await expectNoSeriousAxeViolations(page);
});

test('the API scores a check and publishes suppressed aggregates', async ({ request }) => {
  const list = await (await request.get('/api/v1/checklists')).json();
  expect(list.data).toHaveLength(7);
  const doc = await (await request.get('/api/v1/checklists/car-wash')).json();
  const answers = Object.fromEntries(
    doc.questions.map((q: { id: string; riskAnswer: string }) => [q.id, q.riskAnswer === 'yes' ? 'no' : 'yes'])
  );
  const res = await request.post('/api/v1/checks', { data: { sector: 'car-wash', version: doc.version, answers } });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ level: 'low', stored: true });
  const summary = await (await request.get('/api/v1/checks/summary?sector=car-wash')).json();
  expect(summary.total.display).toMatch(/^(<5|\d+)$/);
  expect(JSON.stringify(summary)).not.toMatch(/"count":[1-4][,}]/);
});

test('offline: a check is scored in the page with no network and counted once back online', async ({
  page,
  context
}) => {
  await page.goto('/check');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.goto('/check/food-agriculture');
  // Offline there is no server to bring the form back: the page marks the missing answer itself.
  await answer(page, 0, 'Nei');
  await page.getByRole('button', { name: 'Se resultatet' }).click();
  await expect(page.getByRole('alert').getByText('Svar ja, nei eller vet ikke.').first()).toBeVisible();
  await expect(page.locator('fieldset:has(input[type="radio"][name^="q-"])').nth(1)).toHaveClass(/fieldset--error/);
  await answerAll(page, 'Nei');
  await answer(page, 2, 'Ja'); // crowded housing
  await page.getByRole('button', { name: 'Se resultatet' }).click();
  await expect(page.getByRole('heading', { name: /Nivå:\s*Noen tegn/ })).toBeVisible();
  await expect(page.getByText('Du er uten nett.')).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('forebygg.check.queue') ?? '[]').length)).toBe(1);

  const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/checks') && r.request().method() === 'POST');
  await context.setOffline(false);
  expect((await sent).status()).toBe(200);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('forebygg.check.queue'))).toBeNull();
});
