import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanFileName,
  etagMatches,
  etagOf,
  materialHeaders,
  materialTypes,
  sniffMaterialType,
  type TMaterialType
} from './materials.core';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const headerOf: Record<TMaterialType, Uint8Array> = {
  'application/pdf': bytes('%PDF-1.7\n'),
  'image/png': bytes(PNG, [0, 0, 0, 13]),
  'image/jpeg': bytes([0xff, 0xd8, 0xff, 0xe0]),
  'image/webp': bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')
};

describe('sniffMaterialType', () => {
  it('reads PDF, PNG, JPEG and WebP from their first bytes', () => {
    for (const type of materialTypes) expect(sniffMaterialType(headerOf[type])).toBe(type);
  });

  it('refuses SVG, HTML, text, other RIFF files, GIF, truncated signatures and an empty file', () => {
    for (const text of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<?xml version="1.0"?><svg/>',
      '<!doctype html><script>alert(1)</script>',
      '<html>',
      'plain text',
      'GIF89a',
      '%PD',
      ' %PDF-1.7'
    ])
      expect(sniffMaterialType(bytes(text)), text).toBeNull();
    expect(sniffMaterialType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffMaterialType(bytes(PNG.slice(0, 7)))).toBeNull();
    expect(sniffMaterialType(new Uint8Array())).toBeNull();
  });

  it('depends only on the first bytes: any tail after a signature keeps its type (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...materialTypes), fc.uint8Array({ maxLength: 200 }), (type, tail) => {
        const head = headerOf[type];
        const file = new Uint8Array(head.length + tail.length);
        file.set(head);
        file.set(tail, head.length);
        expect(sniffMaterialType(file)).toBe(type);
      })
    );
  });

  it('never accepts a file that starts with "<" or whitespace: no markup gets in (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(0x3c, 0x20, 0x09, 0x0a, 0xef), fc.uint8Array({ maxLength: 100 }), (first, rest) => {
        expect(sniffMaterialType(new Uint8Array([first, ...rest]))).toBeNull();
      })
    );
  });
});

describe('cleanFileName', () => {
  it('keeps a plain name, sets the extension of the sniffed type, and drops paths and odd characters', () => {
    expect(cleanFileName('plakat.pdf', 'application/pdf')).toBe('plakat.pdf');
    expect(cleanFileName('C:\\Users\\x\\Plakat på flyplass.PDF', 'application/pdf')).toBe('Plakat-pa-flyplass.pdf');
    expect(cleanFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(cleanFileName('bilde.svg', 'image/png')).toBe('bilde.png');
    expect(cleanFileName('"; filename=evil.html', 'image/jpeg')).toBe('filename-evil.jpg');
    expect(cleanFileName('', 'image/webp')).toBe('material.webp');
    expect(cleanFileName('...', 'image/webp')).toBe('material.webp');
  });

  it('always gives a short, header-safe name with the right extension (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom(...materialTypes), (name, type) => {
        const clean = cleanFileName(name, type);
        expect(clean).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*\.(pdf|png|jpg|webp)$/);
        expect(clean.length).toBeLessThanOrEqual(80);
        expect(
          clean.endsWith(
            `.${{ 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' }[type]}`
          )
        ).toBe(true);
      })
    );
  });
});

describe('headers', () => {
  const file = {
    content_type: 'application/pdf' as const,
    file_name: 'plakat.pdf',
    sha256: 'ab'.repeat(32),
    byte_size: 42
  };

  it('serves a PDF as an attachment and an image inline, with the stored type, nosniff and a strong ETag', () => {
    const pdf = materialHeaders(file, 'public');
    expect(pdf).toMatchObject({
      'Content-Type': 'application/pdf',
      'Content-Length': '42',
      'Content-Disposition': 'attachment; filename="plakat.pdf"',
      'X-Content-Type-Options': 'nosniff',
      ETag: `"${'ab'.repeat(32)}"`,
      'Cache-Control': 'public, max-age=3600, must-revalidate'
    });
    expect(pdf['Content-Security-Policy']).toContain('sandbox');
    const png = materialHeaders({ ...file, content_type: 'image/png', file_name: 'x.png' }, 'staff');
    expect(png['Content-Disposition']).toBe('inline; filename="x.png"');
    expect(png['Cache-Control']).toBe('private, no-store');
  });

  it('matches If-None-Match lists, weak forms and *, and nothing else', () => {
    const etag = etagOf('ab'.repeat(32));
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches(`"other", ${etag}`, etag)).toBe(true);
    expect(etagMatches(`W/${etag}`, etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('"other"', etag)).toBe(false);
    expect(etagMatches(null, etag)).toBe(false);
    expect(etagMatches('', etag)).toBe(false);
  });
});
