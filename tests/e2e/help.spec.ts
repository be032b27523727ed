import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './helpers';

/** Every language issue 14 asks for, with a word of its page's heading in its own script. */
const languages: { code: string; heading: RegExp }[] = [
  { code: 'nb', heading: /Hjelp og rettigheter/ },
  { code: 'en', heading: /Help and your rights/ },
  { code: 'pl', heading: /Pomoc i Twoje prawa/ },
  { code: 'lt', heading: /Pagalba ir jūsų teisės/ },
  { code: 'ro', heading: /Ajutor și drepturile tale/ },
  { code: 'bg', heading: /Помощ и вашите права/ },
  { code: 'uk', heading: /Допомога і ваші права/ },
  { code: 'es', heading: /Ayuda y tus derechos/ },
  { code: 'ar', heading: /المساعدة وحقوقك/ },
  { code: 'ti', heading: /ሓገዝን መሰላትካን/ },
  { code: 'so', heading: /Caawimaad iyo xuquuqdaada/ },
  { code: 'vi', heading: /Trợ giúp và quyền/ },
  { code: 'th', heading: /ความช่วยเหลือและสิทธิ/ }
];

/** The bundled font each script needs, by the family name its @font-face declares. */
const bundledFonts: Record<string, { family: string; sample: string }> = {
  ar: { family: 'Noto Sans Arabic Variable', sample: 'المساعدة' },
  ti: { family: 'Noto Sans Ethiopic Variable', sample: 'ሓገዝ' },
  th: { family: 'Noto Sans Thai Variable', sample: 'ความช่วยเหลือ' }
};

const shots = 'test-results/help-screenshots';
mkdirSync(shots, { recursive: true });

/** The font faces of a family the page has loaded (from this app: nothing comes from the internet). */
async function loadedFaces(page: Page, family: string): Promise<string[]> {
  return page.evaluate(async (family) => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((f) => f.family.replace(/"/g, '') === family && f.status === 'loaded')
      .map((f) => f.family);
  }, family);
}

test('the language choice names each language in its own script and links to its page', async ({ page }) => {
  await page.goto('/help');
  await expect(page.getByRole('heading', { level: 1, name: 'Velg språk' })).toBeVisible();
  const list = page.locator('.help-languages');
  for (const { code } of languages) await expect(list.locator(`a[hreflang="${code}"]`)).toBeVisible();
  await expect(list.locator('a[hreflang="ar"] [lang="ar"]')).toHaveText('العربية');
  await expect(list.locator('a[hreflang="ar"] [lang="ar"]')).toHaveAttribute('dir', 'rtl');
  // Discreet: the site's header that names the subject is not shown, and the title is neutral.
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page).toHaveTitle('Velg språk');
  await expectNoSeriousAxeViolations(page);
  await list.locator('a[hreflang="ti"]').click();
  await expect(page).toHaveURL(/\/help\/ti$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ti');
});

for (const { code, heading } of languages) {
  test(`the ${code} page renders in its language and script, and axe finds nothing serious`, async ({ page }) => {
    await page.goto(`/help/${code}`);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('lang', code);
    if (code === 'ar') await expect(html).toHaveAttribute('dir', 'rtl');
    else expect(await html.getAttribute('dir')).not.toBe('rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    // The contacts come from the one facts file, the same in every language.
    for (const number of ['112', '22 33 11 60', '02800'])
      await expect(page.getByRole('link', { name: number })).toBeVisible();
    await expect(page.locator('.help-status')).toHaveAttribute(
      'data-status',
      code === 'nb' || code === 'en' ? 'source' : /unreviewed|reviewed|needs_review/
    );
    await expect(page.locator('.quick-exit:visible')).toHaveCount(1);
    await expect(page).not.toHaveTitle(/Forebygg|menneskehandel|trafficking/i);
    if (bundledFonts[code]) {
      const { family, sample } = bundledFonts[code];
      // The script's own font was fetched from this app and renders the text: no missing-glyph boxes.
      expect(await loadedFaces(page, family)).not.toHaveLength(0);
      expect(await page.evaluate(([f, s]) => document.fonts.check(`16px "${f}"`, s), [family, sample])).toBe(true);
      const fontFamily = await page
        .getByRole('heading', { level: 1 })
        .evaluate((el) => getComputedStyle(el).fontFamily);
      expect(fontFamily).toContain(family);
    }
    await page.screenshot({ path: `${shots}/page-${code}.png`, fullPage: true });
    await expectNoSeriousAxeViolations(page);
  });

  test(`the ${code} card: ten wallet-size cards with the numbers and a local QR code, on one A4 sheet`, async ({
    page
  }) => {
    await page.goto(`/help/${code}/card`);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    const cards = page.locator('.help-card');
    await expect(cards).toHaveCount(10);
    await expect(cards.first().locator('svg')).toBeVisible();
    await expect(cards.first()).toContainText('22 33 11 60');
    await expect(cards.first().locator('.help-card__qr-code')).toHaveAttribute(
      'aria-label',
      new RegExp(`/help/${code}$`)
    );
    if (bundledFonts[code]) expect(await loadedFaces(page, bundledFonts[code].family)).not.toHaveLength(0);
    await page.screenshot({ path: `${shots}/card-${code}.png`, fullPage: true });
    await expectNoSeriousAxeViolations(page);

    // Printed: only the sheet, within A4's printable area (210 × 297 mm less 10 mm margins), on one page.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.help-card-intro')).toBeHidden();
    const box = (await page.locator('.help-card-sheet').boundingBox())!;
    const mm = 96 / 25.4;
    expect(box.width).toBeLessThanOrEqual(190 * mm + 1);
    expect(box.height).toBeLessThanOrEqual(277 * mm + 1);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });
}

test('an unknown language code leads to the language list, for the page and the card; the API answers 404 with the list', async ({
  page,
  request
}) => {
  for (const path of ['/help/xx', '/help/xx/card', '/en/help/zz']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/help\?unknown$/);
    await expect(page.getByRole('status')).toBeVisible();
    await expect(page.locator('.help-languages a[hreflang="so"]')).toBeVisible();
  }
  const api = await request.get('/api/v1/help/xx?lang=en');
  expect(api.status()).toBe(404);
  const body = await api.json();
  expect(body.message).toBe('We do not have that language.');
  expect(body.languages.map((l: { code: string }) => l.code)).toContain('ti');
});

test('the API serves the languages with their review status and each page as JSON', async ({ request }) => {
  const list = await (await request.get('/api/v1/help/languages')).json();
  expect(list.data).toHaveLength(languages.length);
  expect(list.data.find((l: { code: string }) => l.code === 'nb').status).toBe('source');
  const ar = await (await request.get('/api/v1/help/ar')).json();
  expect(ar.data.dir).toBe('rtl');
  expect(ar.data.contacts.map((c: { id: string }) => c.id)).toEqual(['emergency', 'rosa', 'police', 'labour']);
  expect(Object.keys(ar.data.text)).toEqual(
    Object.keys((await (await request.get('/api/v1/help/nb')).json()).data.text)
  );
  const openapi = await (await request.get('/api/v1/openapi.json')).json();
  expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/help/languages', '/api/v1/help/{lang}']));
});

test('a visited help page opens again offline, from the service worker', async ({ page, context }) => {
  await page.goto('/help/th');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.goto('/help/th/card');
  await page.goto('/help/th');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/ความช่วยเหลือ/);
  expect(await loadedFaces(page, 'Noto Sans Thai Variable')).not.toHaveLength(0);
  await page.goto('/help/th/card');
  await expect(page.locator('.help-card')).toHaveCount(10);
  await context.setOffline(false);
});

test('the page keeps its language after hydration and when moving between languages', async ({ page }) => {
  await page.goto('/help/ar');
  await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
  // Give the site's own effects a moment: they must not reset the language.
  await page.waitForTimeout(300);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await page.locator('nav a[hreflang="vi"]').click();
  await expect(page).toHaveURL(/\/help\/vi$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  expect(await page.locator('html').getAttribute('dir')).not.toBe('rtl');
});
