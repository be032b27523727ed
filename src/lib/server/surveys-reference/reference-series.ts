/**
 * The Scottish published survey figures (Scottish Opinion Survey, Kantar TNS, 2017–2018) as reference
 * series to show beside Norwegian results (issue 7, template). Read from `data/surveys/scotland-reference.csv`
 * (see `data/SOURCES.md`): only figures found in the project's research notes, each with its source,
 * address and caveat. Pure parsing (`parseReferenceCsv`) plus a reader of the shipped file.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { referenceDataDir } from '../reference/reference.service';

export const REFERENCE_FILE = 'surveys/scotland-reference.csv';

const COLUMNS = [
  'indicator',
  'label_nb',
  'label_en',
  'year',
  'value',
  'unit',
  'base_n',
  'method',
  'source',
  'url',
  'caveat_nb',
  'caveat_en'
] as const;

const text = z.string().trim().min(1, 'is empty');

export const ZReferenceRow = z.object({
  indicator: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a lower-case slug'),
  label_nb: text,
  label_en: text,
  year: z.coerce.number().int('must be a whole year').min(2000, 'is before 2000').max(2100, 'is after 2100'),
  value: z.coerce.number().min(0, 'is below 0').max(100, 'is above 100'),
  unit: z.literal('percent', 'must be "percent"'),
  base_n: z.coerce.number().int('must be a whole number').positive('must be above 0'),
  method: z.enum(['face_to_face', 'online'], 'must be face_to_face or online'),
  source: text,
  url: z.url('must be a web address').startsWith('https://', 'must start with https://'),
  caveat_nb: text,
  caveat_en: text
});
export type TReferenceRow = z.infer<typeof ZReferenceRow>;

/** One indicator across years, values as proportions (0–1) as the charts and the engine use them. */
export interface TReferenceSeries {
  indicator: string;
  label: { nb: string; en: string };
  points: {
    year: number;
    /** Published share, 0–1. */
    value: number;
    base_n: number;
    method: 'face_to_face' | 'online';
    source: string;
    url: string;
    caveat: { nb: string; en: string };
  }[];
}

export class ReferenceFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string
  ) {
    super(`${file} line ${line}: ${detail}`);
    this.name = 'ReferenceFileError';
  }
}

/** Parses and checks the CSV text; any fault throws a ReferenceFileError with the file's line number. */
export function parseReferenceCsv(csv: string, file = REFERENCE_FILE): TReferenceSeries[] {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, info: false });
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    throw new ReferenceFileError(file, line, (e as Error).message);
  }
  // Line numbers: csv-parse skips empty lines, so count them from the text (no quoted newlines in this file).
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l, i) => ({ l, i: i + 1 }))
    .filter(({ l }) => l.trim() !== '')
    .map(({ i }) => i);
  const [header, ...body] = records;
  if (!header || header.join(',') !== COLUMNS.join(','))
    throw new ReferenceFileError(file, 1, `the header must be ${COLUMNS.join(',')}`);
  const series = new Map<string, TReferenceSeries>();
  body.forEach((cells, k) => {
    const line = lines[k + 1] ?? k + 2;
    if (cells.length !== COLUMNS.length)
      throw new ReferenceFileError(file, line, `has ${cells.length} fields, expected ${COLUMNS.length}`);
    const parsed = ZReferenceRow.safeParse(Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]])));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ReferenceFileError(file, line, `${String(issue.path[0])} ${issue.message}`);
    }
    const row = parsed.data;
    let s = series.get(row.indicator);
    if (!s) {
      s = { indicator: row.indicator, label: { nb: row.label_nb, en: row.label_en }, points: [] };
      series.set(row.indicator, s);
    } else if (s.label.nb !== row.label_nb || s.label.en !== row.label_en) {
      throw new ReferenceFileError(file, line, `indicator ${row.indicator} has another label than on its first line`);
    }
    if (s.points.some((p) => p.year === row.year))
      throw new ReferenceFileError(file, line, `indicator ${row.indicator} has year ${row.year} twice`);
    s.points.push({
      year: row.year,
      value: row.value / 100,
      base_n: row.base_n,
      method: row.method,
      source: row.source,
      url: row.url,
      caveat: { nb: row.caveat_nb, en: row.caveat_en }
    });
  });
  for (const s of series.values()) s.points.sort((a, b) => a.year - b.year);
  return [...series.values()];
}

let cache: TReferenceSeries[] | null = null;

/** The shipped Scottish reference series (read once; the file is part of the release). */
export function scottishReferenceSeries(): TReferenceSeries[] {
  cache ??= parseReferenceCsv(readFileSync(resolve(referenceDataDir(), REFERENCE_FILE), 'utf8'));
  return cache;
}
