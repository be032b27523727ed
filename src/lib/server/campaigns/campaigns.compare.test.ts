import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compareCsv, compareSorts, sortRows, ZCompareQuery, type TCompareRow } from './campaigns.compare';

const row = (name: string, over: Partial<TCompareRow> = {}): TCompareRow => ({
  id: name,
  name,
  startsOn: '2026-09-01',
  endsOn: '2026-10-01',
  design: 'did',
  indicator: 'problem = yes',
  budget: 100_000,
  effect: null,
  uplift: null,
  ...over
});

describe('comparison of campaigns', () => {
  it('sorts by a column either way, campaigns without a value last', () => {
    const rows = [
      row('B', { budget: 50 }),
      row('A', { budget: null }),
      row('C', { budget: 900 }),
      row('D', { effect: { n: 2000, estimate: 6, ci_low: 1, ci_high: 11, tooFew: false, cost: null } })
    ];
    expect(sortRows(rows, 'budget', 'asc').map((r) => r.name)).toEqual(['B', 'C', 'D', 'A']);
    expect(sortRows(rows, 'budget', 'desc').map((r) => r.name)).toEqual(['D', 'C', 'B', 'A']);
    expect(sortRows(rows, 'effect', 'desc').map((r) => r.name)).toEqual(['D', 'A', 'B', 'C']);
    expect(sortRows(rows, 'name', 'asc').map((r) => r.name)).toEqual(['A', 'B', 'C', 'D']);
    expect(ZCompareQuery.parse({ sort: 'nonsense', dir: 'x' })).toEqual({ sort: 'start', dir: 'desc' });
  });

  it('property: sorting keeps every row and puts empty values last', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }), { maxLength: 12 }),
        fc.constantFrom(...compareSorts),
        fc.constantFrom('asc' as const, 'desc' as const),
        (budgets, sort, dir) => {
          const rows = budgets.map((b, i) => row(`c${i}`, { budget: b }));
          const out = sortRows(rows, sort, dir);
          expect(out.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
          if (sort === 'budget') {
            const firstNull = out.findIndex((r) => r.budget === null);
            if (firstNull >= 0) expect(out.slice(firstNull).every((r) => r.budget === null)).toBe(true);
          }
        }
      )
    );
  });

  it('exports CSV that reads back, with formulas guarded', () => {
    const csv = compareCsv(
      [
        row('=HYPERLINK("x")', {
          effect: {
            n: 2000,
            estimate: 6,
            ci_low: 1,
            ci_high: 11,
            tooFew: false,
            cost: { estimate: 16_666, ci_low: 9_090, ci_high: 100_000 }
          },
          uplift: 0.25
        })
      ],
      'en'
    );
    const [header, first] = parse(csv) as string[][];
    expect(header[0]).toBe('campaign');
    expect(first[0]).not.toMatch(/^=/);
    expect(first.slice(3, 8)).toEqual(['Difference-in-differences', 'problem = yes', '100000', '2000', '6']);
    expect(first[11]).toBe('16666');
    expect(first[14]).toBe('0.25');
  });
});
