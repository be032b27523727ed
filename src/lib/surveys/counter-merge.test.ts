import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countColumns, mergeIncrements } from './counter-merge';

type TRow = { wave_id: string; question_id: string; answer: string; cell: string };
const key = (r: TRow) => [r.wave_id, r.question_id, r.answer, r.cell].join('\u0001');

/** The counters after adding each row's +1 one after another (what one transaction per response stored). */
function sequential(start: Map<string, number>, rows: readonly TRow[]) {
  const out = new Map(start);
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
  return out;
}
/** The counters after upserting each merged row once with n = n + k. */
function merged(start: Map<string, number>, rows: readonly TRow[]) {
  const out = new Map(start);
  for (const r of mergeIncrements(rows, countColumns)) out.set(key(r), (out.get(key(r)) ?? 0) + r.n);
  return out;
}

// Few distinct values, so that keys repeat (the hot-row case of a busy wave); '|' and '"' inside values.
const text = fc.constantFrom('a', 'b', 'a|b', '"', '', 'æ', '\u0000', 'a\u0000', '\u0000b');
const row = fc.record({ wave_id: text, question_id: text, answer: text, cell: text });

describe('mergeIncrements', () => {
  it('sums the +1s of the same counter and keeps the others apart', () => {
    const r = (answer: string, cell = 'f|25-34|03') => ({ wave_id: 'w', question_id: 'q1', answer, cell });
    expect(mergeIncrements([r('yes'), r('no'), r('yes'), r('yes', 'm|25-34|03')], countColumns)).toEqual([
      { ...r('no'), n: 1 },
      { ...r('yes'), n: 2 },
      { ...r('yes', 'm|25-34|03'), n: 1 }
    ]);
    expect(mergeIncrements([], countColumns)).toEqual([]);
  });

  it('does not confuse values that join to the same text', () => {
    const a = { wave_id: 'w', question_id: 'q|1', answer: 'x', cell: 'c' };
    const b = { wave_id: 'w', question_id: 'q', answer: '1|x', cell: 'c' };
    expect(mergeIncrements([a, b], countColumns)).toHaveLength(2);
    const c = { wave_id: 'w', question_id: 'q\u0000', answer: 'x', cell: 'c' };
    const d = { wave_id: 'w', question_id: 'q', answer: '\u0000x', cell: 'c' };
    expect(
      mergeIncrements([c, d, c], countColumns)
        .map((r) => r.n)
        .sort()
    ).toEqual([1, 2]);
  });

  it('property: merged counters equal adding the responses one by one, from any starting counters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(row, fc.nat(1000)), { maxLength: 10 }),
        fc.array(fc.array(row, { maxLength: 25 }), { maxLength: 30 }),
        (startRows, responses) => {
          const start = new Map(startRows.map(([r, n]) => [key(r), n]));
          const all = responses.flat();
          expect(merged(start, all)).toEqual(sequential(start, all));
          // Each key once, n ≥ 1, Σn = number of rows, sorted (one lock order for every writer).
          const m = mergeIncrements(all, countColumns);
          expect(new Set(m.map(key)).size).toBe(m.length);
          expect(m.every((r) => r.n >= 1)).toBe(true);
          expect(m.reduce((s, r) => s + r.n, 0)).toBe(all.length);
          if (!all.some((r) => key(r).includes('\u0000'))) {
            const keys = m.map((r) => [r.wave_id, r.question_id, r.answer, r.cell].join('\u0000') + '\u0000');
            expect(keys).toEqual([...keys].sort());
          }
        }
      )
    );
  });
});
