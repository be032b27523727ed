import type { Locale } from '../../i18n';
import { buildJsonStat } from './jsonstat';
import { periodLabel } from './statistics.core';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { csvCell } from '../http/csv';
import { getSeries, lastStatisticsUpdate, LICENCE, LICENCE_URL, type TSeries } from './statistics.service';

/** Downloads of a series: CSV and JSON-stat 2.0, each carrying every value's source and the licence. */

export const csvExportColumns = [
  'indicator',
  'period',
  'period_from',
  'period_to',
  'breakdown',
  'breakdown_label_nb',
  'breakdown_label_en',
  'value',
  'unit',
  'note',
  'source_title',
  'source_publisher',
  'source_url',
  'source_accessed_on',
  'licence'
] as const;

/** A CSV with one row per value and source; an empty `value` is a gap. Importable as it is. */
export function seriesToCsv(series: TSeries, locale: Locale): string {
  const { indicator } = series;
  const label = new Map(indicator.breakdowns.map((b) => [b.code, b]));
  const lines = [csvExportColumns.join(',')];
  for (const v of series.values) {
    const b = label.get(v.breakdown);
    lines.push(
      [
        indicator.slug,
        periodLabel({ from: v.periodFrom, to: v.periodTo }).replace('–', '-'),
        v.periodFrom,
        v.periodTo,
        v.breakdown,
        b?.labelNb ?? v.breakdown,
        b?.labelEn ?? v.breakdown,
        v.value,
        locale === 'en' ? indicator.unitEn : indicator.unitNb,
        v.note,
        v.source.title,
        v.source.publisher,
        v.source.url,
        v.source.accessedOn ?? '',
        `${LICENCE} ${LICENCE_URL}`
      ]
        .map((v) => csvCell(v))
        .join(',')
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * A JSON-stat 2.0 dataset with three dimensions: breakdown × period (time) × source. Sources are a
 * dimension so that two sources' different figures for one cell both fit; their details are in
 * `extension.forebygg.sources`. A gap has the value null and the status "..", as SSB writes it.
 */
export function seriesToJsonStat(series: TSeries, locale: Locale, updated: string) {
  const { indicator, values } = series;
  const periods = [...new Map(values.map((v) => [`${v.periodFrom}-${v.periodTo}`, v])).values()]
    .sort((a, b) => a.periodTo - b.periodTo || a.periodFrom - b.periodFrom)
    .map((v) => ({
      code: v.periodFrom === v.periodTo ? String(v.periodTo) : `${v.periodFrom}-${v.periodTo}`,
      label: periodLabel({ from: v.periodFrom, to: v.periodTo })
    }));
  const sourceIds = [...new Set(values.map((v) => v.source.id))];
  const sourceCode = new Map(sourceIds.map((id, i) => [id, `s${i + 1}`]));
  const sourceById = new Map(values.map((v) => [v.source.id, v.source]));
  const cell = new Map(
    values.map((v) => [
      [
        v.breakdown,
        v.periodFrom === v.periodTo ? String(v.periodTo) : `${v.periodFrom}-${v.periodTo}`,
        sourceCode.get(v.source.id)
      ].join('|'),
      v
    ])
  );
  const usedBreakdowns = indicator.breakdowns.filter((b) => values.some((v) => v.breakdown === b.code));
  return buildJsonStat({
    label: locale === 'en' ? indicator.nameEn : indicator.nameNb,
    source: sourceIds.map((id) => sourceById.get(id)!.title).join('; '),
    updated,
    note: [
      locale === 'en' ? indicator.definitionEn : indicator.definitionNb,
      `${locale === 'en' ? 'Licence' : 'Lisens'}: ${LICENCE} ${LICENCE_URL}`
    ],
    dimensions: [
      {
        id: 'breakdown',
        label: locale === 'en' ? 'Breakdown' : 'Fordeling',
        categories: (usedBreakdowns.length ? usedBreakdowns : indicator.breakdowns.slice(0, 1)).map((b) => ({
          code: b.code,
          label: locale === 'en' ? b.labelEn : b.labelNb
        }))
      },
      { id: 'period', label: locale === 'en' ? 'Period' : 'Periode', categories: periods.length ? periods : [] },
      {
        id: 'source',
        label: locale === 'en' ? 'Source' : 'Kilde',
        categories: sourceIds.map((id) => ({
          code: sourceCode.get(id)!,
          label: `${sourceById.get(id)!.title} (${sourceById.get(id)!.publisher})`
        }))
      }
    ],
    role: { time: ['period'] },
    cell: ([b, p, s]) => {
      const v = cell.get([b, p, s].join('|'));
      if (!v) return { value: null };
      return { value: v.value, status: v.value === null ? '..' : undefined, note: v.note || undefined };
    },
    extension: {
      licence: { name: LICENCE, url: LICENCE_URL },
      unit: locale === 'en' ? indicator.unitEn : indicator.unitNb,
      forebygg: {
        indicator: indicator.slug,
        sources: Object.fromEntries(
          sourceIds.map((id) => {
            const s = sourceById.get(id)!;
            return [
              sourceCode.get(id)!,
              { title: s.title, publisher: s.publisher, url: s.url, accessedOn: s.accessedOn }
            ];
          })
        )
      }
    }
  });
}

/** The CSV download of one indicator. */
export async function csvDownload(db: DB, slug: string, locale: Locale): Promise<{ filename: string; body: string }> {
  const series = await getSeries(db, slug);
  return { filename: `${series.indicator.slug}.csv`, body: seriesToCsv(series, locale) };
}

/** The JSON-stat download of one indicator; one without values has no dataset yet (404). */
export async function jsonStatDownload(
  db: DB,
  slug: string,
  locale: Locale
): Promise<{ filename: string; body: string }> {
  const series = await getSeries(db, slug);
  // A JSON-stat dimension needs at least one category.
  if (!series.values.length) throw new AppError('not_found', 'stats.error.noValues');
  const updated = (await lastStatisticsUpdate(db)) ?? new Date().toISOString();
  return {
    filename: `${series.indicator.slug}.jsonstat.json`,
    body: JSON.stringify(seriesToJsonStat(series, locale, updated))
  };
}
