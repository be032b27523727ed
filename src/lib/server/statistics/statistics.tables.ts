/**
 * Statistics tables. A value belongs to an indicator, a period (one year, or a span such as 2004–2017),
 * a breakdown category of the indicator and a source. Two sources may give the same cell different
 * figures: both rows are kept (the unique key includes the source), never overwritten.
 */
export interface StatIndicatorTable {
  id: string;
  /** Stable, URL-safe name such as `police_reports_trafficking`; used in URLs and imports. */
  slug: string;
  name_nb: string;
  name_en: string;
  definition_nb: string;
  definition_en: string;
  unit_nb: string;
  unit_en: string;
  /** `line` or `bar`. */
  chart_kind: string;
  /** Sort position on the public list. */
  position: number;
  created_at: string;
  updated_at: string;
}

export interface StatBreakdownTable {
  indicator_id: string;
  code: string;
  label_nb: string;
  label_en: string;
  position: number;
}

export interface StatSourceTable {
  id: string;
  title: string;
  publisher: string;
  /** Empty string when the source has no address (a printed report). */
  url: string;
  /** ISO date (YYYY-MM-DD) the source was read, or null when it was not recorded. */
  accessed_on: string | null;
  created_at: string;
}

export interface StatValueTable {
  id: string;
  indicator_id: string;
  breakdown: string;
  /** First year of the period; equal to `period_to` for a single year. */
  period_from: number;
  period_to: number;
  /** The figure, or null for an explicit gap (the source gives no exact number). */
  value: number | null;
  /** Why the cell is a gap or how the source words the figure, in the source's language. */
  note: string;
  source_id: string;
  created_at: string;
  updated_at: string;
}

export interface StatisticsTables {
  stat_indicator: StatIndicatorTable;
  stat_breakdown: StatBreakdownTable;
  stat_source: StatSourceTable;
  stat_value: StatValueTable;
}
