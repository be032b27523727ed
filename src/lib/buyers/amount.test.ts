import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNok } from './amount';

describe('parseNok', () => {
  it('reads the ways people write amounts in Norway', () => {
    const cases: [string, number][] = [
      ['2050000', 2_050_000],
      ['2 050 000', 2_050_000],
      ['2\u00a0050\u00a0000', 2_050_000],
      ['2.050.000', 2_050_000],
      ['2.050.000,50', 2_050_001],
      ['kr 1 300 000,-', 1_300_000],
      ['1 300 000 kr', 1_300_000],
      ['NOK 900000', 900_000],
      ['2,05 mill.', 2_050_000],
      ['2,05 mill. kr', 2_050_000],
      ['1,3 millioner', 1_300_000],
      ['2.5 mill', 2_500_000],
      ['70 MNOK', 70_000_000],
      ['1,5 mrd', 1_500_000_000],
      ['500 tusen', 500_000],
      ['2.050', 2_050],
      ['50,5', 51],
      ['0', 0]
    ];
    for (const [input, value] of cases) expect(parseNok(input), input).toEqual({ ok: true, value });
  });

  it('keeps decimals when asked (full-time equivalents)', () => {
    expect(parseNok('50,4', { whole: false })).toEqual({ ok: true, value: 50.4 });
    expect(parseNok('50.25', { whole: false })).toEqual({ ok: true, value: 50.25 });
  });

  it('refuses negative, empty and non-numeric input with the right reason', () => {
    expect(parseNok('-5')).toEqual({ ok: false, error: 'negative' });
    expect(parseNok('kr -1 000')).toEqual({ ok: false, error: 'negative' });
    expect(parseNok('\u22121000')).toEqual({ ok: false, error: 'negative' });
    for (const bad of ['', 'kr', 'mill.', 'abc', '12abc', '1..2', '1.2.3', '1,', '1 000 000 000 000 000 000', '2e6']) {
      const r = parseNok(bad);
      expect(r.ok, bad).toBe(false);
    }
    expect(parseNok('99999999999999999')).toEqual({ ok: false, error: 'tooLarge' });
  });

  it('round-trips any whole amount written with spaces, dots or nb-NO grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (n) => {
        const grouped = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
        expect(parseNok(grouped)).toEqual({ ok: true, value: n });
        expect(parseNok(`kr ${grouped},-`)).toEqual({ ok: true, value: n });
        expect(parseNok(new Intl.NumberFormat('nb-NO').format(n))).toEqual({ ok: true, value: n });
        if (n >= 1_000_000)
          expect(parseNok(n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.'))).toEqual({ ok: true, value: n });
      })
    );
  });

  it('never throws, and anything accepted is a non-negative whole number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = parseNok(s);
        if (r.ok) {
          expect(Number.isSafeInteger(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(0);
        }
      })
    );
  });
});
