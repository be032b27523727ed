import { createHmac, randomBytes } from 'node:crypto';

/** Seconds to wait after `failures` failed attempts: none for the first two, then doubling, at most 15 min. */
export function lockoutSeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(900, 2 ** (failures - 3));
}

interface Entry {
  /** Failures since the last success (backoff), or uses in the current window (quota). */
  n: number;
  /** When the current quota window began. */
  since: number;
  /** Until when the client must wait (0: it need not). */
  until: number;
}

/** How long one HMAC key lives before it is replaced (and the counters made under it are dropped). */
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * The app's one in-memory limiter per client, for the login and receipt throttles (growing delay after
 * failures) and for the hourly limit of accepted reports (a quota per fixed window).
 *
 * Counters are keyed by an HMAC of the client address under a random key that lives only in this
 * process's memory and is replaced every 24 hours: the address itself is never stored, logged or
 * recoverable, and after a rotation not even linkable to the day before. Rotation drops the counters (a
 * lockout lasts at most 15 minutes and a quota window one hour, so at most one reset a day is given
 * away). The map is bounded; the least recently used entries are dropped first.
 */
export class ClientThrottle {
  private key = randomBytes(32);
  private keyMadeAt = Date.now();
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly maxEntries = 10_000) {}

  clientKey(address: string, now = Date.now()): string {
    if (now - this.keyMadeAt >= KEY_LIFETIME_MS) {
      this.key = randomBytes(32);
      this.keyMadeAt = now;
      this.entries.clear();
    }
    return createHmac('sha256', this.key).update(address).digest('base64url');
  }

  /** Milliseconds the client must still wait, 0 if it may try now. */
  waitMs(clientKey: string, now = Date.now()): number {
    const e = this.entries.get(clientKey);
    return e ? Math.max(0, e.until - now) : 0;
  }

  /** Backoff: one more failure; the wait grows with each (`lockoutSeconds`). */
  recordFailure(clientKey: string, now = Date.now()): void {
    const n = (this.entries.get(clientKey)?.n ?? 0) + 1;
    this.put(clientKey, { n, since: now, until: now + lockoutSeconds(n) * 1000 });
  }

  /** Backoff: a success forgets the client. */
  recordSuccess(clientKey: string): void {
    this.entries.delete(clientKey);
  }

  /**
   * Quota: one more use in a fixed window of `windowMs` that starts at the client's first use; once
   * `limit` uses are reached the client waits until the window ends.
   */
  recordUse(clientKey: string, limit: number, windowMs: number, now = Date.now()): void {
    const e = this.entries.get(clientKey);
    const fresh = !e || now - e.since >= windowMs;
    const since = fresh ? now : e.since;
    const n = fresh ? 1 : e.n + 1;
    this.put(clientKey, { n, since, until: n >= limit ? since + windowMs : 0 });
  }

  private put(clientKey: string, e: Entry): void {
    this.entries.delete(clientKey);
    this.entries.set(clientKey, e);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

export const loginThrottle = new ClientThrottle();
