import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, guardCsvText, PLAIN_NUMBER, restoreCsvText, toCsv } from './csv';

const read = (text: string, delimiter = ',') =>
  parse(text, { delimiter, bom: true, relax_column_count: true }) as string[][];
const starts = ['=', '+', '-', '@', '\t', '\r'];
/** Text a spreadsheet would run: one of the dangerous characters first, anything after. */
const dangerousText = fc.tuple(fc.constantFrom(...starts), fc.string({ unit: 'grapheme' })).map(([c, s]) => c + s);
const safeText = fc.string({ unit: 'grapheme' }).filter((s) => !/^'*[=+\-@\t\r]/.test(s));

describe('csvCell', () => {
  it('quotes only when needed (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('neutralises formulas in text, not in numbers', () => {
    expect(csvCell('=HYPERLINK("https://example.invalid","x")')).toBe(
      '"\'=HYPERLINK(""https://example.invalid"",""x"")"'
    );
    expect(csvCell('+47 22 00 00 00')).toBe("'+47 22 00 00 00");
    expect(csvCell('-1')).toBe('-1');
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('-1e-3')).toBe('-1e-3');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(3.5)).toBe('3.5');
  });
});

describe('toCsv', () => {
  it('writes CRLF lines, a header, the separator asked for and an optional BOM', () => {
    expect(toCsv(['a', 'b'], [['1', 2]])).toBe('a,b\r\n1,2\r\n');
    expect(toCsv(['a', 'b'], [['x;y', null]], { delimiter: ';', bom: true })).toBe('\uFEFFa;b\r\n"x;y";\r\n');
  });

  it('round-trips safe text through csv-parse, with either separator and with a BOM (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(safeText, { minLength: 3, maxLength: 3 }), { maxLength: 6 }),
        fc.constantFrom(',' as const, ';' as const),
        fc.boolean(),
        (rows, delimiter, bom) => {
          const back = read(toCsv(['a', 'b', 'c'], rows, { delimiter, bom }), delimiter);
          expect(back).toEqual([['a', 'b', 'c'], ...rows]);
        }
      )
    );
  });

  it('neutralises every dangerous cell: no parsed cell starts a formula (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(dangerousText, safeText), { minLength: 1, maxLength: 8 }), (row) => {
        const [, back] = read(
          toCsv(
            row.map((_, i) => `c${i}`),
            [row]
          )
        );
        for (const cell of back) if (!PLAIN_NUMBER.test(cell)) expect(starts.includes(cell[0] ?? '')).toBe(false);
        // …and what the importers read back is the text that was written.
        expect(back.map(restoreCsvText)).toEqual(row);
      })
    );
  });
});

describe('guardCsvText and restoreCsvText', () => {
  it('are inverse for any text, also text that starts with apostrophes (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          dangerousText,
          safeText,
          fc.string().map((s) => `''${s}`)
        ),
        (text) => {
          expect(restoreCsvText(guardCsvText(text))).toBe(text);
        }
      )
    );
    expect(guardCsvText("'=x")).toBe("''=x");
    expect(restoreCsvText("'plain")).toBe("'plain");
  });
});
