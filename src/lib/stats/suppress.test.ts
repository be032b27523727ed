import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSuppressed, suppressCount, suppressedShare, suppressGroup } from './suppress';

describe('suppressCount', () => {
  it('hides 1–4 and shows 0 and 5+', () => {
    expect(suppressCount(0)).toEqual({ suppressed: false, count: 0 });
    expect(suppressCount(1)).toEqual({ suppressed: true, count: null, lessThan: 5 });
    expect(suppressCount(4)).toEqual({ suppressed: true, count: null, lessThan: 5 });
    expect(suppressCount(5)).toEqual({ suppressed: false, count: 5 });
    expect(formatSuppressed(suppressCount(3))).toBe('<5');
    expect(formatSuppressed(suppressCount(1234), (n) => n.toLocaleString('en'))).toBe('1,234');
  });

  it('takes another threshold and refuses nonsense', () => {
    expect(suppressCount(9, 10).suppressed).toBe(true);
    expect(suppressCount(10, 10)).toEqual({ suppressed: false, count: 10 });
    expect(() => suppressCount(-1)).toThrow(RangeError);
    expect(() => suppressCount(1.5)).toThrow(RangeError);
    expect(() => suppressCount(3, 0)).toThrow(RangeError);
  });

  it('never shows a count between 1 and threshold-1, and shows every other count exactly', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 50 }), (n, threshold) => {
        const c = suppressCount(n, threshold);
        if (n > 0 && n < threshold) expect(c.suppressed).toBe(true);
        else expect(c).toEqual({ suppressed: false, count: n });
        expect(formatSuppressed(c)).toBe(c.suppressed ? `<${threshold}` : String(n));
      })
    );
  });

  it('gives a share only when part and total are both shown', () => {
    expect(suppressedShare(suppressCount(5), suppressCount(20))).toBe(0.25);
    expect(suppressedShare(suppressCount(2), suppressCount(20))).toBeNull();
    expect(suppressedShare(suppressCount(0), suppressCount(0))).toBeNull();
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (a, b) => {
        const share = suppressedShare(suppressCount(a), suppressCount(a + b));
        if (share !== null) expect(share * (a + b)).toBeCloseTo(a);
      })
    );
  });
});

describe('suppressGroup', () => {
  it('hides a second cell when one hidden cell could be worked out from the total', () => {
    // 6 + 2 + 0 = 8: hiding only the 2 would reveal it as 8 - 6.
    expect(suppressGroup([0, 6, 2]).map((c) => formatSuppressed(c))).toEqual(['0', '*', '<5']);
    expect(suppressGroup([10, 20, 30]).every((c) => !c.suppressed)).toBe(true);
    // 1 + 1 hidden hold only 2: a third cell is hidden too.
    expect(suppressGroup([1, 1, 7, 9]).map((c) => formatSuppressed(c))).toEqual(['<5', '<5', '*', '9']);
  });

  it('never leaves exactly one hidden non-zero cell, and hidden cells hold at least the threshold (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 12 }), (counts) => {
        const out = suppressGroup(counts);
        const hidden = counts.filter((n, i) => out[i].suppressed && n > 0);
        const total = counts.reduce((a, b) => a + b, 0);
        // Every small count is hidden; shown counts are exact.
        counts.forEach((n, i) => {
          if (n > 0 && n < 5) expect(out[i].suppressed).toBe(true);
          if (!out[i].suppressed) expect(out[i].count).toBe(n);
        });
        if (hidden.length > 0 && total >= 5) {
          expect(hidden.length).toBeGreaterThanOrEqual(2);
          expect(hidden.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
        }
      }),
      { numRuns: 2000 }
    );
  });
});
