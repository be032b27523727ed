import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildJsonStat, parseJsonStat } from './jsonstat';

const fixture = readFileSync(new URL('./fixtures/ssb-police-reports.jsonstat.json', import.meta.url), 'utf8');

describe('parseJsonStat', () => {
  it('reads the SSB-shaped fixture: dimensions, time role, row-major cells and status', () => {
    const r = parseJsonStat(fixture);
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.dataset.timeDimension).toBe('Tid');
    expect(r.dataset.metricDimensions).toEqual(['ContentsCode']);
    expect(r.dataset.cells).toHaveLength(12);
    expect(r.dataset.cells[8]).toEqual({
      coords: { Utnytting: 'forced_labour', ContentsCode: 'Anmeldte', Tid: '2014' },
      value: 68,
      status: null
    });
    expect(r.dataset.cells[1]).toMatchObject({ value: null, status: '..' });
  });

  it('refuses what is not a JSON-stat 2.0 dataset, naming the problem', () => {
    const ds = JSON.parse(fixture);
    const issue = (x: unknown) => {
      const r = parseJsonStat(typeof x === 'string' ? x : JSON.stringify(x));
      return r.ok ? null : r.issue.message;
    };
    expect(issue('{oops')).toBe('stats.jsonstat.error.json');
    expect(issue({ ...ds, version: '1.0' })).toBe('stats.jsonstat.error.notDataset');
    expect(issue({ ...ds, size: [3, 1, 5] })).toBe('stats.jsonstat.error.categories');
    expect(issue({ ...ds, value: [...ds.value, 1] })).toBe('stats.jsonstat.error.sizeMismatch');
    expect(issue({ ...ds, value: ds.value.map(() => 'x') })).toBe('stats.jsonstat.error.value');
    const { Tid: _tid, ...withoutTid } = ds.dimension;
    void _tid;
    expect(issue({ ...ds, dimension: withoutTid })).toBe('stats.jsonstat.error.dimension');
  });

  it('reads a sparse value object', () => {
    const ds = JSON.parse(fixture);
    const r = parseJsonStat(JSON.stringify({ ...ds, value: { 0: 106, 8: 68 }, status: undefined }));
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.dataset.cells.filter((c) => c.value !== null).map((c) => c.value)).toEqual([106, 68]);
  });
});

describe('buildJsonStat', () => {
  it('round-trips any cube through parseJsonStat', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }), { minLength: 20, maxLength: 20 }),
        (a, b, pool) => {
          const dims = [
            {
              id: 'breakdown',
              label: 'B',
              categories: Array.from({ length: a }, (_, i) => ({ code: `b${i}`, label: `B${i}` }))
            },
            {
              id: 'period',
              label: 'P',
              categories: Array.from({ length: b }, (_, i) => ({ code: String(2000 + i), label: String(2000 + i) }))
            }
          ];
          const valueAt = (c: string[]) => pool[(Number(c[0].slice(1)) * b + Number(c[1]) - 2000) % pool.length];
          const ds = buildJsonStat({
            label: 'x',
            source: 's',
            updated: '',
            dimensions: dims,
            role: { time: ['period'] },
            cell: (c) => ({ value: valueAt(c) })
          });
          const r = parseJsonStat(JSON.stringify(ds));
          return (
            r.ok && r.dataset.cells.every((cell) => cell.value === valueAt([cell.coords.breakdown, cell.coords.period]))
          );
        }
      )
    );
  });
});
