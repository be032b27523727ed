/**
 * The one CSV writer (RFC 4180) of every download, with a guard against formula injection: a spreadsheet
 * runs a cell that starts with = + - @ TAB or CR as a formula (`=HYPERLINK(…)` can send data away), so such a
 * text cell is written with a leading apostrophe, which spreadsheets show as text. A text cell that already
 * starts with apostrophes before such a character gets one more, so `restoreCsvText` undoes the guard exactly:
 * the importers call it, and an export imports back unchanged. Numbers are written as they are, also as
 * text (-5 is a number, not a formula; `-5+A1` is a formula).
 */

export interface TCsvOptions {
  /** Field separator: `,` (RFC 4180, the default) or `;` (what Norwegian Excel opens directly). */
  delimiter?: ',' | ';';
  /** Start with a UTF-8 byte order mark, so Excel reads æ, ø and å right. Default false. */
  bom?: boolean;
}

export type TCsvValue = string | number | null | undefined;

const dangerous = /^'*[=+\-@\t\r]/;
/** A plain number written as text (`-3`, `-0.25`, `-1e-3`): data, not a formula. */
export const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A text cell as a spreadsheet will show it, never run it: `=1+1` → `'=1+1`. */
export function guardCsvText(text: string): string {
  return dangerous.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The inverse of `guardCsvText`, for importers: `'=1+1` → `=1+1`; any other text is left as it is. */
export function restoreCsvText(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** One field: guarded, then quoted when it holds the separator, a quote, CR or LF. */
export function csvCell(value: TCsvValue, delimiter: ',' | ';' = ','): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : guardCsvText(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows as CSV text with CRLF line ends (and a final CRLF). */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly TCsvValue[])[],
  options: TCsvOptions = {}
): string {
  const delimiter = options.delimiter ?? ',';
  const lines = [header, ...rows].map((row) => row.map((v) => csvCell(v, delimiter)).join(delimiter));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
