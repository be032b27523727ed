import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildAttrition,
  checkRow,
  parseFigure,
  parsePeriod,
  planImport,
  sourceKey,
  type TImportRow,
  type TStoredValue
} from './statistics.core';

const breakdowns = [
  { code: 'total', labelNb: 'I alt', labelEn: 'Total' },
  { code: 'women', labelNb: 'Kvinner', labelEn: 'Women' }
];
const now = new Date('2026-11-28T12:00:00Z');

describe('reading periods and figures', () => {
  it('reads years and spans, and refuses other text', () => {
    expect(parsePeriod('2017')).toEqual({ from: 2017, to: 2017 });
    expect(parsePeriod('2004–2017')).toEqual({ from: 2004, to: 2017 });
    expect(parsePeriod('2004-2017')).toEqual({ from: 2004, to: 2017 });
    expect(parsePeriod('2017-2004')).toBeNull();
    expect(parsePeriod('2017M01')).toBeNull();
  });

  it('reads Norwegian and English numbers, SSB’s gap symbols, and refuses words', () => {
    expect(parseFigure('1 234')).toBe(1234);
    expect(parseFigure('12,5')).toBe(12.5);
    expect(parseFigure('..')).toBeNull();
    expect(parseFigure('')).toBeNull();
    expect(parseFigure('mange')).toBeUndefined();
    expect(parseFigure('1e5')).toBeUndefined();
  });

  it('reads back every integer it could have written', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => parseFigure(String(n)) === n));
  });

  it('checks a row’s year range against next year', () => {
    const row = (periodText: string) =>
      checkRow({ ref: '2', breakdownText: 'Kvinner', periodText, valueText: '3' }, breakdowns, now);
    expect(row('2027').issues).toEqual([]);
    expect(row('2027').breakdown).toBe('women');
    expect(row('2028').issues[0].message).toBe('stats.import.error.yearRange');
    expect(row('1989').issues[0].message).toBe('stats.import.error.yearRange');
  });
});

const arbRow = fc.record({
  breakdown: fc.constantFrom('total', 'women'),
  year: fc.integer({ min: 2000, max: 2005 }),
  value: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
  source: fc.constantFrom('A', 'B', 'C')
});

function toRow(r: { breakdown: string; year: number; value: number | null; source: string }): TImportRow {
  return {
    ref: '',
    breakdown: r.breakdown,
    period: { from: r.year, to: r.year },
    value: r.value,
    note: '',
    source: { title: r.source, publisher: 'P', url: '', accessedOn: null }
  };
}

/** What storing a plan would leave: the store the service writes, kept in memory. */
function apply(stored: TStoredValue[], rows: TImportRow[]): TStoredValue[] {
  const plan = planImport(stored, rows);
  const out = [...stored];
  for (const p of plan.rows) {
    const sk = sourceKey(p.row.source);
    if (p.action === 'update') {
      const i = out.findIndex((v) => v.id === p.existingId);
      out[i] = { ...out[i], value: p.row.value, note: p.row.note };
    } else if (p.action === 'insert')
      out.push({
        id: String(out.length),
        breakdown: p.row.breakdown,
        period: p.row.period,
        value: p.row.value,
        note: p.row.note,
        sourceKey: sk
      });
  }
  return out;
}

describe('planning an import', () => {
  it('is idempotent: importing the same rows twice changes nothing the second time', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 30 }), fc.array(arbRow, { maxLength: 30 }), (before, file) => {
        const stored = apply([], before.map(toRow));
        const once = apply(stored, file.map(toRow));
        const plan = planImport(once, file.map(toRow));
        return plan.counts.insert === 0 && plan.counts.update === 0;
      })
    );
  });

  it('never overwrites another source’s figure: every stored (cell, source) survives', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 30 }), fc.array(arbRow, { maxLength: 30 }), (before, file) => {
        const stored = apply([], before.map(toRow));
        const after = apply(stored, file.map(toRow));
        const fileKeys = new Set(file.map((r) => `${r.breakdown}|${r.year}|${sourceKey(toRow(r).source)}`));
        return stored.every((s) => {
          const kept = after.find((a) => a.id === s.id)!;
          return fileKeys.has(`${s.breakdown}|${s.period.from}|${s.sourceKey}`) || kept.value === s.value;
        });
      })
    );
  });

  it('reports a different figure from another source as a conflict, kept beside', () => {
    const stored = apply([], [toRow({ breakdown: 'total', year: 2017, value: 43, source: 'NRK' })]);
    const plan = planImport(stored, [toRow({ breakdown: 'total', year: 2017, value: 40, source: 'Lightup' })]);
    expect(plan.counts).toEqual({ insert: 1, update: 0, unchanged: 0, conflicts: 1 });
  });
});

describe('the attrition chain', () => {
  it('names missing stages and computes the share only from undisputed figures', () => {
    const years = buildAttrition([
      { stage: 'reports', year: 2017, value: 46 },
      { stage: 'completed', year: 2017, value: 44 },
      { stage: 'reports', year: 2023, value: 27 },
      { stage: 'convictions', year: 2023, value: 0 },
      { stage: 'reports', year: 2018, value: 45 },
      { stage: 'reports', year: 2018, value: 44 },
      { stage: 'convictions', year: 2018, value: 2 }
    ]);
    expect(years.map((y) => y.year)).toEqual([2017, 2018, 2023]);
    expect(years[0].missing).toEqual(['prosecuted', 'convictions']);
    expect(years[0].convictionShare).toBeNull();
    expect(years[1].stages.reports?.values).toEqual([44, 45]);
    expect(years[1].convictionShare).toBeNull();
    expect(years[2].convictionShare).toBe(0);
  });

  it('gives a share between 0 and 1 whenever convictions do not exceed reports', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (reports, c) => {
        const convictions = Math.min(c, reports);
        const [y] = buildAttrition([
          { stage: 'reports', year: 2020, value: reports },
          { stage: 'convictions', year: 2020, value: convictions }
        ]);
        return y.convictionShare !== null && y.convictionShare >= 0 && y.convictionShare <= 1;
      })
    );
  });
});
