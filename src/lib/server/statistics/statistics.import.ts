import { parse } from 'csv-parse/sync';
import { restoreCsvText } from '../http/csv';
import type { TImportForm } from '../../schemas/statistics';
import {
  checkRow,
  resolveBreakdown,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type TBreakdownRef,
  type TImportIssue,
  type TImportRow,
  type TSourceInput
} from './statistics.core';
import { parseJsonStat } from './jsonstat';

/**
 * Reading an uploaded file into import rows (pure): CSV with a column mapping, or a JSON-stat 2.0
 * dataset with its dimensions mapped to the indicator's breakdowns. Every row must end up with a source:
 * its own (a file exported by Forebygg) or the one given in the form.
 */

export interface TImportRead {
  rows: TImportRow[];
  issues: TImportIssue[];
  /** CSV: the header, for the mapping step. */
  columns: string[];
  /** CSV: the mapping used (guessed where the form left it empty). */
  mapping: { periodColumn: string; valueColumn: string; breakdownColumn: string; noteColumn: string };
  /** JSON-stat: the dimensions, and which one became the breakdown. */
  dimensions: { id: string; label: string; size: number }[];
  breakdownDimension: string;
}

const empty = (): TImportRead => ({
  rows: [],
  issues: [],
  columns: [],
  mapping: { periodColumn: '', valueColumn: '', breakdownColumn: '', noteColumn: '' },
  dimensions: [],
  breakdownDimension: ''
});

/** The size check that runs before any parsing. */
export function tooLarge(byteLength: number): boolean {
  return byteLength > MAX_IMPORT_BYTES;
}

/** A file's category as the form's category map names it, or unchanged. */
function mapCategory(form: TImportForm, text: string): string {
  return form.categoryMap[text.trim()] ?? text;
}

function formSource(form: TImportForm): TSourceInput | null {
  if (!form.sourceTitle) return null;
  return {
    title: form.sourceTitle,
    publisher: form.sourcePublisher,
    url: form.sourceUrl,
    accessedOn: form.sourceAccessedOn || null
  };
}

const guesses: Record<'periodColumn' | 'valueColumn' | 'breakdownColumn' | 'noteColumn', RegExp> = {
  periodColumn: /^(period|periode|year|år|aar|tid|time)$/i,
  valueColumn: /^(value|verdi|figure|tall|antall)$/i,
  breakdownColumn: /^(breakdown|fordeling|category|kategori)$/i,
  noteColumn: /^(note|merknad|notat)$/i
};

/** Column names a Forebygg CSV export carries per row; used as the row's own source when present. */
const sourceColumns = ['source_title', 'source_publisher', 'source_url', 'source_accessed_on'] as const;

export function readCsvImport(
  text: string,
  form: TImportForm,
  breakdowns: TBreakdownRef[],
  now = new Date()
): TImportRead {
  const out = empty();
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter,
      // Undo the export's formula guard ('=x → =x), so an export imports back unchanged.
      cast: (value: string) => restoreCsvText(value),
      skip_empty_lines: true,
      relax_column_count: false
    }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    out.issues.push({ ref: line ? String(line) : '', field: 'file', message: 'stats.import.error.csv' });
    return out;
  }
  if (records.length < 2) {
    out.issues.push({ ref: '', field: 'file', message: 'stats.import.error.empty' });
    return out;
  }
  if (records.length - 1 > MAX_IMPORT_ROWS) {
    out.issues.push({
      ref: '',
      field: 'file',
      message: 'stats.import.error.tooManyRows',
      params: { max: MAX_IMPORT_ROWS }
    });
    return out;
  }
  const header = records[0].map((h) => h.trim());
  out.columns = header;
  for (const key of Object.keys(guesses) as (keyof typeof guesses)[]) {
    const chosen = form[key];
    if (chosen) {
      if (!header.includes(chosen))
        out.issues.push({ ref: '', field: key, message: 'stats.import.error.column', params: { value: chosen } });
      out.mapping[key] = chosen;
    } else out.mapping[key] = header.find((h) => guesses[key].test(h)) ?? '';
  }
  if (!out.mapping.periodColumn)
    out.issues.push({ ref: '', field: 'periodColumn', message: 'stats.import.error.mapPeriod' });
  if (!out.mapping.valueColumn)
    out.issues.push({ ref: '', field: 'valueColumn', message: 'stats.import.error.mapValue' });
  if (out.issues.length) return out;
  const col = (name: string) => header.indexOf(name);
  const src = Object.fromEntries(sourceColumns.map((c) => [c, col(c)])) as Record<
    (typeof sourceColumns)[number],
    number
  >;
  const fallback = formSource(form);
  const defaultBreakdown = breakdowns[0]?.code ?? 'total';
  records.slice(1).forEach((rec, i) => {
    const ref = String(i + 2);
    const get = (name: string) => (name ? (rec[col(name)] ?? '') : '');
    const checked = checkRow(
      {
        ref,
        breakdownText: out.mapping.breakdownColumn
          ? mapCategory(form, get(out.mapping.breakdownColumn))
          : defaultBreakdown,
        periodText: get(out.mapping.periodColumn),
        valueText: get(out.mapping.valueColumn)
      },
      breakdowns,
      now
    );
    out.issues.push(...checked.issues);
    let source: TSourceInput | null = fallback;
    const rowTitle = src.source_title >= 0 ? (rec[src.source_title] ?? '').trim() : '';
    if (rowTitle) {
      const accessed = src.source_accessed_on >= 0 ? (rec[src.source_accessed_on] ?? '').trim() : '';
      source = {
        title: rowTitle,
        publisher: src.source_publisher >= 0 ? (rec[src.source_publisher] ?? '').trim() : '',
        url: src.source_url >= 0 ? (rec[src.source_url] ?? '').trim() : '',
        accessedOn: /^\d{4}-\d{2}-\d{2}$/.test(accessed) ? accessed : null
      };
      if (!source.publisher) out.issues.push({ ref, field: 'source', message: 'stats.import.error.sourcePublisher' });
    }
    if (!source) out.issues.push({ ref, field: 'source', message: 'stats.import.error.noSource' });
    if (!checked.issues.length && source)
      out.rows.push({
        ref,
        breakdown: checked.breakdown!,
        period: checked.period!,
        value: checked.value!,
        note: out.mapping.noteColumn ? get(out.mapping.noteColumn).trim().slice(0, 1000) : '',
        source
      });
  });
  return out;
}

interface TForebyggExtension {
  sources?: Record<string, { title?: unknown; publisher?: unknown; url?: unknown; accessedOn?: unknown }>;
  notes?: Record<string, unknown>;
}

export function readJsonStatImport(
  text: string,
  form: TImportForm,
  breakdowns: TBreakdownRef[],
  now = new Date()
): TImportRead {
  const out = empty();
  const parsed = parseJsonStat(text);
  if (!parsed.ok) {
    out.issues.push({ ref: '', field: 'file', message: parsed.issue.message, params: parsed.issue.params });
    return out;
  }
  const ds = parsed.dataset;
  out.dimensions = ds.dimensions.map((d) => ({ id: d.id, label: d.label, size: d.categories.length }));
  if (ds.cells.length > MAX_IMPORT_ROWS * 4) {
    out.issues.push({
      ref: '',
      field: 'file',
      message: 'stats.import.error.tooManyRows',
      params: { max: MAX_IMPORT_ROWS }
    });
    return out;
  }
  const time = ds.timeDimension;
  if (!time) {
    out.issues.push({ ref: '', field: 'file', message: 'stats.jsonstat.error.noTime' });
    return out;
  }
  const ext = (ds.extension.forebygg ?? {}) as TForebyggExtension;
  const sourceDim = ext.sources && ds.dimensions.some((d) => d.id === 'source') ? 'source' : null;
  let breakdownDim = form.breakdownDimension;
  const candidates = ds.dimensions.filter(
    (d) => d.id !== time && d.id !== sourceDim && !ds.metricDimensions.includes(d.id) && d.categories.length > 1
  );
  if (breakdownDim) {
    if (!ds.dimensions.some((d) => d.id === breakdownDim)) {
      out.issues.push({
        ref: '',
        field: 'breakdownDimension',
        message: 'stats.jsonstat.error.unknownDimension',
        params: { dimension: breakdownDim }
      });
      return out;
    }
  } else if (candidates.length === 1) breakdownDim = candidates[0].id;
  else if (candidates.length > 1) {
    out.issues.push({
      ref: '',
      field: 'breakdownDimension',
      message: 'stats.jsonstat.error.chooseDimension',
      params: { dimensions: candidates.map((d) => d.id).join(', ') }
    });
    return out;
  }
  out.breakdownDimension = breakdownDim;
  // Any other dimension with several categories would mix figures of different kinds into one cell.
  for (const d of ds.dimensions) {
    if (d.id !== time && d.id !== breakdownDim && d.id !== sourceDim && d.categories.length > 1) {
      out.issues.push({
        ref: '',
        field: 'file',
        message: 'stats.jsonstat.error.extraDimension',
        params: { dimension: d.id }
      });
    }
  }
  if (out.issues.length) return out;
  const breakdownOf = new Map<string, string | null>();
  const bdim = ds.dimensions.find((d) => d.id === breakdownDim);
  for (const c of bdim?.categories ?? []) {
    const mapped = form.categoryMap[c.code] ?? form.categoryMap[c.label];
    const code = mapped
      ? resolveBreakdown(breakdowns, mapped)
      : breakdowns.some((b) => b.code === c.code)
        ? c.code
        : (breakdowns.find((b) => [b.labelNb, b.labelEn].some((l) => l.toLowerCase() === c.label.toLowerCase()))
            ?.code ?? null);
    breakdownOf.set(c.code, code);
    if (!code)
      out.issues.push({
        ref: '',
        field: 'breakdownDimension',
        message: 'stats.jsonstat.error.unknownCategory',
        params: { dimension: breakdownDim, value: `${c.code} (${c.label})` }
      });
  }
  if (out.issues.length) return out;
  const fallback = formSource(form);
  const defaultBreakdown = breakdowns[0]?.code ?? 'total';
  ds.cells.forEach((cell, i) => {
    const periodText = cell.coords[time];
    const bCode = breakdownDim ? (breakdownOf.get(cell.coords[breakdownDim]) ?? '') : defaultBreakdown;
    const ref = [periodText, breakdownDim ? cell.coords[breakdownDim] : ''].filter(Boolean).join(' / ');
    // A null without a status symbol is an empty cell of the cube, not a published gap: skip it.
    if (cell.value === null && !cell.status) return;
    const checked = checkRow(
      { ref, breakdownText: bCode, periodText, valueText: cell.value === null ? '..' : String(cell.value) },
      breakdowns,
      now
    );
    out.issues.push(...checked.issues);
    let source = fallback;
    if (sourceDim) {
      const s = ext.sources?.[cell.coords[sourceDim]];
      if (s && typeof s.title === 'string' && typeof s.publisher === 'string')
        source = {
          title: s.title,
          publisher: s.publisher,
          url: typeof s.url === 'string' ? s.url : '',
          accessedOn: typeof s.accessedOn === 'string' ? s.accessedOn : null
        };
    }
    if (!source) out.issues.push({ ref, field: 'source', message: 'stats.import.error.noSource' });
    const note =
      ext.notes && typeof ext.notes[String(i)] === 'string' ? (ext.notes[String(i)] as string).slice(0, 1000) : '';
    if (!checked.issues.length && source)
      out.rows.push({
        ref,
        breakdown: checked.breakdown!,
        period: checked.period!,
        value: checked.value!,
        note,
        source
      });
  });
  return out;
}
