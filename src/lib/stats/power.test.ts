import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mdeBeforeAfter,
  mdeDid,
  mdeExposed,
  plan,
  PowerInputError,
  sampleBeforeAfter,
  sampleDid,
  sampleExposed,
  twoProportionPower
} from './power';

const pts = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

describe('closed forms of the research notes (surveys.md §4–5)', () => {
  it('14 % → 16 % needs 5,003 per wave (R 5,002.5), 7,504 at deff 1.5', () => {
    expect(sampleBeforeAfter(0.14, 0.16)).toBeCloseTo(5002.48, 1);
    expect(Math.ceil(sampleBeforeAfter(0.14, 0.16, { deff: 1.5 }))).toBe(7504);
  });

  it('MDE with 1,000 per wave: +3.1 points at 5 %, +4.6 at 14 %, +6.2 at 50 %', () => {
    expect(pts(mdeBeforeAfter(0.05, 1000, 1000).mde)).toBe(3.1);
    expect(pts(mdeBeforeAfter(0.14, 1000, 1000).mde)).toBe(4.6);
    expect(pts(mdeBeforeAfter(0.5, 1000, 1000).mde)).toBe(6.2);
  });

  it('MDE at 14 % is about 5.7 points at deff 1.5', () => {
    expect(pts(mdeBeforeAfter(0.14, 1000, 1000, { deff: 1.5 }).mde)).toBe(5.7);
  });

  it('DiD at 30 %, 1,000 per wave, deff 1.5: 14.4 points with 40 % exposed, 17.6 with 20 %', () => {
    expect(pts(mdeDid(0.3, 1000, 1000, 0.4, { deff: 1.5 }).mde)).toBe(14.4);
    expect(pts(mdeDid(0.3, 1000, 1000, 0.2, { deff: 1.5 }).mde)).toBe(17.6);
  });

  it('exposed vs not exposed with half exposed equals before/after with the halves', () => {
    expect(mdeExposed(0.3, 2000, 0.5).mde!).toBeCloseTo(mdeBeforeAfter(0.3, 1000, 1000).mde!, 10);
    expect(sampleExposed(0.3, 0.35, 0.5)).toBeCloseTo(2 * sampleBeforeAfter(0.3, 0.35), 6);
  });

  it('the power at the MDE is the power asked for', () => {
    const { mde } = mdeBeforeAfter(0.2, 800, 1200, { power: 0.9, alpha: 0.01 });
    expect(twoProportionPower(0.2, 0.2 + mde!, 800, 1200, { alpha: 0.01 })).toBeCloseTo(0.9, 9);
  });

  it('a plan of 1,000 per wave hoping for +2 points is underpowered everywhere; 20,000 detects it before/after', () => {
    const small = plan({
      level: 0.14,
      n_before: 1000,
      n_after: 1000,
      share_exposed: 0.3,
      deff: 1.5,
      hoped_change: 0.02
    });
    expect(small.map((d) => d.underpowered)).toEqual([true, true, true]);
    expect(small[0].needed).toBe(7504);
    const big = plan({
      level: 0.14,
      n_before: 20000,
      n_after: 20000,
      share_exposed: 0.3,
      deff: 1.5,
      hoped_change: 0.02
    });
    expect(big[0].underpowered).toBe(false);
  });

  it('an MDE beyond 100 % is none (null), and the plan says underpowered', () => {
    expect(mdeBeforeAfter(0.9, 10, 10, { alpha: 0.01 }).mde).toBeNull();
    expect(mdeDid(0.9, 10, 10, 0.1).mde).toBeNull();
  });

  it('refuses levels, shares, samples and settings out of range', () => {
    expect(() => mdeBeforeAfter(0, 100, 100)).toThrow(PowerInputError);
    expect(() => mdeBeforeAfter(0.5, 0, 100)).toThrow(PowerInputError);
    expect(() => mdeExposed(0.5, 100, 1)).toThrow(PowerInputError);
    expect(() => sampleBeforeAfter(0.5, 0.5)).toThrow(PowerInputError);
    expect(() => sampleDid(0.5, 0, 0.5)).toThrow(PowerInputError);
    expect(() => mdeBeforeAfter(0.5, 100, 100, { deff: 0 })).toThrow(PowerInputError);
    expect(() => mdeBeforeAfter(0.5, 100, 100, { power: 1 })).toThrow(PowerInputError);
  });
});

const level = fc.double({ min: 0.02, max: 0.8, noNaN: true });
const size = fc.integer({ min: 50, max: 50000 });
const share = fc.double({ min: 0.05, max: 0.95, noNaN: true });
const deff = fc.double({ min: 1, max: 3, noNaN: true });

describe('properties', () => {
  it('MDEs shrink as the samples grow', () => {
    fc.assert(
      fc.property(level, size, share, deff, (p, n, s, k) => {
        const o = { deff: k };
        const ba = [mdeBeforeAfter(p, n, n, o).mde, mdeBeforeAfter(p, 2 * n, 2 * n, o).mde];
        const ex = [mdeExposed(p, n, s, o).mde, mdeExposed(p, 2 * n, s, o).mde];
        const did = [mdeDid(p, n, n, s, o).mde, mdeDid(p, 2 * n, 2 * n, s, o).mde];
        for (const [a, b] of [ba, ex, did]) if (a !== null) expect(b!).toBeLessThan(a);
      })
    );
  });

  it('a larger design effect never detects less', () => {
    fc.assert(
      fc.property(level, size, deff, (p, n, k) => {
        const a = mdeBeforeAfter(p, n, n, { deff: k }).mde;
        const b = mdeBeforeAfter(p, n, n, { deff: k + 0.5 }).mde;
        if (a !== null && b !== null) expect(b).toBeGreaterThan(a);
        // deff only divides the sample sizes.
        const plain = mdeBeforeAfter(p, n / k, n / k).mde;
        if (a === null || plain === null) expect(a).toBe(plain);
        else expect(a).toBeCloseTo(plain, 9);
      })
    );
  });

  it('sample needed and MDE are inverses (round trip)', () => {
    fc.assert(
      fc.property(level, size, share, deff, (p, n, s, k) => {
        const o = { deff: k };
        const a = mdeBeforeAfter(p, n, n, o).mde;
        if (a !== null) expect(sampleBeforeAfter(p, p + a, o) / n).toBeCloseTo(1, 6);
        const b = mdeExposed(p, n, s, o).mde;
        if (b !== null) expect(sampleExposed(p, p + b, s, o) / n).toBeCloseTo(1, 6);
        const c = mdeDid(p, n, n, s, o).mde;
        if (c !== null) expect(sampleDid(p, c, s, o) / n).toBeCloseTo(1, 9);
      })
    );
  });

  it('DiD needs at least twice the before/after effect of the same closed form (four cells instead of two waves)', () => {
    fc.assert(
      fc.property(level, size, share, (p, n, s) => {
        const closedBeforeAfter = (1.959963984540054 + 0.8416212335729143) * Math.sqrt((2 * p * (1 - p)) / n);
        const c = mdeDid(p, n, n, s).mde;
        if (c !== null) expect(c).toBeGreaterThanOrEqual(2 * closedBeforeAfter * (1 - 1e-12));
      })
    );
  });
});
