// Public page render time and JavaScript bytes per public page (gzip), for every public route (issue 11).
// The pages come from the permission matrix (bench/public-pages.ts); each is requested one at a time against
// the running production build (server time: request to the last byte of the HTML, on loopback), then loaded
// once in Debian's Chromium to weigh the scripts it downloads (bench/page-weight.js). The baseline of the same
// run is the bare node:http server's one-select read (bench/baseline-server.js), requested the same way.
// Usage: npx tsx bench/pages.ts <app url> [--baseline <baseline url>] [--n 50] [--no-js]
// Paths that name fixtures ({plan}, {surveySlug}…) are filled from the app's database: DATABASE_URL (or
// BENCH_APP_DATABASE_URL, which `npm run bench` sets) must be the database the app runs on.
import { openApp, type AppContext } from '../src/lib/server/app';
import type { TSessionUser } from '../src/lib/server/auth/auth.types';
import { loadConfig } from '../src/lib/server/config';
import { createStaffUser, setUpOrFindAdmin } from '../src/lib/server/testing/fixtures';
import { createCampaign, setCampaignPublished } from '../src/lib/server/campaigns/campaigns.service';
import { addMaterialFile } from '../src/lib/server/campaigns/materials.service';
import { publishSurvey, saveWave } from '../src/lib/server/surveys/surveys.service';
import { TEMPLATE_SLUG } from '../src/lib/server/surveys/surveys.template';
import { emit, quantile, round } from './contract.js';
import { measurePageScripts } from './page-weight.js';
import { describeTarget, pageTarget, publicPages } from './public-pages';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const base = args[0]?.startsWith('http') ? args[0].replace(/\/$/, '') : 'http://127.0.0.1:3000';
const baselineUrl = option('baseline', '');
const n = Number(option('n', '50'));
const weighJs = !args.includes('--no-js');

/** Sequential requests to `url`: server time of each (ms), after a warm-up. */
async function timeRequests(url: string, count: number) {
  const get = () => fetch(url, { headers: { accept: 'text/html' }, redirect: 'manual' });
  for (let i = 0; i < Math.min(5, count); i++) await (await get()).arrayBuffer();
  const times: number[] = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await get();
    const body = await res.arrayBuffer();
    times.push(performance.now() - t0);
    status = res.status;
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { status, bytes, p50: round(quantile(times, 0.5), 2), p95: round(quantile(times, 0.95), 2) };
}

/** The values the matrix's paths name, from the app's database (a published survey with an open wave is made). */
async function fixtures(databaseUrl: string | undefined): Promise<{ values: Record<string, string>; notes: string[] }> {
  const values: Record<string, string> = {
    directoryEntry: '76370803-3ab9-4f2e-9fba-2053bc6ab305',
    bogusToken: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
  };
  const notes: string[] = [];
  if (!databaseUrl) return { values, notes: ['no DATABASE_URL: pages that name other fixtures are not measured'] };
  const ctx = await openApp(loadConfig({ ...process.env, DATABASE_URL: databaseUrl }));
  try {
    values.plan = (await ctx.db.selectFrom('ap_plan').select('slug').orderBy('slug').executeTakeFirstOrThrow()).slug;
    values.measure = (await ctx.db.selectFrom('ap_measure').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    values.greta = (
      await ctx.db.selectFrom('ap_greta_recommendation').select('code').orderBy('code').executeTakeFirstOrThrow()
    ).code;
    // The seeded survey template, published with a wave open now (the bench database is its own).
    const survey = await ctx.db
      .selectFrom('survey')
      .select('id')
      .where('slug', '=', TEMPLATE_SLUG)
      .executeTakeFirstOrThrow();
    const open = await ctx.db
      .selectFrom('survey_wave')
      .select('id')
      .where('survey_id', '=', survey.id)
      .executeTakeFirst();
    const admin = await setUpOrFindAdmin(ctx);
    if (!open) {
      await publishSurvey(ctx.db, admin, survey.id);
      await saveWave(ctx.db, admin, survey.id, {
        name: 'Benchmark',
        opens_on: '2020-01-01',
        closes_on: '2099-12-31',
        method: 'campaign_link',
        method_note_nb: '',
        method_note_en: '',
        quotas: []
      });
    }
    values.surveySlug = TEMPLATE_SLUG;
    Object.assign(values, await publishedCampaign(ctx, admin, survey.id));
  } catch (e) {
    notes.push(`fixtures: ${(e as Error).message}`);
  } finally {
    await ctx.close();
  }
  return { values, notes };
}

/** A published campaign on the template survey with one material file (made once per bench database). */
async function publishedCampaign(ctx: AppContext, admin: TSessionUser, surveyId: string) {
  const existing = await ctx.db
    .selectFrom('campaign')
    .innerJoin('campaign_material_file', 'campaign_material_file.campaign_id', 'campaign.id')
    .select(['campaign.slug as campaignSlug', 'campaign_material_file.id as campaignFile'])
    .where('campaign.published_at', 'is not', null)
    .executeTakeFirst();
  if (existing) return existing;
  const analyst = await createStaffUser(ctx, admin, 'analyst');
  const editor = await createStaffUser(ctx, admin, 'editor');
  const campaign = await createCampaign(ctx.db, analyst, {
    name: 'Benchmark campaign',
    goal: 'Raise awareness of trafficking in services people buy',
    targetGroup: 'Adults 16+',
    sectors: [],
    channels: ['posters'],
    startsOn: '2026-09-01',
    endsOn: '2026-10-15',
    budget: 100_000,
    indicator: `${surveyId}|heard_recently|yes`,
    sdgTargets: ['8.7'],
    measureIds: [],
    partners: '',
    materials: [],
    design: 'before_after',
    baselineWave: '',
    followupWave: '',
    exposure: '',
    sourceCodes: [],
    weighting: 'none'
  });
  await setCampaignPublished(ctx.db, editor, campaign.id, true);
  // A 1×1 PNG, as in the permission matrix.
  const bytes = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64'
  );
  const file = await addMaterialFile(ctx.db, analyst, campaign.id, {
    title: 'Poster',
    altNb: 'En plakat',
    altEn: 'A poster',
    file: { name: 'poster.png', bytes }
  });
  return { campaignSlug: campaign.slug, campaignFile: file.id };
}

const { values, notes } = await fixtures(process.env.BENCH_APP_DATABASE_URL ?? process.env.DATABASE_URL);
const pages = publicPages.map((p) => {
  const missing = [...p.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((k) => values[k] === undefined);
  return { ...p, missing, url: base + p.path.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '') };
});

const t0 = performance.now();
const baseline = baselineUrl ? await timeRequests(`${baselineUrl.replace(/\/$/, '')}/read`, n) : null;
const timed = [];
for (const p of pages) timed.push(p.missing.length ? null : await timeRequests(p.url, n));
process.stderr.write(`  ${pages.length} pages timed in ${round((performance.now() - t0) / 1000)} s\n`);
const weights = weighJs ? await measurePageScripts(pages.filter((p) => !p.missing.length).map((p) => p.url)) : [];
process.stderr.write(`  JavaScript weighed in ${round((performance.now() - t0) / 1000)} s\n`);
const weightOf = new Map(weights.map((w: { page: string; scripts: number; gzipBytes: number }) => [w.page, w]));

const rows = pages.map((p, i) => {
  const t = timed[i];
  const target = pageTarget(p.route);
  if (!t)
    return {
      name: p.path,
      value: null,
      unit: 'ms',
      figure: `not measured: no fixture ${p.missing.map((k) => `{${k}}`).join(', ')}`,
      baseline: null,
      target: 'measured',
      met: false
    };
  const w = weightOf.get(p.url);
  const jsKB = w ? round(w.gzipBytes / 1024, 1) : null;
  const renderMet = target?.renderMs === undefined ? true : t.p50 < target.renderMs;
  const jsMet = target?.jsKB === undefined || jsKB === null ? true : jsKB <= target.jsKB;
  const ok = t.status < 500;
  return {
    name: p.path,
    value: t.p50,
    unit: 'ms',
    figure:
      `render p50 ${t.p50} ms (p95 ${t.p95}), ${round(t.bytes / 1024, 1)} KB HTML` +
      (jsKB === null ? '' : `; JS ${jsKB} KB gzip in ${w?.scripts} scripts`) +
      (t.status === 200 ? '' : `; answer ${t.status}`),
    baseline: baseline?.p50 ?? null,
    baselineLabel: 'ms, bare read p50',
    ratio: baseline && baseline.p50 > 0 ? round(t.p50 / baseline.p50, 1) : null,
    target: describeTarget(target) ?? (ok ? null : 'no 5xx'),
    met: !ok ? false : target ? renderMet && jsMet && (target.jsKB === undefined || jsKB !== null) : null
  };
});

emit({
  scenario: 'public pages',
  rows,
  details: {
    requestsPerPage: n,
    baselineRead: baseline,
    notes,
    pages: pages.map((p, i) => ({
      route: p.route,
      path: p.path,
      ...(timed[i] ?? { missing: p.missing }),
      js: weightOf.get(p.url) ?? null
    }))
  }
});
