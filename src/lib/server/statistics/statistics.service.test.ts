import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { verifyAuditLog } from '../audit/audit.service';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ZImportForm, ZIndicatorForm, ZValueForm } from '../../schemas/statistics';
import { parseJsonStat } from './jsonstat';
import { getBarometer } from './statistics.barometer';
import { seriesToCsv, seriesToJsonStat } from './statistics.export';
import { loadStatisticsSeed, readShippedCsv, reportValues } from './statistics.seed';
import { createIndicator, enterValue, getAttrition, getSeries, importFile, listIndicators } from './statistics.service';

let ctx: AppContext;
let admin: TSessionUser;
let editor: TSessionUser;
let caseHandler: TSessionUser;

const fixture = readFileSync(new URL('./fixtures/ssb-police-reports.jsonstat.json', import.meta.url), 'utf8');
const fixtureSource = {
  sourceTitle: 'KOMs tilstandsrapporter (testdatasett)',
  sourcePublisher: 'Koordineringsenheten for ofre for menneskehandel'
};
const importForm = (over: Record<string, string>) => ZImportForm.parse({ format: 'jsonstat', ...over });
const file = (text: string) => ({ text, bytes: Buffer.byteLength(text) });

async function newIndicator(slug: string, breakdowns = 'total | I alt | Total\nwomen | Kvinner | Women') {
  await createIndicator(
    ctx.db,
    editor,
    ZIndicatorForm.parse({
      slug,
      nameNb: 'Testindikator',
      nameEn: 'Test indicator',
      definitionNb: 'Definisjon',
      definitionEn: 'Definition',
      unitNb: 'personer',
      unitEn: 'persons',
      chartKind: 'line',
      breakdowns
    })
  );
  return slug;
}

beforeAll(async () => {
  ctx = await openTestApp();
  ({ admin } = await setUpAdmin(ctx));
  editor = await createStaffUser(ctx, admin, 'editor');
  // A case handler's memberships come from the same invite flow; only the role matters here.
  caseHandler = { ...editor, roles: ['case_handler'], memberships: [] };
});
afterAll(() => ctx.close());

describe('the shipped figures', () => {
  it('loads every CSV row and every report figure on start, each with its source', async () => {
    const indicators = await listIndicators(ctx.db);
    const total = indicators.reduce((n, i) => n + i.valueCount, 0);
    expect(total).toBe(readShippedCsv().length + reportValues.length);
    const reports = await getSeries(ctx.db, 'police_reports_trafficking');
    for (const v of reports.values) expect(v.source.title.length).toBeGreaterThan(0);
    // 2014 total from Aftenposten; 2015 and 2016 have no value (an honest gap, not a zero).
    expect(reports.values.find((v) => v.periodTo === 2014 && v.breakdown === 'total')?.value).toBe(106);
    expect(reports.values.some((v) => v.periodTo === 2015 || v.periodTo === 2016)).toBe(false);
  });

  it('keeps the 2017 disagreement between NRK and the source report as two values', async () => {
    const s = await getSeries(ctx.db, 'reports_dismissed_henlagt');
    const y2017 = s.values.filter((v) => v.periodTo === 2017);
    expect(y2017.map((v) => [v.value, v.source.publisher]).sort()).toEqual([
      [40, 'Lightup Norge'],
      [43, 'NRK']
    ]);
  });

  it('stores an approximate figure as an explicit gap with the source’s words', async () => {
    const s = await getSeries(ctx.db, 'possible_victims_identified_first_time');
    expect(s.values).toHaveLength(1);
    expect(s.values[0]).toMatchObject({ value: null, periodTo: 2016 });
    expect(s.values[0].note).toContain('i underkant av 100');
  });

  it('is idempotent: loading again adds nothing', async () => {
    const before = (await listIndicators(ctx.db)).reduce((n, i) => n + i.valueCount, 0);
    await loadStatisticsSeed(ctx.db);
    await ctx.db.deleteFrom('stat_value').where('note', 'like', '%underkant%').execute();
    await loadStatisticsSeed(ctx.db);
    const after = (await listIndicators(ctx.db)).reduce((n, i) => n + i.valueCount, 0);
    expect(after).toBe(before);
  });
});

describe('the attrition funnel', () => {
  it('gives the chain per year with missing stages named, and the long-run share under 8 %', async () => {
    const a = await getAttrition(ctx.db);
    const y2017 = a.years.find((y) => y.year === 2017)!;
    expect(y2017.stages.reports?.values).toEqual([46]);
    expect(y2017.stages.completed?.values).toEqual([44]);
    expect(y2017.stages.prosecuted?.values).toEqual([1]);
    expect(y2017.missing).toEqual(['convictions']);
    const y2023 = a.years.find((y) => y.year === 2023)!;
    expect(y2023.convictionShare).toBe(0);
    expect(a.yearsWithout).toEqual(expect.arrayContaining([2015, 2016, 2020, 2021, 2022]));
    expect(a.longRun.share).toBeLessThan(0.08);
  });
});

describe('entering values', () => {
  it('refuses a value without a source, naming the fields', async () => {
    const parsed = ZValueForm.safeParse({ breakdown: 'total', period: '2020', value: '5' });
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['sourceTitle', 'sourcePublisher']));
  });

  it('refuses a web source without the date it was read', () => {
    const parsed = ZValueForm.safeParse({
      breakdown: 'total',
      period: '2020',
      value: '5',
      sourceTitle: 'T',
      sourcePublisher: 'P',
      sourceUrl: 'https://example.org/x'
    });
    expect(parsed.error?.issues.map((i) => i.path[0])).toEqual(['sourceAccessedOn']);
  });

  it('refuses an unknown breakdown, a non-numeric value and a year out of range', async () => {
    const slug = await newIndicator('test_refusals');
    const base = { sourceTitle: 'T', sourcePublisher: 'P' };
    const e1 = await errorOf(
      enterValue(ctx.db, editor, slug, ZValueForm.parse({ ...base, breakdown: 'nope', period: '2020', value: '1' }))
    );
    expect(e1.fields).toEqual({ breakdown: 'stats.error.unknownBreakdown' });
    const e2 = await errorOf(
      enterValue(
        ctx.db,
        editor,
        slug,
        ZValueForm.parse({ ...base, breakdown: 'total', period: '2020', value: 'mange' })
      )
    );
    expect(e2.fields).toEqual({ value: 'stats.error.value' });
    const e3 = await errorOf(
      enterValue(ctx.db, editor, slug, ZValueForm.parse({ ...base, breakdown: 'total', period: '1989', value: '1' }))
    );
    expect(e3.fields).toEqual({ period: 'stats.error.yearRange' });
    const e4 = await errorOf(
      enterValue(ctx.db, editor, slug, ZValueForm.parse({ ...base, breakdown: 'total', period: '2020', value: '' }))
    );
    expect(e4.fields).toEqual({ note: 'stats.error.gapNeedsNote' });
    expect((await getSeries(ctx.db, slug)).values).toHaveLength(0);
  });

  it('keeps a different figure from another source beside the first, and corrects the same source', async () => {
    const slug = await newIndicator('test_conflicts');
    const v = (value: string, sourceTitle: string) =>
      ZValueForm.parse({ breakdown: 'total', period: '2021', value, sourceTitle, sourcePublisher: 'P' });
    expect(await enterValue(ctx.db, editor, slug, v('10', 'A'))).toMatchObject({ insert: 1 });
    expect(await enterValue(ctx.db, editor, slug, v('12', 'B'))).toMatchObject({ insert: 1, conflicts: 1 });
    expect(await enterValue(ctx.db, editor, slug, v('11', 'A'))).toMatchObject({ update: 1 });
    expect(await enterValue(ctx.db, editor, slug, v('11', 'A'))).toMatchObject({ unchanged: 1 });
    const values = (await getSeries(ctx.db, slug)).values.map((x) => [x.source.title, x.value]).sort();
    expect(values).toEqual([
      ['A', 11],
      ['B', 12]
    ]);
  });

  it('lets only editors, analysts and administrators change statistics', async () => {
    const e = await errorOf(newIndicatorAs(caseHandler));
    expect(e.code).toBe('forbidden');
  });
});

function newIndicatorAs(actor: TSessionUser) {
  return createIndicator(
    ctx.db,
    actor,
    ZIndicatorForm.parse({
      slug: 'test_forbidden',
      nameNb: 'x',
      nameEn: 'x',
      definitionNb: 'x',
      definitionEn: 'x',
      unitNb: 'x',
      unitEn: 'x',
      chartKind: 'bar',
      breakdowns: 'total | I alt | Total'
    })
  );
}

describe('JSON-stat import', () => {
  it('previews the SSB-shaped fixture without writing, then imports it once, idempotently', async () => {
    const slug = await newIndicator(
      'test_jsonstat',
      'total | I alt | Total\nsexual | Seksuell | Sexual\nforced_labour | Tvangsarbeid | Forced labour'
    );
    const form = importForm(fixtureSource);
    const dry = await importFile(ctx.db, editor, slug, form, file(fixture), false);
    expect(dry.read.issues).toEqual([]);
    expect(dry.read.breakdownDimension).toBe('Utnytting');
    expect(dry.plan?.counts).toEqual({ insert: 12, update: 0, unchanged: 0, conflicts: 0 });
    expect((await getSeries(ctx.db, slug)).values).toHaveLength(0);
    const first = await importFile(ctx.db, editor, slug, form, file(fixture), true);
    expect(first.plan?.counts.insert).toBe(12);
    const again = await importFile(ctx.db, editor, slug, form, file(fixture), true);
    expect(again.plan?.counts).toEqual({ insert: 0, update: 0, unchanged: 12, conflicts: 0 });
    const s = await getSeries(ctx.db, slug);
    expect(s.values.find((v) => v.periodTo === 2014 && v.breakdown === 'forced_labour')?.value).toBe(68);
    expect(s.values.filter((v) => v.value === null)).toHaveLength(6);
  });

  it('refuses a size/value mismatch, an unknown dimension and a category that is not a breakdown, writing nothing', async () => {
    const slug = await newIndicator('test_jsonstat_bad');
    const form = importForm(fixtureSource);
    const ds = JSON.parse(fixture);
    const mismatch = await importFile(
      ctx.db,
      editor,
      slug,
      form,
      file(JSON.stringify({ ...ds, value: ds.value.slice(1) })),
      true
    );
    expect(mismatch.read.issues[0]).toMatchObject({
      message: 'stats.jsonstat.error.sizeMismatch',
      params: { values: '11', cells: '12' }
    });
    const extra = await importFile(
      ctx.db,
      editor,
      slug,
      form,
      file(JSON.stringify({ ...ds, dimension: { ...ds.dimension, Region: ds.dimension.Tid } })),
      true
    );
    expect(extra.read.issues[0]).toMatchObject({
      message: 'stats.jsonstat.error.unknownDimension',
      params: { dimension: 'Region' }
    });
    const unknownCategory = await importFile(ctx.db, editor, slug, form, file(fixture), true);
    expect(unknownCategory.read.issues[0]).toMatchObject({ message: 'stats.jsonstat.error.unknownCategory' });
    expect(unknownCategory.applied).toBe(false);
    expect((await getSeries(ctx.db, slug)).values).toHaveLength(0);
  });

  it('maps SSB-style category codes to breakdowns through the form’s category map', async () => {
    const slug = await newIndicator(
      'test_jsonstat_map',
      'total | I alt | Total\nsexual | Seksuell | Sexual\nforced_labour | Tvangsarbeid | Forced labour'
    );
    const ds = JSON.parse(fixture);
    ds.dimension.Utnytting.category = {
      index: { '00': 0, '01': 1, '02': 2 },
      label: { '00': 'Alle former', '01': 'Seksuell utnytting', '02': 'Arbeid' }
    };
    const unmapped = await importFile(ctx.db, editor, slug, importForm(fixtureSource), file(JSON.stringify(ds)), false);
    expect(unmapped.read.issues[0]).toMatchObject({ message: 'stats.jsonstat.error.unknownCategory' });
    const form = importForm({ ...fixtureSource, categoryMap: '00 = total\n01 = sexual\n02 = forced_labour' });
    const r = await importFile(ctx.db, editor, slug, form, file(JSON.stringify(ds)), true);
    expect(r.read.issues).toEqual([]);
    const s = await getSeries(ctx.db, slug);
    expect(s.values.find((v) => v.periodTo === 2023 && v.breakdown === 'sexual')?.value).toBe(17);
    expect(ZImportForm.safeParse({ format: 'csv', categoryMap: 'no equals sign' }).success).toBe(false);
  });

  it('refuses a file over the limit before parsing it', async () => {
    const e = await errorOf(
      importFile(
        ctx.db,
        editor,
        'police_reports_trafficking',
        importForm(fixtureSource),
        { text: '{', bytes: 300 * 1024 },
        false
      )
    );
    expect(e.code).toBe('payload_too_large');
  });

  it('requires a source for rows that carry none', async () => {
    const r = await importFile(ctx.db, editor, 'police_reports_trafficking', importForm({}), file(fixture), false);
    expect(r.read.issues.some((i) => i.message === 'stats.import.error.noSource')).toBe(true);
  });
});

describe('downloads round-trip', () => {
  it('re-imports its own JSON-stat export with every source, changing nothing', async () => {
    const series = await getSeries(ctx.db, 'police_reports_trafficking');
    const ds = seriesToJsonStat(series, 'nb', new Date().toISOString());
    expect(parseJsonStat(JSON.stringify(ds)).ok).toBe(true);
    const r = await importFile(
      ctx.db,
      editor,
      'police_reports_trafficking',
      importForm({}),
      file(JSON.stringify(ds)),
      true
    );
    expect(r.read.issues).toEqual([]);
    expect(r.plan?.counts).toEqual({
      insert: 0,
      update: 0,
      unchanged: series.values.length,
      conflicts: expect.any(Number)
    });
  });

  it('re-imports its own CSV export, changing nothing, and the copy into a new indicator is equal', async () => {
    const series = await getSeries(ctx.db, 'reports_dismissed_henlagt');
    const csv = seriesToCsv(series, 'nb');
    const r = await importFile(
      ctx.db,
      editor,
      'reports_dismissed_henlagt',
      importForm({ format: 'csv' }),
      file(csv),
      true
    );
    expect(r.read.issues).toEqual([]);
    expect(r.plan?.counts.unchanged).toBe(series.values.length);
    const slug = await newIndicator('test_csv_copy', 'total | I alt | Total');
    await importFile(ctx.db, editor, slug, importForm({ format: 'csv' }), file(csv), true);
    const copy = await getSeries(ctx.db, slug);
    const strip = (s: typeof series) =>
      s.values.map((v) => [v.breakdown, v.periodFrom, v.periodTo, v.value, v.note, v.source.title]).sort();
    expect(strip(copy)).toEqual(strip(series));
  });

  it('maps CSV columns and categories: semicolons, Norwegian headers, labels and a category map', async () => {
    const slug = await newIndicator('test_csv_map');
    const csv = 'år;kjønn;antall;merknad\n2019;Kvinner;12,5;\n2020;K;3;kodet\n2021;I alt;..;ingen tall\n';
    const form = importForm({
      format: 'csv',
      ...fixtureSource,
      breakdownColumn: 'kjønn',
      valueColumn: 'antall',
      noteColumn: 'merknad',
      categoryMap: 'K = women'
    });
    const r = await importFile(ctx.db, editor, slug, form, file(csv), true);
    expect(r.read.issues).toEqual([]);
    expect(r.read.mapping.periodColumn).toBe('år');
    const values = (await getSeries(ctx.db, slug)).values.map((v) => [v.periodTo, v.breakdown, v.value, v.note]);
    expect(values).toEqual([
      [2019, 'women', 12.5, ''],
      [2020, 'women', 3, 'kodet'],
      [2021, 'total', null, 'ingen tall']
    ]);
  });

  it('names the row of a bad CSV line and writes nothing', async () => {
    const slug = await newIndicator('test_csv_bad');
    const csv = 'year,value,breakdown\n2019,5,total\n2020,fem,total\n1980,3,total\n2021,2,children\n';
    const r = await importFile(ctx.db, editor, slug, importForm({ format: 'csv', ...fixtureSource }), file(csv), true);
    expect(r.read.issues.map((i) => [i.ref, i.field])).toEqual([
      ['3', 'value'],
      ['4', 'period'],
      ['5', 'breakdown']
    ]);
    expect(r.applied).toBe(false);
    expect((await getSeries(ctx.db, slug)).values).toHaveLength(0);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditLog(ctx.db)).ok).toBe(true);
  });
});

describe('the prevention barometer', () => {
  it('says plainly which modules have no data, and gives the statistics tile its counts and date', async () => {
    const tiles = await getBarometer(ctx.db, 'nb');
    expect(tiles.find((t) => t.module === 'surveys')).toMatchObject({ status: 'no_data', href: null, figures: [] });
    expect(tiles.find((t) => t.module === 'check')).toMatchObject({ status: 'no_data', href: '/check' });
    const stats = tiles.find((t) => t.module === 'statistics')!;
    expect(stats.status).toBe('data');
    expect(stats.lastUpdated).not.toBeNull();
    expect(Number(stats.figures[1].value)).toBeGreaterThan(0);
  });
});
