import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidOrgNumber, normaliseOrgNumber, orgNumberCheckDigit } from './org-number';

const first8 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }).map((d) => d.join(''));

describe('organisation number (MOD11)', () => {
  it('accepts real organisation numbers, also typed with spaces', () => {
    expect(isValidOrgNumber('974760673')).toBe(true); // Brønnøysundregistrene
    expect(isValidOrgNumber('923 609 016')).toBe(true); // Equinor ASA
    expect(normaliseOrgNumber('923 609.016')).toBe('923609016');
  });

  it('refuses wrong lengths and non-digits', () => {
    for (const bad of ['', '97476067', '9747606730', '97476067a', 'abcdefghi'])
      expect(isValidOrgNumber(bad)).toBe(false);
  });

  it('accepts every number built with its check digit', () => {
    fc.assert(
      fc.property(first8, (digits) => {
        const check = orgNumberCheckDigit(digits);
        fc.pre(check !== null);
        expect(isValidOrgNumber(digits + String(check))).toBe(true);
      })
    );
  });

  it('detects every single-digit typing error', () => {
    fc.assert(
      fc.property(first8, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (digits, pos, shift) => {
        const check = orgNumberCheckDigit(digits);
        fc.pre(check !== null);
        const valid = digits + String(check);
        const changed = valid.slice(0, pos) + String((Number(valid[pos]) + shift) % 10) + valid.slice(pos + 1);
        expect(isValidOrgNumber(changed)).toBe(false);
      })
    );
  });

  it('has no valid number when the remainder gives check digit 10', () => {
    fc.assert(
      fc.property(first8, fc.integer({ min: 0, max: 9 }), (digits, last) => {
        fc.pre(orgNumberCheckDigit(digits) === null);
        expect(isValidOrgNumber(digits + String(last))).toBe(false);
      })
    );
  });
});
