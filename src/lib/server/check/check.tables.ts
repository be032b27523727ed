/**
 * The Check module's tables. Anonymous by construction: a check result holds the sector, the checklist
 * version, the level, the municipality (if the user gave one) and the ISO week — no time finer than the
 * week, no IP address, user agent or free text.
 */
export interface CheckResultTable {
  id: string;
  sector: string;
  checklist_version: number;
  /** 'low' | 'some' | 'strong' */
  level: string;
  municipality_number: string | null;
  /** "2026-W48" */
  iso_week: string;
}

export interface CheckResultIndicatorTable {
  result_id: string;
  indicator_id: string;
}

/** Every checklist version the app has loaded: a result can be scored later with the version it names. */
export interface CheckChecklistTable {
  sector: string;
  version: number;
  /** SHA-256 of the definition. */
  content_hash: string;
  /** The validated checklist, JSON. */
  definition: string;
  first_loaded_at: string;
}

/** Letters generated under åpenhetsloven: only a count per sector and ISO week, nothing the user typed. */
export interface CheckLetterCountTable {
  sector: string;
  iso_week: string;
  count: number;
}

/**
 * Checks per (sector, ISO week, level, county), kept by the check writer in the transaction that inserts
 * the checks: the sufficient statistics of the check summary. `county_number` is the county of the check's
 * municipality (from the municipality table when the check was stored), '' when it names none.
 */
export interface CheckCountTable {
  sector: string;
  iso_week: string;
  level: string;
  county_number: string;
  n: number;
}

/** Triggered indicators per (sector, ISO week, county, indicator), kept like check_count. */
export interface CheckIndicatorCountTable {
  sector: string;
  iso_week: string;
  county_number: string;
  indicator_id: string;
  n: number;
}

export interface CheckTables {
  check_result: CheckResultTable;
  check_result_indicator: CheckResultIndicatorTable;
  check_checklist: CheckChecklistTable;
  check_letter_count: CheckLetterCountTable;
  check_count: CheckCountTable;
  check_indicator_count: CheckIndicatorCountTable;
}
