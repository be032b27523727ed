/**
 * A small CSV writer for the survey exports (RFC 4180: comma, CRLF, quotes doubled). A cell that a
 * spreadsheet would read as a formula (starting with = + - @ TAB or CR) is prefixed with ', except a plain
 * number such as -3, which is data, not a formula.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : value;
  if (/^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
