/**
 * The studio list's "needs attention" sections over every kind of content: items whose review-by date has
 * passed or is within a month (`due`), and items citing a source older than the organisation's limit.
 */
export interface TAttentionItem {
  /** What the list shows (title, with the language where a kind has several). */
  label: string;
  /** The item's editor. */
  href: string;
  status: {
    exists: boolean;
    due: 'due' | 'overdue' | null;
    reviewBy: string | null;
    oldSources: readonly { number: number; year: number | null }[];
  };
}

/** Items due or overdue for review, overdue first, then by review-by date (earliest first). */
export function dueItems<T extends TAttentionItem>(items: readonly T[]): T[] {
  const rank = (i: T) => (i.status.due === 'overdue' ? 0 : 1);
  return items
    .filter((i) => i.status.exists && i.status.due !== null)
    .sort((a, b) => rank(a) - rank(b) || (a.status.reviewBy ?? '').localeCompare(b.status.reviewBy ?? ''));
}

/** Items that cite at least one source older than the organisation's limit, in the order given. */
export function oldSourceItems<T extends TAttentionItem>(items: readonly T[]): T[] {
  return items.filter((i) => i.status.exists && i.status.oldSources.length > 0);
}
