import { createHmac, randomBytes } from 'node:crypto';

/** A random 256-bit token, URL-safe. Only its keyed hash is ever stored. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** HMAC-SHA256 of a token under the app's token key, hex. */
export function hashToken(key: Buffer, token: string): string {
  return createHmac('sha256', key).update(token).digest('hex');
}

/** A plausible token shape, checked before any database work. */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
