import { etagMatches, materialHeaders } from './materials.core';
import type { TServedMaterial } from './materials.service';

/**
 * The answer for a material file: the bytes with the stored type, nosniff, Content-Disposition and a strong
 * ETag (its SHA-256); 304 without a body when the browser already holds this version.
 */
export function materialResponse(file: TServedMaterial, request: Request, visibility: 'public' | 'staff'): Response {
  const headers = materialHeaders(file, visibility);
  if (etagMatches(request.headers.get('if-none-match'), headers.ETag)) {
    const { ETag, 'Cache-Control': cacheControl } = headers;
    return new Response(null, { status: 304, headers: { ETag, 'Cache-Control': cacheControl } });
  }
  // A Buffer from either driver: a view of its bytes, not a copy.
  const body = new Uint8Array(file.data.buffer as ArrayBuffer, file.data.byteOffset, file.data.byteLength);
  return new Response(body, { status: 200, headers });
}
