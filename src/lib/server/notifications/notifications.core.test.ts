import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  backoffMs,
  digestDay,
  eventKey,
  mailDecision,
  MAX_ATTEMPTS,
  notificationKinds,
  unsubscribeToken,
  verifyUnsubscribeToken,
  type TPreference
} from './notifications.core';
import { renderDigest, renderImmediate, type TRenderContext } from './notifications.mail';

const key = Buffer.alloc(32, 7);
const now = new Date('2027-01-10T12:00:00Z');
const kind = fc.constantFrom(...notificationKinds);
const pref = fc.record({
  mode: fc.constantFrom('immediate' as const, 'digest' as const),
  pausedUntil: fc.option(fc.constantFrom('2027-01-01', '2027-01-10', '2027-01-11', '2030-01-01'), { nil: null }),
  mutedKinds: fc.subarray([...notificationKinds])
});

describe('backoff', () => {
  it('starts at one minute, doubles, and is capped at six hours', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(MAX_ATTEMPTS)).toBeLessThanOrEqual(6 * 3600_000);
  });

  it('never shrinks as failures grow, and is always positive (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(backoffMs(lo)).toBeLessThanOrEqual(backoffMs(hi));
        expect(backoffMs(lo)).toBeGreaterThan(0);
        expect(backoffMs(hi)).toBeLessThanOrEqual(6 * 3600_000);
      })
    );
  });
});

describe('who is e-mailed', () => {
  it('never e-mails a muted kind, during a pause, without an address or with e-mail off (property)', () => {
    fc.assert(
      fc.property(
        pref,
        kind,
        fc.option(fc.emailAddress(), { nil: null }),
        fc.boolean(),
        (p: TPreference, k, email, on) => {
          const d = mailDecision(p, k, email, on, now);
          const paused = p.pausedUntil !== null && '2027-01-10' < p.pausedUntil;
          if (!on || !email || p.mutedKinds.includes(k) || paused) expect(d).toBe('none');
          else expect(d).toBe(p.mode);
        }
      )
    );
  });

  it('a pause ends on its day', () => {
    const p: TPreference = { mode: 'immediate', pausedUntil: '2027-01-10', mutedKinds: [] };
    expect(mailDecision(p, 'report.new', 'a@b.no', true, now)).toBe('immediate');
    expect(mailDecision(p, 'report.new', 'a@b.no', true, new Date('2027-01-09T23:59:59Z'))).toBe('none');
  });
});

describe('event keys and days', () => {
  it('differ when kind, subject or period differ (property)', () => {
    fc.assert(
      fc.property(
        kind,
        kind,
        fc.uuid(),
        fc.uuid(),
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        (k1, k2, s1, s2, p1, p2) => {
          if (k1 !== k2 || s1 !== s2 || p1 !== p2) expect(eventKey(k1, s1, p1)).not.toBe(eventKey(k2, s2, p2));
        }
      )
    );
  });

  it('the digest is due from 06:00 UTC', () => {
    expect(digestDay(new Date('2027-01-10T05:59:59Z'))).toBeNull();
    expect(digestDay(new Date('2027-01-10T06:00:00Z'))).toBe('2027-01-10');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2027-03-01T10:00:00Z', -1)).toBe('2027-02-28');
  });
});

describe('unsubscribe tokens', () => {
  it('round-trip, and any change to a token makes it invalid (property)', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        kind,
        fc.integer({ min: 0 }),
        fc.integer({ min: 1, max: 255 }),
        (userId, k, pos, delta) => {
          const token = unsubscribeToken(key, userId, k, '2027-02-01');
          expect(verifyUnsubscribeToken(key, token, now)).toEqual({ ok: true, userId, kind: k, expires: '2027-02-01' });
          const i = pos % token.length;
          const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
          const changed = alphabet[(alphabet.indexOf(token[i]) + delta) % alphabet.length];
          if (changed === token[i]) return;
          const forged = token.slice(0, i) + changed + token.slice(i + 1);
          expect(verifyUnsubscribeToken(key, forged, now).ok).toBe(false);
        }
      )
    );
  });

  it('is refused under another key, after its day, and when not a string', () => {
    const token = unsubscribeToken(key, 'u1', 'report.new', '2027-01-10');
    expect(verifyUnsubscribeToken(Buffer.alloc(32, 8), token, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyUnsubscribeToken(key, token, new Date('2027-01-11T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired'
    });
    expect(verifyUnsubscribeToken(key, 42, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyUnsubscribeToken(key, 'x'.repeat(1000), now)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('e-mail templates carry no sensitive content', () => {
  const markers = [
    'MARKER-REPORT-TEXT',
    'Oslo',
    'MARKER-NAME Kari Nordmann',
    'MARKER-ORG',
    'marker-contact@example.net',
    'labour_exploitation'
  ];

  it('every template, in both languages, says only what happened and where to look', () => {
    for (const locale of ['nb', 'en'] as const) {
      const ctx: TRenderContext = {
        locale,
        baseUrl: 'https://f.example',
        userId: 'u-1',
        tokenKey: key,
        unsubscribeExpires: '2027-03-01'
      };
      // Marker data rides along on the items as a careless caller might pass it: none of it may be used.
      const items = notificationKinds.map((k, i) => ({
        notificationId: `00000000-0000-4000-8000-00000000000${i}`,
        kind: k,
        text: markers[0],
        municipality: markers[1],
        name: markers[2],
        organisation: markers[3],
        contact: markers[4],
        reportKind: markers[5]
      }));
      const mails = [...items.map((item) => renderImmediate(ctx, item)), renderDigest(ctx, items)];
      for (const mail of mails) {
        for (const m of markers) {
          expect(mail.subject).not.toContain(m);
          expect(mail.text).not.toContain(m);
        }
        expect(mail.text).toMatch(/https:\/\/f\.example(\/en)?\/admin\/notifications\/0{8}-/);
        expect(mail.text).toContain('/notifications/unsubscribe?token=');
        expect(mail.text).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
