import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReferenceCsv, ReferenceFileError, REFERENCE_FILE, scottishReferenceSeries } from './reference-series';

const shipped = readFileSync(resolve('data', REFERENCE_FILE), 'utf8');
const [header, first, second] = shipped.split('\n');

function errorOf(csv: string): ReferenceFileError {
  try {
    parseReferenceCsv(csv);
  } catch (e) {
    if (e instanceof ReferenceFileError) return e;
    throw e;
  }
  throw new Error('expected a ReferenceFileError');
}

describe('Scottish reference series', () => {
  it('loads the shipped file: every point has a source, an https address, a caveat and a base', () => {
    const series = scottishReferenceSeries();
    expect(series.length).toBeGreaterThanOrEqual(10);
    for (const s of series)
      for (const p of s.points) {
        expect(p.source.length).toBeGreaterThan(10);
        expect(p.url).toMatch(/^https:\/\/www\.(gov\.scot|holyrood\.com|bbc\.co\.uk)\//);
        expect(p.caveat.nb && p.caveat.en).toBeTruthy();
        expect([1025, 1008]).toContain(p.base_n);
        expect(p.value).toBeGreaterThanOrEqual(0);
        expect(p.value).toBeLessThanOrEqual(1);
      }
  });

  it('has the figures of the research notes (Scotland 14 % → 16 %, police 80 % → 87 %)', () => {
    const byId = new Map(scottishReferenceSeries().map((s) => [s.indicator, s]));
    expect(byId.get('issue_great_extent_scotland')!.points.map((p) => [p.year, p.value])).toEqual([
      [2017, 0.14],
      [2018, 0.16]
    ]);
    expect(byId.get('would_report_police')!.points.map((p) => p.value)).toEqual([0.8, 0.87]);
  });

  it('refuses a row without a source, naming its line', () => {
    const cells = first.split(',');
    cells[8] = '';
    const e = errorOf([header, cells.join(','), second].join('\n'));
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/line 2: source is empty/);
  });

  it('refuses a bad value on a later line, counting blank lines and Windows line ends', () => {
    const cells = second.split(',');
    cells[4] = 'forty';
    const e = errorOf([header, first, '', cells.join(',')].join('\r\n'));
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/value/);
  });

  it('refuses a percentage above 100, a missing field, a wrong header and a repeated year', () => {
    const over = first.split(',');
    over[4] = '140';
    expect(errorOf([header, over.join(',')].join('\n')).message).toMatch(/line 2: value is above 100/);
    expect(errorOf([header, first.split(',').slice(0, 5).join(',')].join('\n')).message).toMatch(
      /line 2: has 5 fields/
    );
    expect(errorOf(['indicator,year,value', first].join('\n')).line).toBe(1);
    expect(errorOf([header, first, first].join('\n')).message).toMatch(/line 3: .*year 2017 twice/);
  });

  it('reads a file with a byte-order mark', () => {
    expect(parseReferenceCsv('\uFEFF' + [header, first].join('\n'))[0].points).toHaveLength(1);
  });
});
