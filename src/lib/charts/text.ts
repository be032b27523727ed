/** Text helpers for the charts (pure): wrapping labels into lines that fit a column. */

/**
 * Splits `text` into lines of at most `maxChars` characters, breaking at spaces (and after hyphens or
 * slashes); a single word longer than `maxChars` is cut into pieces. At most `maxLines` lines: the last
 * one then ends with "…". Joining the lines with spaces gives back the words of the text.
 */
export function wrapLabel(text: string, maxChars: number, maxLines = Infinity): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .flatMap((w) => {
      const parts: string[] = [];
      for (let i = 0; i < w.length; i += width) parts.push(w.slice(i, i + width));
      return parts;
    });
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, Math.max(1, maxLines));
    const last = kept[kept.length - 1];
    kept[kept.length - 1] = (last.length >= width ? last.slice(0, width - 1) : last) + '…';
    return kept;
  }
  return lines;
}
