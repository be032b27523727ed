import { createHmac, timingSafeEqual } from 'node:crypto';
import { notificationKinds } from '../../schemas/notifications';

/**
 * The notifications module's pure rules: which events exist, their keys, who gets an e-mail and when,
 * retry backoff, the digest hour, and signed unsubscribe tokens. No I/O.
 */

export { notificationKinds };
export type TNotificationKind = (typeof notificationKinds)[number];

export function isNotificationKind(value: unknown): value is TNotificationKind {
  return typeof value === 'string' && (notificationKinds as readonly string[]).includes(value);
}

export const mailModes = ['immediate', 'digest'] as const;
export type TMailMode = (typeof mailModes)[number];

/** The unique key of an event: the same kind, subject and period is recorded once. */
export function eventKey(kind: TNotificationKind, subjectId: string, period = ''): string {
  return `${kind}|${subjectId}|${period}`;
}

export interface TPreference {
  mode: TMailMode;
  /** ISO date (YYYY-MM-DD): no e-mail before this day. */
  pausedUntil: string | null;
  mutedKinds: readonly string[];
}

export const defaultPreference: TPreference = { mode: 'immediate', pausedUntil: null, mutedKinds: [] };

/** How a new notification reaches its recipient by e-mail: not at all, now, or in the next digest. */
export function mailDecision(
  pref: TPreference,
  kind: TNotificationKind,
  email: string | null,
  mailEnabled: boolean,
  now: Date
): 'none' | TMailMode {
  if (!mailEnabled || !email || !email.includes('@')) return 'none';
  if (pref.mutedKinds.includes(kind)) return 'none';
  if (pref.pausedUntil && now.toISOString().slice(0, 10) < pref.pausedUntil) return 'none';
  return pref.mode;
}

/** Attempts before an e-mail is given up (its notification stays in the staff area). */
export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 60_000;
const MAX_BACKOFF_MS = 6 * 60 * 60_000;

/** The wait before attempt `attempts + 1` after `attempts` failures: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.min(n - 1, 30));
}

/** The daily digest goes out at 06:00 UTC (07:00 or 08:00 in Norway). */
export const DIGEST_HOUR_UTC = 6;

/** The day whose digest is due at `now`, or null before the digest hour. */
export function digestDay(now: Date): string | null {
  return now.getUTCHours() >= DIGEST_HOUR_UTC ? now.toISOString().slice(0, 10) : null;
}

/** ISO date `days` after an ISO date or time. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate.slice(0, 10) + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

// ───────────────────────────── unsubscribe tokens ─────────────────────────────

/** An unsubscribe link works for 60 days. */
export const UNSUBSCRIBE_DAYS = 60;
const DOMAIN = 'forebygg/notifications/unsubscribe/v1\n';

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key)
    .update(DOMAIN + payload)
    .digest('base64url');
}

/** A token that switches off e-mail for one kind for one user, until `expires` (ISO date). */
export function unsubscribeToken(key: Buffer, userId: string, kind: TNotificationKind, expires: string): string {
  const payload = Buffer.from(JSON.stringify([userId, kind, expires])).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

export type TTokenCheck =
  { ok: true; userId: string; kind: TNotificationKind; expires: string } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks a token's signature, shape and expiry. A forged or altered token is 'invalid'. */
export function verifyUnsubscribeToken(key: Buffer, token: unknown, now: Date): TTokenCheck {
  if (typeof token !== 'string' || token.length > 400) return { ok: false, reason: 'invalid' };
  const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(sign(key, m[1]));
  const given = Buffer.from(m[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return { ok: false, reason: 'invalid' };
  const [userId, kind, expires] = parsed as unknown[];
  if (typeof userId !== 'string' || !isNotificationKind(kind) || typeof expires !== 'string')
    return { ok: false, reason: 'invalid' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expires)) return { ok: false, reason: 'invalid' };
  if (now.toISOString().slice(0, 10) > expires) return { ok: false, reason: 'expired' };
  return { ok: true, userId, kind, expires };
}
