/**
 * Small-count suppression for anything shown to the public: a count under the threshold (default 5)
 * is replaced by "<5", so a figure cannot point at one person or one place. The one place the rule
 * lives; every public count goes through it.
 */
export type TSuppressedCount =
  | { suppressed: false; count: number }
  /** `lessThan` is null for a count hidden only so that another hidden count cannot be worked out. */
  | { suppressed: true; count: null; lessThan: number | null };

/** How a count hidden to protect another one is shown. */
export const SECONDARY_MARK = '*';

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export function suppressCount(n: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): TSuppressedCount {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`bad threshold ${threshold}`);
  // Zero is shown as it is: "no checks" reveals nobody. 1 … threshold-1 are hidden.
  if (n > 0 && n < threshold) return { suppressed: true, count: null, lessThan: threshold };
  return { suppressed: false, count: n };
}

/** The text of a count: the number formatted by `format` (default plain), "<5", or "*" (hidden to protect another). */
export function formatSuppressed(c: TSuppressedCount, format: (n: number) => string = String): string {
  if (!c.suppressed) return format(c.count);
  return c.lessThan === null ? SECONDARY_MARK : `<${c.lessThan}`;
}

/**
 * A share (0–1) of a total that may be shown: only when both the part and the total are shown, so a
 * percentage cannot reveal a hidden count.
 */
export function suppressedShare(part: TSuppressedCount, total: TSuppressedCount): number | null {
  if (part.suppressed || total.suppressed || total.count === 0) return null;
  return part.count / total.count;
}

/**
 * Suppression of a group of counts that add up to a shown total (levels, sectors, weeks, counties): small
 * counts are hidden as by `suppressCount`, and then — so a hidden count cannot be worked out as the total
 * minus the shown ones — the smallest shown counts are hidden too, until at least two cells are hidden
 * and the hidden cells together hold at least `threshold`.
 */
export function suppressGroup(counts: number[], threshold = DEFAULT_SUPPRESSION_THRESHOLD): TSuppressedCount[] {
  const out = counts.map((n) => suppressCount(n, threshold));
  const hidden = new Set(out.flatMap((c, i) => (c.suppressed ? [i] : [])));
  if (hidden.size === 0) return out;
  const hiddenSum = () => [...hidden].reduce((a, i) => a + counts[i], 0);
  const candidates = counts
    .map((n, i) => ({ n, i }))
    .filter(({ n, i }) => n > 0 && !hidden.has(i))
    .sort((a, b) => a.n - b.n || a.i - b.i);
  while ((hidden.size < 2 || hiddenSum() < threshold) && candidates.length) hidden.add(candidates.shift()!.i);
  return counts.map((n, i) =>
    hidden.has(i) ? { suppressed: true, count: null, lessThan: n < threshold ? threshold : null } : out[i]
  );
}
