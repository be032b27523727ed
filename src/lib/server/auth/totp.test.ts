import { describe, expect, it } from 'vitest';
import { createTotpSecret, currentTotp, totpEnrolment, verifyTotp } from './totp';

describe('TOTP', () => {
  const secret = createTotpSecret();
  const now = 1_800_000_000_000;
  const step = Math.floor(now / 30_000);

  it('accepts the current code and returns its time step', () => {
    expect(verifyTotp(secret, currentTotp(secret, now), null, now)).toBe(step);
  });

  it('allows one step of clock drift either way, not two', () => {
    expect(verifyTotp(secret, currentTotp(secret, now - 30_000), null, now)).toBe(step - 1);
    expect(verifyTotp(secret, currentTotp(secret, now + 30_000), null, now)).toBe(step + 1);
    expect(verifyTotp(secret, currentTotp(secret, now - 90_000), null, now)).toBeNull();
    expect(verifyTotp(secret, currentTotp(secret, now + 90_000), null, now)).toBeNull();
  });

  it('refuses a code that was already used, or an earlier one', () => {
    const code = currentTotp(secret, now);
    expect(verifyTotp(secret, code, step, now)).toBeNull();
    expect(verifyTotp(secret, currentTotp(secret, now - 30_000), step, now)).toBeNull();
    expect(verifyTotp(secret, currentTotp(secret, now + 30_000), step, now)).toBe(step + 1);
  });

  it('refuses malformed codes and secrets without throwing', () => {
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 456'])
      expect(verifyTotp(secret, bad, null, now)).toBeNull();
    expect(verifyTotp('not base32!', '123456', null, now)).toBeNull();
  });

  it('gives an otpauth URI and a QR code as SVG for enrolment', async () => {
    const { uri, svg } = await totpEnrolment(secret, 'admin@example.org');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Forebygg:admin%40example\.org\?.*secret=/);
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(svg).not.toMatch(/<script/i);
  });
});
