const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Strips spaces and dots people type into organisation numbers ("912 345 678"). */
export function normaliseOrgNumber(input: string): string {
  return input.replace(/[\s.]/g, '');
}

/**
 * The MOD11 check digit Brønnøysundregistrene uses for a 9-digit organisation number,
 * computed from its first 8 digits; null when no valid check digit exists (remainder 1).
 */
export function orgNumberCheckDigit(first8: string): number | null {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first8[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** True for a 9-digit organisation number with a correct MOD11 check digit. */
export function isValidOrgNumber(input: string): boolean {
  const n = normaliseOrgNumber(input);
  if (!/^\d{9}$/.test(n)) return false;
  return orgNumberCheckDigit(n.slice(0, 8)) === Number(n[8]);
}
