// Generators of bad input for the fuzz suite (fast-check). Each produces one kind of mistake at a time, so a
// failure names the field or the encoding that broke the server.
import fc from 'fast-check';
import { Buffer } from 'node:buffer';

const huge = 'x'.repeat(100_000);

/** Texts people and attackers type: probes for escaping, injection, numbers that are not, and encodings. */
export const probes = [
  '',
  ' ',
  huge,
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '[klikk](javascript:alert(1))',
  "' OR '1'='1' --",
  'Robert"); DROP TABLE users; --',
  '%00',
  '\u0000',
  '../../etc/passwd',
  '-1',
  '0',
  '1e309',
  'NaN',
  '9'.repeat(400),
  'null',
  'true',
  '{}',
  '[]',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  'æøå ÆØÅ',
  '𝔉𝔬𝔯𝔢𝔟𝔶𝔤𝔤 🙂'
];

/**
 * Input PostgreSQL refuses where SQLite stores or compares it (issue 11): integers beyond int4 and int8,
 * numbers that are not finite, NUL inside text, lone surrogates (invalid UTF-8 once encoded), dates that do
 * not exist or are beyond timestamptz. Sent far more often than the other probes, so the class stays covered.
 */
export const pgRefused = [
  '2147483648',
  '-2147483649',
  '9223372036854775808',
  '-9223372036854775809',
  '99999999999999999999',
  '1e20',
  '1.5',
  'Infinity',
  '-Infinity',
  'NaN',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '0000-01-01',
  '2026-01-01T25:61:00Z',
  '+275760-09-13T00:00:00Z',
  '99999-01-01',
  '-infinity'
];

/** The same as JSON values: numbers a JSON body carries that no database integer holds. */
export const pgRefusedJson: unknown[] = [2147483648, -2147483649, 2 ** 63, 1e308, -1e308, 1.5, ...pgRefused];

export const fuzzText = fc.oneof(
  fc.constantFrom(...probes),
  { arbitrary: fc.constantFrom(...pgRefused), weight: 2 },
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String)
);

/** encodeURIComponent, except that a lone surrogate becomes the bytes of invalid UTF-8 instead of a throw. */
export function encodePathPart(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

function encodeForm(values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) params.append(k, String(v));
  return params.toString();
}

/** Query strings: known and unknown parameters, each with a bad value, some repeated. */
export function queryVariant(names: string[]): fc.Arbitrary<string> {
  const name = names.length
    ? fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 }))
    : fc.string({ maxLength: 8 });
  return fc.array(fc.tuple(name, fuzzText), { minLength: 1, maxLength: 4 }).map((pairs) => {
    const parts = pairs.map(([k, v]) => `${encodePathPart(k)}=${encodePathPart(v)}`);
    return parts.join('&');
  });
}

const deepJson = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const invalidUtf8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);

/**
 * Bodies built from a valid one (`valid`: the example body for JSON, the form's default values for forms):
 * one field made wrong, fields dropped, an unknown field, any JSON at all, and raw bodies that are not what
 * the content type says (deep nesting, duplicate keys, invalid UTF-8, too big, empty, wrong content type).
 */
/** A body and the content type it is sent with (none: no content-type header). */
export interface TBody {
  contentType: string | undefined;
  body: string | Buffer;
}

export function bodyVariant(valid: unknown, kind: 'json' | 'form'): fc.Arbitrary<TBody> {
  const isObject = valid !== null && typeof valid === 'object' && !Array.isArray(valid);
  const base = (isObject ? valid : {}) as Record<string, unknown>;
  const keys = Object.keys(base);
  const encode = (v: Record<string, unknown>) => (kind === 'json' ? JSON.stringify(v) : encodeForm(v));
  const contentType = kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  const badValue =
    kind === 'json' ? fc.oneof(fuzzText, fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...pgRefusedJson)) : fuzzText;
  const variants: fc.Arbitrary<TBody>[] = [
    // One field off (or a field the endpoint does not know).
    fc
      .tuple(keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 })) : fc.string(), badValue)
      .map(([k, v]) => ({ contentType, body: encode({ ...base, [k]: v }) })),
    // Some fields missing.
    fc.subarray(keys).map((drop) => ({
      contentType,
      body: encode(Object.fromEntries(Object.entries(base).filter(([k]) => !drop.includes(k))))
    })),
    // Raw bodies that break the format.
    fc
      .constantFrom<string | Buffer>(
        deepJson,
        kind === 'json' && isObject ? `{"${keys[0] ?? 'a'}":1,${JSON.stringify(base).slice(1)}` : 'a=1&a=2&a=%FF',
        '{"unterminated": ',
        '',
        invalidUtf8,
        'y'.repeat(2_000_000)
      )
      .map((body) => ({ contentType, body })),
    // The right body with the wrong content type, or none.
    fc
      .constantFrom(
        'text/plain',
        'multipart/form-data',
        'application/xml',
        undefined,
        kind === 'json' ? 'application/x-www-form-urlencoded' : 'application/json'
      )
      .map((type) => ({ contentType: type, body: encode(base) }))
  ];
  if (kind === 'json')
    variants.push(fc.jsonValue({ maxDepth: 5 }).map((v) => ({ contentType, body: JSON.stringify(v) })));
  return fc.oneof(...variants);
}
