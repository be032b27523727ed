import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DB, Executor } from '../db/schema';
import { referenceDataDir } from '../reference/reference.service';
import type { TSourceInput } from './statistics.core';
import * as repo from './statistics.repository';

/**
 * The figures shipped with the app: `data/trafficking_statistics_norway.csv` (KOM's status reports as
 * quoted by the police and the press) and the figures of the source report "På tide med handling!"
 * (Lightup Norge). Loaded on every start; a row already stored is left as it is, so the load is
 * idempotent and never overwrites an editor's correction.
 */

interface TSeedBreakdown {
  code: string;
  nb: string;
  en: string;
}

interface TSeedIndicator {
  slug: string;
  nameNb: string;
  nameEn: string;
  definitionNb: string;
  definitionEn: string;
  unitNb: string;
  unitEn: string;
  chartKind: 'line' | 'bar';
  breakdowns: TSeedBreakdown[];
}

const B = {
  total: { code: 'total', nb: 'I alt', en: 'Total' },
  aggravated: { code: 'aggravated', nb: 'Grov menneskehandel', en: 'Aggravated trafficking' },
  sexual: {
    code: 'sexual',
    nb: 'Prostitusjon eller andre seksuelle formål',
    en: 'Prostitution or other sexual purposes'
  },
  forcedLabour: {
    code: 'forced_labour',
    nb: 'Tvangsarbeid eller tvangstjenester',
    en: 'Forced labour or forced services'
  },
  organ: { code: 'organ_trade', nb: 'Organhandel', en: 'Organ trade' },
  unknownForm: { code: 'unknown_form', nb: 'Ukjent form for utnytting', en: 'Form of exploitation unknown' },
  under18: { code: 'under_18', nb: 'Offer under 18 år', en: 'Victim under 18' },
  children: { code: 'children', nb: 'Antatte barn', en: 'Presumed children' },
  women: { code: 'women', nb: 'Kvinner', en: 'Women' },
  men: { code: 'men', nb: 'Menn', en: 'Men' },
  girls: { code: 'girls', nb: 'Jenter', en: 'Girls' },
  boys: { code: 'boys', nb: 'Gutter', en: 'Boys' }
} satisfies Record<string, TSeedBreakdown>;

const KOM_NB =
  'som oppgitt i KOMs årlige tilstandsrapport (Koordineringsenheten for ofre for menneskehandel), gjengitt av politiet og pressen.';
const KOM_EN =
  'as given in the annual status report of KOM (the Norwegian coordination unit for victims of trafficking), quoted by the police and the press.';

export const seedIndicators: TSeedIndicator[] = [
  {
    slug: 'police_reports_trafficking',
    nameNb: 'Anmeldelser av menneskehandel',
    nameEn: 'Police reports of human trafficking',
    definitionNb: `Menneskehandelslovbrudd anmeldt til politiet i året, ${KOM_NB} Fordelt på grov menneskehandel, form for utnytting og offer under 18 år der kilden oppgir det.`,
    definitionEn: `Trafficking offences reported to the police in the year, ${KOM_EN} Broken down by aggravated trafficking, form of exploitation and victims under 18 where the source gives it.`,
    unitNb: 'anmeldelser',
    unitEn: 'reports',
    chartKind: 'line',
    breakdowns: [B.total, B.aggravated, B.sexual, B.forcedLabour, B.organ, B.unknownForm, B.under18]
  },
  {
    slug: 'police_reports_trafficking_share',
    nameNb: 'Andel anmeldelser om seksuell utnytting',
    nameEn: 'Share of reports concerning sexual exploitation',
    definitionNb: `Andelen av årets anmeldelser av menneskehandel som gjaldt prostitusjon eller andre seksuelle tjenester, ${KOM_NB}`,
    definitionEn: `The share of the year's trafficking reports that concerned prostitution or other sexual services, ${KOM_EN}`,
    unitNb: 'prosent',
    unitEn: 'percent',
    chartKind: 'bar',
    breakdowns: [B.sexual]
  },
  {
    slug: 'reports_investigation_completed',
    nameNb: 'Anmeldelser ferdig etterforsket',
    nameEn: 'Reports with a completed investigation',
    definitionNb: `Anmeldelser av menneskehandel som ble ferdig etterforsket og avgjort av påtalemyndigheten i året, også eldre saker, ${KOM_NB}`,
    definitionEn: `Trafficking reports whose investigation was completed and decided by the prosecution in the year, older cases included, ${KOM_EN}`,
    unitNb: 'anmeldelser',
    unitEn: 'reports',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'reports_dismissed_henlagt',
    nameNb: 'Henlagte eller uoppklarte saker',
    nameEn: 'Cases dismissed or unsolved',
    definitionNb:
      'Av de ferdig etterforskede anmeldelsene: sakene som ble henlagt (NRK) eller registrert som uoppklarte (Lightup-rapporten). Kildene bruker ulike ord og oppgir ulike tall for 2017; begge vises side om side.',
    definitionEn:
      'Of the reports with a completed investigation: the cases dismissed (NRK) or registered as unsolved (the Lightup report). The sources use different words and give different figures for 2017; both are shown side by side.',
    unitNb: 'saker',
    unitEn: 'cases',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'reports_solved',
    nameNb: 'Oppklarte saker',
    nameEn: 'Cases solved',
    definitionNb: 'Av de ferdig etterforskede anmeldelsene: sakene som ble registrert som oppklart.',
    definitionEn: 'Of the reports with a completed investigation: the cases registered as solved.',
    unitNb: 'saker',
    unitEn: 'cases',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'reports_leading_to_trial',
    nameNb: 'Saker som gikk videre til siktelse eller rettssak',
    nameEn: 'Cases taken further to a charge or a trial',
    definitionNb:
      'Av de ferdig etterforskede anmeldelsene: sakene som førte til rettssak (NRK) eller siktelse (Lightup-rapporten).',
    definitionEn:
      'Of the reports with a completed investigation: the cases that led to a trial (NRK) or a charge (the Lightup report).',
    unitNb: 'saker',
    unitEn: 'cases',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'new_convictions_trafficking',
    nameNb: 'Nye dommer for menneskehandel',
    nameEn: 'New convictions for human trafficking',
    definitionNb: `Nye dommer for menneskehandel i året, ${KOM_NB}`,
    definitionEn: `New judgments for human trafficking in the year, ${KOM_EN}`,
    unitNb: 'dommer',
    unitEn: 'judgments',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'police_reports_cumulative',
    nameNb: 'Anmeldte menneskehandelssaker over en periode',
    nameEn: 'Trafficking cases reported over a period',
    definitionNb:
      'Alle menneskehandelssaker anmeldt i perioden, etter Statistisk sentralbyrå (SSB) som gjengitt i Lightup-rapporten.',
    definitionEn:
      'All trafficking cases reported in the period, according to Statistics Norway (SSB) as quoted in the Lightup report.',
    unitNb: 'saker',
    unitEn: 'cases',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'convictions_cumulative',
    nameNb: 'Menneskehandelssaker som endte i straff over en periode',
    nameEn: 'Trafficking cases ending in punishment over a period',
    definitionNb: 'Saker som endte i straff fra menneskehandelsforbudet kom i 2003, som oppgitt i Lightup-rapporten.',
    definitionEn:
      'Cases that ended in punishment since the prohibition of trafficking was introduced in 2003, as given in the Lightup report.',
    unitNb: 'saker',
    unitEn: 'cases',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'possible_victims_followed_up',
    nameNb: 'Mulige ofre fulgt opp',
    nameEn: 'Possible victims followed up',
    definitionNb: `Personer som ble fulgt opp som mulige ofre for menneskehandel i året, ${KOM_NB}`,
    definitionEn: `People followed up as possible victims of trafficking in the year, ${KOM_EN}`,
    unitNb: 'personer',
    unitEn: 'persons',
    chartKind: 'bar',
    breakdowns: [B.total, B.children, B.women, B.men]
  },
  {
    slug: 'possible_victims_identified',
    nameNb: 'Mulige ofre identifisert',
    nameEn: 'Possible victims identified',
    definitionNb: `Mulige ofre for menneskehandel identifisert i året, ${KOM_NB}`,
    definitionEn: `Possible victims of trafficking identified in the year, ${KOM_EN}`,
    unitNb: 'personer',
    unitEn: 'persons',
    chartKind: 'bar',
    breakdowns: [B.total, B.women, B.men]
  },
  {
    slug: 'possible_victims_identified_first_time',
    nameNb: 'Mulige ofre identifisert for første gang',
    nameEn: 'Possible victims identified for the first time',
    definitionNb: `Mulige ofre som ble identifisert for første gang i året, ${KOM_NB}`,
    definitionEn: `Possible victims identified for the first time in the year, ${KOM_EN}`,
    unitNb: 'personer',
    unitEn: 'persons',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'presumed_victims_registered',
    nameNb: 'Antatte ofre registrert',
    nameEn: 'Presumed victims registered',
    definitionNb: `Antatte ofre for menneskehandel registrert i året, ${KOM_NB}`,
    definitionEn: `Presumed victims of trafficking registered in the year, ${KOM_EN}`,
    unitNb: 'personer',
    unitEn: 'persons',
    chartKind: 'line',
    breakdowns: [B.total]
  },
  {
    slug: 'nationalities_of_possible_victims',
    nameNb: 'Nasjonaliteter blant mulige ofre',
    nameEn: 'Nationalities among possible victims',
    definitionNb: `Antall land de mulige ofrene kom fra, ${KOM_NB}`,
    definitionEn: `The number of countries the possible victims came from, ${KOM_EN}`,
    unitNb: 'land',
    unitEn: 'countries',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'nationalities_of_presumed_victims',
    nameNb: 'Nasjonaliteter blant antatte ofre',
    nameEn: 'Nationalities among presumed victims',
    definitionNb: `Antall land de antatte ofrene kom fra, ${KOM_NB}`,
    definitionEn: `The number of countries the presumed victims came from, ${KOM_EN}`,
    unitNb: 'land',
    unitEn: 'countries',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'police_districts_with_reports',
    nameNb: 'Politidistrikter med anmeldelser',
    nameEn: 'Police districts with reports',
    definitionNb: `Antall av de 12 politidistriktene som hadde minst én anmeldelse av menneskehandel i året, ${KOM_NB}`,
    definitionEn: `How many of the 12 police districts had at least one trafficking report in the year, ${KOM_EN}`,
    unitNb: 'distrikter (av 12)',
    unitEn: 'districts (of 12)',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'new_victims_per_year_estimate',
    nameNb: 'Anslått antall nye ofre per år',
    nameEn: 'Estimated new victims per year',
    definitionNb:
      'Regjeringens anslag over nye ofre for menneskehandel i Norge hvert år, i forbindelse med strategien for 2025–2030.',
    definitionEn:
      "The government's estimate of new victims of trafficking in Norway each year, given with the 2025–2030 strategy.",
    unitNb: 'personer',
    unitEn: 'persons',
    chartKind: 'bar',
    breakdowns: [B.total]
  },
  {
    slug: 'global_identified_victims_share',
    nameNb: 'Identifiserte ofre i verden etter kjønn og alder',
    nameEn: 'Identified victims worldwide by sex and age',
    definitionNb:
      'Fordelingen av identifiserte ofre for menneskehandel i verden, fra FNs kontor for narkotika og kriminalitet (UNODC), Global Report on Trafficking in Persons 2016, som gjengitt i Lightup-rapporten.',
    definitionEn:
      'The distribution of identified victims of trafficking worldwide, from the UN Office on Drugs and Crime (UNODC), Global Report on Trafficking in Persons 2016, as quoted in the Lightup report.',
    unitNb: 'prosent',
    unitEn: 'percent',
    chartKind: 'bar',
    breakdowns: [B.women, B.girls, B.men, B.boys]
  }
];

/** The CSV's free-text breakdowns → breakdown codes; the words in brackets become part of the note. */
const csvBreakdowns: Record<string, { code: string; note?: string }> = {
  total: { code: 'total' },
  'total (victims who accepted assistance)': { code: 'total', note: 'victims who accepted assistance' },
  'of the 44 completed': { code: 'total', note: 'of the 44 completed' },
  'children (antatte barn)': { code: 'children' },
  women: { code: 'women' },
  men: { code: 'men' },
  'prostitution or other sexual purposes': { code: 'sexual' },
  'prostitution or other sexual services': { code: 'sexual' },
  'forced labour or forced services': { code: 'forced_labour' },
  'organ trade': { code: 'organ_trade' },
  'aggravated trafficking (grov menneskehandel)': { code: 'aggravated' },
  'aggravated trafficking (grov menneskehandel, § 258)': { code: 'aggravated', note: '§ 258' },
  'victim under 18': { code: 'under_18' },
  'form of exploitation unknown': { code: 'unknown_form' }
};

/** Publishers named by the host of each source address in the CSV. */
const publishers: Record<string, string> = {
  'www.politiet.no': 'Politiet',
  'www.aftenposten.no': 'Aftenposten',
  'www.vl.no': 'Vårt Land',
  'www.nrk.no': 'NRK',
  'fafooestforum.no': 'Fafo Østforum',
  'apress.no': 'Agder Press'
};

/** The source report. Its date of publication and address are not given in the stored copy. */
export const LIGHTUP_REPORT: TSourceInput = {
  title: 'På tide med handling! (rapport)',
  publisher: 'Lightup Norge',
  url: '',
  accessedOn: null
};

interface TSeedValue {
  slug: string;
  breakdown: string;
  from: number;
  to: number;
  value: number | null;
  note: string;
  source: TSourceInput;
}

/** The source report's figures (seed/000_a5f25630fd950159.txt), each with the report's own words. */
export const reportValues: TSeedValue[] = [
  ...[
    [
      'police_reports_trafficking',
      'total',
      46,
      'KOMs siste tilstandsrapport: «i 2017 ble 46 nye menneskehandelslovbrudd anmeldt»'
    ],
    ['police_reports_trafficking', 'aggravated', 5, '«hvorav 5 var for grov menneskehandel»'],
    [
      'police_reports_trafficking_share',
      'sexual',
      60,
      '«Majoriteten på 60% av anmeldelsene var for utnyttelse av prostitusjon eller annen seksuell utnyttelse»'
    ],
    [
      'reports_investigation_completed',
      'total',
      44,
      '«44 anmeldelser ble påtalegjort i 2017, inkludert flere eldre saker»'
    ],
    [
      'reports_dismissed_henlagt',
      'total',
      40,
      '«40 av disse sakene ble registrert som uoppklarte» (uoppklart, ikke henlagt)'
    ],
    ['reports_solved', 'total', 4, '«Av de 4 oppklarte sakene …»'],
    ['reports_leading_to_trial', 'total', 1, '«resulterte kun 1 av sakene i siktelse» (siktelse)']
  ].map(([slug, breakdown, value, note]) => ({
    slug: slug as string,
    breakdown: breakdown as string,
    from: 2017,
    to: 2017,
    value: value as number,
    note: note as string,
    source: LIGHTUP_REPORT
  })),
  {
    slug: 'police_reports_cumulative',
    breakdown: 'total',
    from: 2004,
    to: 2017,
    value: 626,
    note: '«Tall fra Statistisk Sentralbyrå viser at det mellom 2004 og 2017 ble 626 menneskehandelssaker anmeldt»',
    source: LIGHTUP_REPORT
  },
  {
    slug: 'convictions_cumulative',
    breakdown: 'total',
    from: 2003,
    to: 2017,
    value: 46,
    note: '«Mellom 2003, da menneskehandelsforbudet ble innført i Norge, og 1. juli 2017 har 46 saker endt i straff»',
    source: LIGHTUP_REPORT
  },
  ...(
    [
      ['women', 51],
      ['girls', 20],
      ['men', 21],
      ['boys', 8]
    ] as const
  ).map(([breakdown, value]) => ({
    slug: 'global_identified_victims_share',
    breakdown,
    from: 2016,
    to: 2016,
    value,
    note: 'UNODC Global Report on Trafficking in Persons 2016, gjengitt i rapporten',
    source: LIGHTUP_REPORT
  }))
];

/** The report's long-run figure: under 8 % of reported cases ended in conviction (46 of 626). */
export const LONG_RUN = {
  convictions: 46,
  reports: 626,
  quote: '«Dette vil si at under 8% an anmeldte saker de siste 15 årene har endt i domfellelse.»',
  source: LIGHTUP_REPORT
} as const;

const ZCsvRow = z.object({
  indicator: z.string().min(1),
  year: z.string().regex(/^\d{4}$/),
  value: z.string(),
  unit: z.string(),
  breakdown: z.string(),
  source: z.string().min(1),
  source_url: z.url(),
  note: z.string()
});

/** Reads the shipped CSV into seed values; throws naming the row if the file does not fit the mapping. */
export function readShippedCsv(
  text = readFileSync(resolve(referenceDataDir(), 'trafficking_statistics_norway.csv'), 'utf8')
): TSeedValue[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as unknown[];
  return rows.map((raw, i) => {
    const row = ZCsvRow.parse(raw);
    const b = csvBreakdowns[row.breakdown];
    if (!b) throw new Error(`trafficking_statistics_norway.csv row ${i + 2}: unknown breakdown "${row.breakdown}"`);
    const host = new URL(row.source_url).host;
    const publisher = publishers[host];
    if (!publisher) throw new Error(`trafficking_statistics_norway.csv row ${i + 2}: no publisher for ${host}`);
    const value = row.value.trim() === '' ? null : Number(row.value);
    if (value !== null && !Number.isFinite(value))
      throw new Error(`trafficking_statistics_norway.csv row ${i + 2}: bad value`);
    return {
      slug: row.indicator,
      breakdown: b.code,
      from: Number(row.year),
      to: Number(row.year),
      value,
      note: [b.note, row.note].filter(Boolean).join('; '),
      source: { title: row.source, publisher, url: row.source_url, accessedOn: null }
    };
  });
}

/** Finds or creates a source by its title, publisher and address. */
export async function ensureSource(db: Executor, s: TSourceInput, now: string): Promise<string> {
  const key = { title: s.title.trim(), publisher: s.publisher.trim(), url: s.url.trim() };
  const found = await repo.findSource(db, key);
  if (found) return found.id;
  const id = randomUUID();
  await repo.insertSource(db, { id, ...key, accessed_on: s.accessedOn, created_at: now });
  return id;
}

/** Loads the shipped indicators and figures; safe to run on every start. */
export async function loadStatisticsSeed(db: DB): Promise<{ indicators: number; values: number }> {
  const values = [...readShippedCsv(), ...reportValues];
  const existing = await repo.listIndicators(db);
  const stored = existing.length
    ? await db
        .selectFrom('stat_value')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    : null;
  // Fast path: everything shipped is there already (editors may add more).
  if (existing.length >= seedIndicators.length && Number(stored?.n ?? 0) >= values.length) {
    const slugs = new Set(existing.map((i) => i.slug));
    if (seedIndicators.every((i) => slugs.has(i.slug)))
      return { indicators: seedIndicators.length, values: values.length };
  }
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    let position = 0;
    for (const ind of seedIndicators) {
      position += 10;
      let row = await repo.findIndicatorBySlug(trx, ind.slug);
      if (!row) {
        row = {
          id: randomUUID(),
          slug: ind.slug,
          name_nb: ind.nameNb,
          name_en: ind.nameEn,
          definition_nb: ind.definitionNb,
          definition_en: ind.definitionEn,
          unit_nb: ind.unitNb,
          unit_en: ind.unitEn,
          chart_kind: ind.chartKind,
          position,
          created_at: now,
          updated_at: now
        };
        await repo.insertIndicator(trx, row);
      }
      ids.set(ind.slug, row.id);
      for (const [i, b] of ind.breakdowns.entries()) {
        await repo.insertBreakdownIfMissing(trx, {
          indicator_id: row.id,
          code: b.code,
          label_nb: b.nb,
          label_en: b.en,
          position: i
        });
      }
    }
    const sources = new Map<string, string>();
    for (const v of values) {
      const indicatorId = ids.get(v.slug);
      if (!indicatorId) throw new Error(`statistics seed: no indicator ${v.slug}`);
      const sk = JSON.stringify([v.source.title, v.source.publisher, v.source.url]);
      let sourceId = sources.get(sk);
      if (!sourceId) {
        sourceId = await ensureSource(trx, v.source, now);
        sources.set(sk, sourceId);
      }
      await trx
        .insertInto('stat_value')
        .values({
          id: randomUUID(),
          indicator_id: indicatorId,
          breakdown: v.breakdown,
          period_from: v.from,
          period_to: v.to,
          value: v.value,
          note: v.note,
          source_id: sourceId,
          created_at: now,
          updated_at: now
        })
        .onConflict((oc) =>
          oc.columns(['indicator_id', 'breakdown', 'period_from', 'period_to', 'source_id']).doNothing()
        )
        .execute();
    }
  });
  return { indicators: seedIndicators.length, values: values.length };
}
