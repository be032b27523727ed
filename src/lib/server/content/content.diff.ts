import { diffLines } from 'diff';

/** One run of lines in a diff: the same in both, only in the newer (added) or only in the older. */
export interface TDiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Line diff of two texts (the `diff` library's Myers diff), merged into runs. */
export function lineDiff(older: string, newer: string): TDiffPart[] {
  const parts: TDiffPart[] = [];
  for (const c of diffLines(older, newer)) {
    const kind = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const prev = parts.at(-1);
    if (prev && prev.kind === kind) prev.text += c.value;
    else if (c.value) parts.push({ kind, text: c.value });
  }
  return parts;
}

/** How many lines a diff adds and removes. */
export function diffStats(parts: TDiffPart[]): { added: number; removed: number } {
  const lines = (t: string) => t.split('\n').length - (t.endsWith('\n') ? 1 : 0);
  return {
    added: parts.filter((p) => p.kind === 'added').reduce((n, p) => n + lines(p.text), 0),
    removed: parts.filter((p) => p.kind === 'removed').reduce((n, p) => n + lines(p.text), 0)
  };
}
