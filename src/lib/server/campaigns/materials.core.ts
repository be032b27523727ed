/**
 * Campaign material files (issue 8), the pure part: which files are accepted (by their first bytes, never
 * by the name or the browser's word), how large, and the headers a file is served with.
 */

/** The types accepted: a poster as PDF, an image of the ad. No SVG or HTML: they can carry script. */
export const materialTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type TMaterialType = (typeof materialTypes)[number];

/** The largest file accepted: 10 MB (10 MiB). */
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;
/** The largest upload body: the file plus the form's text fields and multipart framing. */
export const MAX_MATERIAL_BODY = MAX_MATERIAL_BYTES + 64 * 1024;

export const isImageType = (type: string): boolean => type.startsWith('image/');

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The file's type from its magic bytes: `%PDF-`, PNG's eight-byte signature, JPEG's SOI and a marker,
 * or RIFF…WEBP. Anything else (SVG, HTML, text, an empty file) is null: refused.
 */
export function sniffMaterialType(bytes: Uint8Array): TMaterialType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** The usual file name ending of each type (a name without it gets it). */
export const extensionOf: Record<TMaterialType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp'
};

/** A short name of the type for people: "PDF", "PNG", "JPEG", "WebP". */
export const typeLabelOf: Record<TMaterialType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP'
};

export const isMaterialType = (type: string): type is TMaterialType =>
  (materialTypes as readonly string[]).includes(type);

/**
 * A file name safe to put in a header and on disk: the last path segment of what the browser sent, letters,
 * digits, `.`, `-` and `_` only (others become `-`), at most 80 characters, never starting with a dot,
 * ending in the type's extension. An empty result becomes `material.<ext>`.
 */
export function cleanFileName(name: string, type: TMaterialType): string {
  const ext = extensionOf[type];
  const last = name.split(/[\\/]/).pop() ?? '';
  const stem = last
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80 - ext.length - 1)
    .replace(/[.-]+$/, '');
  return `${stem || 'material'}.${ext}`;
}

/** The strong ETag of a file: its SHA-256, quoted. */
export const etagOf = (sha256: string): string => `"${sha256}"`;

/** Whether an If-None-Match header names this ETag (or `*`); weak validators compare weakly, as RFC 9110 says for GET. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * The headers a material file is served with. PDFs are downloaded (attachment), images shown (inline); the
 * stored type and nosniff keep a browser from reading the bytes as anything else, and the sandbox CSP keeps
 * a file opened on its own from running anything. Public (a published campaign's) files may be cached for an
 * hour and then revalidated by their ETag; staff files are never stored.
 */
export function materialHeaders(
  file: { content_type: TMaterialType; file_name: string; sha256: string; byte_size: number },
  visibility: 'public' | 'staff'
): Record<string, string> {
  const disposition = isImageType(file.content_type) ? 'inline' : 'attachment';
  return {
    'Content-Type': file.content_type,
    'Content-Length': String(file.byte_size),
    'Content-Disposition': `${disposition}; filename="${file.file_name}"`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
    ETag: etagOf(file.sha256),
    'Cache-Control': visibility === 'public' ? 'public, max-age=3600, must-revalidate' : 'private, no-store'
  };
}
