import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoWeek, isoWeek } from './iso-week';

describe('isoWeek', () => {
  it('matches known ISO weeks, including year boundaries', () => {
    expect(isoWeek(new Date('2026-11-28T22:00:00Z'))).toBe('2026-W48');
    expect(isoWeek(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2018-01-01T00:00:00Z'))).toBe('2018-W01');
  });

  it('validates week strings', () => {
    expect(isIsoWeek('2026-W48')).toBe(true);
    expect(isIsoWeek('2020-W53')).toBe(true);
    expect(isIsoWeek('2021-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-48')).toBe(false);
  });

  it('is always a valid week, monotone in time, and the same for the 7 days Monday–Sunday', () => {
    const day = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 * 86_400_000 }), (t, dt) => {
        const a = isoWeek(new Date(t));
        const b = isoWeek(new Date(t + dt));
        expect(isIsoWeek(a)).toBe(true);
        expect(a <= b).toBe(true);
        const date = new Date(t);
        const monday =
          Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) -
          ((date.getUTCDay() + 6) % 7) * 86_400_000;
        expect(isoWeek(new Date(monday + 6 * 86_400_000 + 3_600_000))).toBe(a);
      })
    );
  });
});
