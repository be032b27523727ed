import type { TIndicator, TValue } from './statistics.service';

/** The API's view of an indicator: its slug is its id (stable across databases). */
export function toApiIndicator(i: TIndicator) {
  return {
    id: i.slug,
    nameNb: i.nameNb,
    nameEn: i.nameEn,
    definitionNb: i.definitionNb,
    definitionEn: i.definitionEn,
    unitNb: i.unitNb,
    unitEn: i.unitEn,
    chartKind: i.chartKind,
    breakdowns: i.breakdowns,
    valueCount: i.valueCount,
    firstYear: i.firstYear,
    lastYear: i.lastYear
  };
}

export function toApiValue(v: TValue) {
  return {
    breakdown: v.breakdown,
    periodFrom: v.periodFrom,
    periodTo: v.periodTo,
    value: v.value,
    note: v.note,
    source: v.source
  };
}
