import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientThrottle, KEY_LIFETIME_MS, lockoutSeconds } from './throttle';

describe('login throttling', () => {
  it('lets two mistakes pass, then waits longer after each failure, at most 15 minutes', () => {
    expect(lockoutSeconds(0)).toBe(0);
    expect(lockoutSeconds(2)).toBe(0);
    expect(lockoutSeconds(3)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (n) => {
        expect(lockoutSeconds(n + 1)).toBeGreaterThanOrEqual(lockoutSeconds(n));
        expect(lockoutSeconds(n)).toBeLessThanOrEqual(900);
      })
    );
    expect(lockoutSeconds(100)).toBe(900);
  });

  it('keys clients by a hash that does not contain the address', () => {
    const t = new ClientThrottle();
    const key = t.clientKey('203.0.113.7');
    expect(key).not.toContain('203.0.113.7');
    expect(key).toBe(t.clientKey('203.0.113.7'));
    expect(new ClientThrottle().clientKey('203.0.113.7')).not.toBe(key);
  });

  it('replaces its key every 24 hours, so a client hash cannot be linked across days', () => {
    const t = new ClientThrottle();
    const start = Date.now();
    const key = t.clientKey('203.0.113.7', start);
    for (let i = 0; i < 5; i++) t.recordFailure(key, start);
    expect(t.clientKey('203.0.113.7', start + KEY_LIFETIME_MS - 1)).toBe(key);
    expect(t.waitMs(key, start)).toBeGreaterThan(0);
    const next = t.clientKey('203.0.113.7', start + KEY_LIFETIME_MS);
    expect(next).not.toBe(key);
    expect(t.waitMs(key, start)).toBe(0);
    expect(t.clientKey('203.0.113.7', start + KEY_LIFETIME_MS + 1)).toBe(next);
  });

  it('makes a client wait after repeated failures and forgets it after a success', () => {
    const t = new ClientThrottle();
    const key = t.clientKey('198.51.100.1');
    const now = 1_000_000;
    for (let i = 0; i < 5; i++) t.recordFailure(key, now);
    expect(t.waitMs(key, now)).toBe(4000);
    expect(t.waitMs(key, now + 4000)).toBe(0);
    t.recordSuccess(key);
    t.recordFailure(key, now);
    expect(t.waitMs(key, now)).toBe(0);
  });

  it('holds at most its bound of clients in memory', () => {
    const t = new ClientThrottle(3);
    const keys = ['a', 'b', 'c', 'd'].map((a) => t.clientKey(a));
    for (const k of keys) for (let i = 0; i < 4; i++) t.recordFailure(k, 0);
    expect(t.waitMs(keys[0], 0)).toBe(0); // the oldest was dropped
    expect(t.waitMs(keys[3], 0)).toBeGreaterThan(0);
  });
});

describe('hourly quota (accepted reports per client)', () => {
  it('lets `limit` uses pass in a window, then waits until the window ends, then starts again', () => {
    const t = new ClientThrottle();
    const key = t.clientKey('192.0.2.9');
    const start = 5_000_000;
    t.recordUse(key, 3, 3_600_000, start);
    t.recordUse(key, 3, 3_600_000, start + 1000);
    expect(t.waitMs(key, start + 1000)).toBe(0);
    t.recordUse(key, 3, 3_600_000, start + 2000);
    expect(t.waitMs(key, start + 2000)).toBe(3_600_000 - 2000);
    expect(t.waitMs(key, start + 3_600_000)).toBe(0);
    t.recordUse(key, 3, 3_600_000, start + 3_600_000);
    expect(t.waitMs(key, start + 3_600_000)).toBe(0);
  });

  it('never makes a client wait before its limit nor longer than one window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 40 }),
        (limit, gaps) => {
          const t = new ClientThrottle();
          const key = t.clientKey('198.51.100.7');
          let now = 1_000_000;
          const uses: number[] = [];
          for (const gap of gaps) {
            now += gap;
            if (t.waitMs(key, now) > 0) continue;
            t.recordUse(key, limit, 3_600_000, now);
            uses.push(now);
            expect(t.waitMs(key, now)).toBeLessThanOrEqual(3_600_000);
          }
          // No hour-long window starting at an accepted use holds more than 2 × limit uses (fixed windows).
          for (const u of uses)
            expect(uses.filter((x) => x >= u && x < u + 3_600_000).length).toBeLessThanOrEqual(2 * limit);
        }
      )
    );
  });

  it('is the same keyed limiter as the login throttle: a quota entry rotates away with the key', () => {
    const t = new ClientThrottle();
    const start = Date.now();
    const key = t.clientKey('203.0.113.8', start);
    t.recordUse(key, 1, 3_600_000, start);
    expect(t.waitMs(key, start)).toBeGreaterThan(0);
    t.clientKey('203.0.113.8', start + KEY_LIFETIME_MS);
    expect(t.waitMs(key, start)).toBe(0);
  });
});
