import { createHash } from 'node:crypto';

/**
 * Pure rules of the help pages: the fingerprint a review is tied to, and the review status that
 * follows from it. A translation is reviewed for one version of the source texts (nb, en) and of
 * itself; when either changes, the review no longer holds and the language needs review again.
 */

export type THelpStatus = 'source' | 'unreviewed' | 'reviewed' | 'needs_review';

/** Stable JSON: keys sorted, so reordering a file's keys does not count as a change. */
function stable(text: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(text)
      .sort()
      .map((k) => [k, text[k]])
  );
}

/** The fingerprint of a translation together with the source texts it was made from. */
export function helpFingerprint(
  sources: { nb: Record<string, string>; en: Record<string, string> },
  text: Record<string, string>
): string {
  return createHash('sha256')
    .update(`${stable(sources.nb)}\n${stable(sources.en)}\n${stable(text)}`)
    .digest('hex');
}

export interface THelpReviewRecord {
  fingerprint: string;
  reviewedAt: string;
  reviewerName: string;
}

export interface THelpReviewState {
  status: THelpStatus;
  /** The last review, also when it no longer holds (needs_review). */
  lastReview: THelpReviewRecord | null;
}

/**
 * The review status of a language: source texts are their own authority; a translation is reviewed
 * when its latest review was made for the current fingerprint, needs review when it was made for an
 * older one, and is unreviewed when nobody has reviewed it.
 */
export function reviewState(
  origin: 'source' | 'translation',
  currentFingerprint: string,
  latest: THelpReviewRecord | null
): THelpReviewState {
  if (origin === 'source') return { status: 'source', lastReview: null };
  if (!latest) return { status: 'unreviewed', lastReview: null };
  return { status: latest.fingerprint === currentFingerprint ? 'reviewed' : 'needs_review', lastReview: latest };
}

/** Keys of the source a text lacks, and keys it has that the source does not. */
export function keyDifferences(
  source: Record<string, string>,
  text: Record<string, unknown>
): { missing: string[]; extra: string[] } {
  const s = new Set(Object.keys(source));
  const t = new Set(Object.keys(text));
  return { missing: [...s].filter((k) => !t.has(k)), extra: [...t].filter((k) => !s.has(k)) };
}

/** Fills {name} placeholders. Unknown placeholders stay as they are. */
export function fillHelpText(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
