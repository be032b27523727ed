/**
 * Reads an amount of Norwegian kroner the way people type it: "2 050 000", "2.050.000", "2,05 mill.",
 * "kr 1 300 000,-", "1,3 millioner", "NOK 900000". Returns whole kroner, or an error code: `negative`
 * for a minus sign, `invalid` for anything else that is not an amount. `whole: false` keeps two decimals
 * (for averages such as full-time equivalents). Pure.
 */
export type TAmountResult = { ok: true; value: number } | { ok: false; error: 'invalid' | 'negative' | 'tooLarge' };

/** Upper bound: no single contract or company figure this tool handles is above 10 000 billion. */
export const MAX_AMOUNT = 10_000_000_000_000;

const multipliers: [RegExp, number][] = [
  [/(?:mrd\.?|milliard(?:er)?|billion)$/, 1_000_000_000],
  [/(?:mill\.?|mill?ion(?:er)?|mnok|m)$/, 1_000_000],
  [/(?:tusen|thousand|k)$/, 1_000]
];

export function parseNok(input: string, { whole = true }: { whole?: boolean } = {}): TAmountResult {
  let s = input
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
  s = s.replace(/^(?:kr\.?|nok)\s*/, '').replace(/\s*(?:kr\.?|nok|,-|\.-)$/, '');
  s = s.trim();
  if (/^[-\u2212]/.test(s)) return { ok: false, error: 'negative' };
  let factor = 1;
  for (const [re, f] of multipliers) {
    if (re.test(s)) {
      s = s.replace(re, '').trim();
      factor = f;
      break;
    }
  }
  s = s.replace(/ /g, '');
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return { ok: false, error: 'invalid' };
  const number = readNumber(s, factor !== 1);
  if (number === null) return { ok: false, error: 'invalid' };
  const value = whole ? Math.round(number * factor) : Math.round(number * factor * 100) / 100;
  if (!Number.isFinite(value) || value > MAX_AMOUNT) return { ok: false, error: 'tooLarge' };
  return { ok: true, value };
}

/** Digits with "." or "," as thousands separators or decimal mark; null when it cannot be read. */
function readNumber(s: string, scaled: boolean): number | null {
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return Number(s);
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal mark, the other groups thousands ("1.300.000,50", "1,300,000.50").
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if ((s.match(new RegExp(`\\${decimal}`, 'g')) ?? []).length > 1) return null;
    const [whole, fraction] = s.split(decimal);
    if (!groupedOk(whole, group)) return null;
    return Number(`${whole.replaceAll(group, '')}.${fraction}`);
  }
  const mark = dots > 0 ? '.' : ',';
  const count = Math.max(dots, commas);
  if (count > 1) return groupedOk(s, mark) ? Number(s.replaceAll(mark, '')) : null;
  const [whole, fraction] = s.split(mark);
  // One mark: a decimal comma, or a decimal after "mill."; "2.050" without a unit groups thousands.
  if (mark === '.' && !scaled && fraction.length === 3) return Number(whole + fraction);
  return Number(`${whole}.${fraction}`);
}

function groupedOk(s: string, mark: string): boolean {
  const parts = s.split(mark);
  return parts[0].length >= 1 && parts[0].length <= 3 && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}
