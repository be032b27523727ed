/**
 * Group commit of survey responses (src/lib/server/surveys/surveys.writer.ts) writes the counters of a whole
 * batch at once: the +1s of every response in the batch on the same counter are summed in memory, and each
 * counter is then upserted once with the sum (`n = n + k`). Counts are integers, so the stored counters are
 * exactly those of adding one response after another (the property test checks merged == sequential).
 * The rows come out sorted by their key, so concurrent writers (several instances on PostgreSQL) lock
 * counter rows in one order.
 */

/** Sums rows with the same values in `columns` into one row with `n` = how many there were. */
export function mergeIncrements<K extends string, R extends Record<K, string>>(
  rows: Iterable<R>,
  columns: readonly K[]
): (Pick<R, K> & { n: number })[] {
  const merged = new Map<string, Pick<R, K> & { n: number }>();
  for (const row of rows) {
    // The values joined by NUL, which survey text never holds (the writer refuses it); JSON otherwise.
    let key = '';
    let nul = false;
    for (const c of columns) {
      const v = row[c];
      if (v.includes('\u0000')) nul = true;
      key += v + '\u0000';
    }
    if (nul) key = JSON.stringify(columns.map((c) => row[c]));
    const seen = merged.get(key);
    if (seen) seen.n += 1;
    else {
      const copy = { n: 1 } as Pick<R, K> & { n: number };
      for (const c of columns) (copy as Record<K, string>)[c] = row[c];
      merged.set(key, copy);
    }
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

export const countColumns = ['wave_id', 'question_id', 'answer', 'cell'] as const;
export const jointCountColumns = ['wave_id', 'question_id', 'answer', 'by_question_id', 'by_answer', 'cell'] as const;
