import { parse } from 'csv-parse/sync';
import { restoreCsvText } from '../http/csv';
import { isMessageKey, type MessageKey } from '../../i18n';
import { sdgTargets, ZMeasureForm, type TMeasureForm } from '../../schemas/actionplan';
import { deadlineBeforePlan } from './actionplan.core';

/**
 * Reading and checking an import of measures (CSV or JSON, the columns of the CSV export). Pure: the
 * service gives the plans, the stored measures and the known codes, and gets one verdict per row —
 * create, update, unchanged or reject with its reasons — before anything is written.
 */

export type TRawRow = Record<string, string>;

/** Reads the file into rows of text; a file that cannot be read gives one message. */
export function readMeasureFile(format: 'csv' | 'json', text: string): { rows: TRawRow[] } | { error: MessageKey } {
  if (!text.trim()) return { error: 'ap.import.empty' };
  if (format === 'csv') {
    try {
      const rows = parse(text.replace(/^\uFEFF/, ''), {
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        skip_empty_lines: true,
        relax_column_count: false,
        // Undo the export's formula guard ('=x → =x), so an export imports back unchanged.
        cast: (value: string) => restoreCsvText(value)
      }) as TRawRow[];
      return { rows };
    } catch {
      return { error: 'ap.import.badCsv' };
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: 'ap.import.badJson' };
  }
  const list = Array.isArray(raw) ? raw : (raw as { data?: unknown })?.data;
  if (!Array.isArray(list)) return { error: 'ap.import.badJson' };
  const rows: TRawRow[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return { error: 'ap.import.badJson' };
    const row: TRawRow = {};
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      if (Array.isArray(v)) row[k] = v.map(String).join(';');
      else if (v === null || v === undefined) row[k] = '';
      else row[k] = String(v);
    }
    rows.push(row);
  }
  return { rows };
}

export interface TImportContext {
  plans: { slug: string; periodFrom: number; parts: { id: string; number: number }[] }[];
  existing: { id: string; plan: string; number: string; title: string; comparable: string }[];
  recommendationCodes: ReadonlySet<string>;
  seriesSlugs: ReadonlySet<string>;
}

export interface TImportRowResult {
  /** The row's line in the file (CSV: counting the header as line 1), or its position in a JSON array. */
  line: number;
  plan: string;
  number: string;
  title: string;
  action: 'create' | 'update' | 'unchanged' | 'reject';
  reasons: { field: string; message: MessageKey }[];
  measureId: string | null;
  input: TMeasureForm | null;
}

const pick = (row: TRawRow, ...keys: string[]) => {
  for (const k of keys) if (row[k] !== undefined) return row[k].trim();
  return '';
};

/** The stored columns an import can change, as one comparable string. */
export function comparableOf(m: {
  part_id: string | null;
  number: string;
  title: string;
  responsible: string;
  chain_link: string;
  target_group: string;
  deadline: string | null;
  budget_nok: number | null;
  budget_note: string;
  indicator: string;
  indicator_series: string | null;
  sdg_targets: string;
  source_url: string;
  note: string;
  recommendations: string;
}): string {
  return JSON.stringify([
    m.part_id ?? '',
    m.number,
    m.title,
    m.responsible,
    m.chain_link,
    m.target_group,
    m.deadline ?? '',
    m.budget_nok === null ? null : Number(m.budget_nok),
    m.budget_note,
    m.indicator,
    m.indicator_series ?? '',
    m.sdg_targets,
    m.source_url,
    m.note,
    m.recommendations
  ]);
}

export function planMeasureImport(rows: TRawRow[], ctx: TImportContext, csv = true): TImportRowResult[] {
  const seen = new Map<string, number>();
  const keyOf = (plan: string, number: string) => `${plan}\u0000${number}`;
  for (const row of rows) {
    const k = keyOf(pick(row, 'plan'), pick(row, 'number'));
    if (pick(row, 'number')) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return rows.map((row, i) => {
    const planSlug = pick(row, 'plan');
    const number = pick(row, 'number');
    const title = pick(row, 'title');
    const result: TImportRowResult = {
      line: csv ? i + 2 : i + 1,
      plan: planSlug,
      number,
      title,
      action: 'reject',
      reasons: [],
      measureId: null,
      input: null
    };
    const reject = (field: string, message: MessageKey) => result.reasons.push({ field, message });
    const plan = ctx.plans.find((p) => p.slug === planSlug);
    if (!plan) reject('plan', 'ap.error.unknownPlan');
    if (number && (seen.get(keyOf(planSlug, number)) ?? 0) > 1) reject('number', 'ap.import.duplicateInFile');
    const partNumber = pick(row, 'part');
    let partId = '';
    if (partNumber && plan) {
      const part = plan.parts.find((p) => String(p.number) === partNumber);
      if (!part) reject('part', 'ap.error.unknownPart');
      else partId = part.id;
    }
    const sdgs = pick(row, 'sdg_targets')
      .split(/[;,\s]+/)
      .filter(Boolean);
    for (const s of sdgs) if (!(sdgTargets as readonly string[]).includes(s)) reject('sdg_targets', 'ap.import.sdg');
    const recs = pick(row, 'recommendations')
      .split(/[;,\s]+/)
      .filter(Boolean);
    if (recs.some((c) => !ctx.recommendationCodes.has(c))) reject('recommendations', 'ap.error.unknownRecommendation');
    const series = pick(row, 'indicator_series', 'indicatorSeries');
    if (series && !ctx.seriesSlugs.has(series)) reject('indicator_series', 'ap.error.series');
    const parsed = ZMeasureForm.safeParse({
      number,
      title,
      partId,
      responsible: pick(row, 'responsible').split(';').join('\n'),
      chainLink: pick(row, 'chain_link', 'chainLink') || 'unassigned',
      targetGroup: pick(row, 'target_group', 'targetGroup'),
      deadline: pick(row, 'deadline'),
      budgetNok: pick(row, 'budget_nok', 'budgetNok'),
      budgetNote: pick(row, 'budget_note', 'budgetNote'),
      indicator: pick(row, 'indicator'),
      indicatorSeries: series,
      ...Object.fromEntries(sdgs.map((s) => [`sdg_${s.replace('.', '_')}`, 'on'])),
      recommendations: recs.join(' '),
      sourceUrl: pick(row, 'source_url', 'sourceUrl'),
      note: pick(row, 'note')
    });
    if (!parsed.success) {
      const names: Record<string, string> = {
        chainLink: 'chain_link',
        budgetNok: 'budget_nok',
        sourceUrl: 'source_url',
        targetGroup: 'target_group',
        budgetNote: 'budget_note'
      };
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0] ?? '_');
        reject(names[f] ?? f, isMessageKey(issue.message) ? issue.message : 'validation.invalid');
      }
    } else if (plan && deadlineBeforePlan(parsed.data.deadline || null, plan.periodFrom)) {
      reject('deadline', 'ap.error.deadlineBeforePlan');
    }
    if (result.reasons.length || !parsed.success) return result;
    const input = parsed.data;
    const match = ctx.existing.find(
      (m) => m.plan === planSlug && (number ? m.number === number : !m.number && m.title === title)
    );
    result.input = input;
    if (!match) {
      result.action = 'create';
      return result;
    }
    result.measureId = match.id;
    const next = comparableOf({
      part_id: input.partId || null,
      number: input.number,
      title: input.title,
      responsible: input.responsible
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n'),
      chain_link: input.chainLink,
      target_group: input.targetGroup,
      deadline: input.deadline || null,
      budget_nok: input.budgetNok,
      budget_note: input.budgetNote,
      indicator: input.indicator,
      indicator_series: input.indicatorSeries || null,
      sdg_targets: JSON.stringify(sdgTargets.filter((t) => sdgs.includes(t))),
      source_url: input.sourceUrl,
      note: input.note,
      recommendations: [...new Set(recs)].sort().join(' ')
    });
    result.action = next === match.comparable ? 'unchanged' : 'update';
    return result;
  });
}
