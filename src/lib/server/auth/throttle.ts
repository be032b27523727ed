import { createHmac, randomBytes } from 'node:crypto';

/** Seconds to wait after `failures` failed attempts: none for the first two, then doubling, at most 15 min. */
export function lockoutSeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(900, 2 ** (failures - 3));
}

interface Entry {
  failures: number;
  lockedUntil: number;
  lastSeen: number;
}

/** How long one HMAC key lives before it is replaced (and the counters made under it are dropped). */
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Failed-attempt counters per client, held only in this process's memory and keyed by an HMAC of the
 * client address under a random key that is replaced every 24 hours: the address itself is never stored,
 * logged or recoverable, and after a rotation not even linkable to the day before. Rotation drops the
 * counters (a lockout lasts at most 15 minutes, so at most one reset a day is given away). The map is
 * bounded; the oldest entries are dropped first.
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
    return e ? Math.max(0, e.lockedUntil - now) : 0;
  }

  recordFailure(clientKey: string, now = Date.now()): void {
    const e = this.entries.get(clientKey) ?? { failures: 0, lockedUntil: 0, lastSeen: now };
    e.failures += 1;
    e.lastSeen = now;
    e.lockedUntil = now + lockoutSeconds(e.failures) * 1000;
    this.entries.delete(clientKey);
    this.entries.set(clientKey, e);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  recordSuccess(clientKey: string): void {
    this.entries.delete(clientKey);
  }
}

export const loginThrottle = new ClientThrottle();
