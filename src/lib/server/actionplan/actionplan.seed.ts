import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { referenceDataDir } from '../reference/reference.service';

/**
 * The structure of the government's plans and GRETA's recommendations, loaded from the CSVs in `data/`
 * (see data/SOURCES.md) on every start. Only what the sources give: the plans, their parts with goals,
 * the measures a source names (2006–2009), the stated number of measures with its source, and the
 * recommendations. Individual measures of later plans were not found and are entered by editors.
 * Idempotent: a plan, part or recommendation already stored is left as an editor has it.
 */

const SOURCE_REPORT = 'Lightup Norge: «På tide med handling!» (rapport)';

interface TSeedPlan {
  slug: string;
  title: string;
  kind: 'action_plan' | 'strategy';
  periodFrom: number;
  periodTo: number | null;
  responsible: string;
  sourceUrl: string;
  declaredMeasures: number | null;
  declaredNote: string;
  note: string;
  parts: { number: number; title: string; goal: string; sourceUrl: string; note: string }[];
  measures: { number: string; title: string; sourceUrl: string; note: string }[];
}

const ZRow = z.record(z.string(), z.string());

function readCsv(file: string): Record<string, string>[] {
  const rows = parse(readFileSync(resolve(referenceDataDir(), file), 'utf8'), {
    columns: true,
    skip_empty_lines: true
  }) as unknown[];
  return rows.map((r) => ZRow.parse(r));
}

/** The plans as the shipped CSVs describe them. */
export function seedPlans(): TSeedPlan[] {
  const earlier = readCsv('earlier_action_plans.csv');
  const p2016 = readCsv('action_plan_2016_measures.csv');
  const s2025 = readCsv('strategy_2025_2030_measures.csv');

  const e0609 = earlier.filter((r) => r.period === '2006-2009');
  const nbCount = e0609.find((r) => r.item_type === 'measure_count' && r.plan.startsWith('Regjeringens'));
  const enCount = e0609.find((r) => r.item_type === 'measure_count' && r.plan.startsWith('Stop'));
  const e1114 = earlier.filter((r) => r.period === '2011-2014');
  const count1114 = e1114.find((r) => r.item_type === 'measure_count');

  return [
    {
      slug: '2006-2009',
      title: 'Regjeringens handlingsplan mot menneskehandel (2006–2009)',
      kind: 'action_plan',
      periodFrom: 2006,
      periodTo: 2009,
      responsible: '',
      sourceUrl: nbCount?.source_url ?? '',
      declaredMeasures: enCount ? Number(enCount.number) : null,
      declaredNote: [
        enCount ? `${enCount.text} (${enCount.source_url})` : '',
        nbCount ? `Den norske siden sier «${nbCount.text}» (${nbCount.source_url}); kildene er uenige.` : ''
      ]
        .filter(Boolean)
        .join(' '),
      note: 'Tiltakene under er de regjeringens pressemelding nevner ved navn («Blant andre nye tiltak er»). Frister, budsjett og indikatorer står ikke i kilden.',
      parts: [],
      measures: e0609
        .filter((r) => r.item_type === 'new_measure_listed')
        .map((r) => ({ number: '', title: r.text, sourceUrl: r.source_url, note: r.note }))
    },
    {
      slug: '2011-2014',
      title: 'Sammen mot menneskehandel (2011–2014)',
      kind: 'action_plan',
      periodFrom: 2011,
      periodTo: 2014,
      responsible: '',
      sourceUrl: e1114.find((r) => r.item_type === 'chapter')?.source_url ?? '',
      declaredMeasures: count1114 ? Number(count1114.number) : null,
      declaredNote: count1114 ? `${count1114.text}: ${count1114.source_url}. ${count1114.note}.` : '',
      note: `Planen ble aldri evaluert av norske myndigheter (${SOURCE_REPORT}).`,
      parts: e1114
        .filter((r) => r.item_type === 'chapter')
        .map((r) => ({ number: Number(r.number), title: r.text, goal: '', sourceUrl: r.source_url, note: r.note })),
      measures: []
    },
    {
      slug: '2016',
      title: p2016[0]?.plan ?? 'Regjeringens handlingsplan mot menneskehandel (2016)',
      kind: 'action_plan',
      periodFrom: 2016,
      periodTo: null,
      responsible: [
        'Justis- og beredskapsministeren',
        'Innvandrings- og integreringsministeren',
        'Barne- og likestillingsministeren',
        'Arbeids- og sosialministeren',
        'Utenriksministeren',
        'Helse- og omsorgsministeren'
      ].join('\n'),
      sourceUrl: p2016[0]?.source_url ?? '',
      declaredMeasures: 26,
      declaredNote: `«Planen beskriver 26 tiltak» (${SOURCE_REPORT}).`,
      note: `Planen har seks statsråder i fem departementer bak seg; ansvar per tiltak er ikke funnet i kildene. «Det finnes ingen årstall eller tidsfrister for tiltakene» (${SOURCE_REPORT}).`,
      parts: p2016.map((r) => ({
        number: Number(r.part_number),
        title: r.part_title,
        goal: '',
        sourceUrl: r.source_url,
        note: ''
      })),
      measures: []
    },
    {
      slug: '2025-2030',
      title: s2025[0]?.strategy.replace('2025-2030', '2025–2030') ?? 'Nasjonal strategi mot menneskehandel (2025–2030)',
      kind: 'strategy',
      periodFrom: 2025,
      periodTo: 2030,
      responsible: 'Justis- og beredskapsdepartementet (koordinerende ansvar)',
      sourceUrl: (s2025[0]?.source_url ?? '').replace(/\?ch=\d+$/, ''),
      declaredMeasures: 18,
      declaredNote:
        'Strategien har 18 tiltak fra fem departementer (regjeringen.no, id3103576); titlene er ikke funnet i kildene.',
      note: '',
      parts: s2025.map((r) => ({
        number: Number(r.area_number),
        title: r.area_title,
        goal: r.goal,
        sourceUrl: r.source_url,
        note: r.note
      })),
      measures: []
    }
  ];
}

/** Themes that group recommendations raised again in a later round (an editorial grouping, editable). */
const seedThemes: Record<string, string> = {
  'R1-1': 'Identifisering og henvisning av ofre',
  'R2-1': 'Identifisering og henvisning av ofre',
  'R1-2': 'Barn som ofre',
  'R2-4': 'Barn som ofre'
};

export function seedRecommendations() {
  return readCsv('greta_recommendations_norway.csv').map((r, i) => ({
    code: r.paragraph_or_number,
    round: r.round === 'not stated' ? '' : r.round,
    year: r.year ? Number(r.year) : null,
    summary: r.summary,
    theme: seedThemes[r.paragraph_or_number] ?? '',
    sourceUrl: r.source_url,
    note: r.note,
    position: (i + 1) * 10
  }));
}

export async function seedActionPlan(db: DB): Promise<void> {
  const plans = seedPlans();
  const recs = seedRecommendations();
  const [planCount, recCount] = await Promise.all([
    db
      .selectFrom('ap_plan')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(
        'slug',
        'in',
        plans.map((p) => p.slug)
      )
      .executeTakeFirst(),
    db
      .selectFrom('ap_greta_recommendation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(
        'code',
        'in',
        recs.map((r) => r.code)
      )
      .executeTakeFirst()
  ]);
  if (Number(planCount?.n) === plans.length && Number(recCount?.n) === recs.length) return;
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    // One query per table (not per row): the seed runs on every fresh database, tests included.
    const storedPlans = new Set((await trx.selectFrom('ap_plan').select('slug').execute()).map((p) => p.slug));
    const newPlans = plans.filter((p) => !storedPlans.has(p.slug)).map((p) => ({ ...p, id: randomUUID() }));
    if (newPlans.length) {
      await trx
        .insertInto('ap_plan')
        .values(
          newPlans.map((p) => ({
            id: p.id,
            slug: p.slug,
            title: p.title,
            kind: p.kind,
            period_from: p.periodFrom,
            period_to: p.periodTo,
            responsible: p.responsible,
            source_url: p.sourceUrl,
            declared_measures: p.declaredMeasures,
            declared_note: p.declaredNote,
            note: p.note,
            position: (plans.findIndex((x) => x.slug === p.slug) + 1) * 10,
            created_at: now,
            updated_at: now
          }))
        )
        .execute();
      const parts = newPlans.flatMap((p) =>
        p.parts.map((part) => ({ id: randomUUID(), plan_id: p.id, ...partRow(part) }))
      );
      if (parts.length) await trx.insertInto('ap_part').values(parts).execute();
      const measures = newPlans.flatMap((p) =>
        p.measures.map((ms) => ({
          id: randomUUID(),
          plan_id: p.id,
          part_id: null,
          number: ms.number,
          title: ms.title,
          responsible: '',
          chain_link: 'unassigned',
          target_group: '',
          deadline: null,
          budget_nok: null,
          budget_note: '',
          indicator: '',
          indicator_series: null,
          sdg_targets: '[]',
          source_url: ms.sourceUrl,
          note: ms.note,
          created_at: now,
          updated_at: now
        }))
      );
      if (measures.length) await trx.insertInto('ap_measure').values(measures).execute();
    }
    const storedRecs = new Set(
      (await trx.selectFrom('ap_greta_recommendation').select('code').execute()).map((r) => r.code)
    );
    const newRecs = recs.filter((r) => !storedRecs.has(r.code));
    if (newRecs.length)
      await trx
        .insertInto('ap_greta_recommendation')
        .values(
          newRecs.map((r) => ({
            id: randomUUID(),
            code: r.code,
            round: r.round,
            year: r.year,
            summary: r.summary,
            theme: r.theme,
            source_url: r.sourceUrl,
            note: r.note,
            assessment: 'not_assessed',
            assessment_evidence: '',
            position: r.position,
            created_at: now,
            updated_at: now
          }))
        )
        .execute();
  });
}

function partRow(part: TSeedPlan['parts'][number]) {
  return { number: part.number, title: part.title, goal: part.goal, source_url: part.sourceUrl, note: part.note };
}
