import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const PERIOD = 30;

function totpFor(secretBase32: string, label = 'Forebygg') {
  return new TOTP({
    issuer: 'Forebygg',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32)
  });
}

/** A new random TOTP secret (160 bits, base32). */
export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads, and the same as an inline SVG QR code. */
export async function totpEnrolment(secretBase32: string, account: string): Promise<{ uri: string; svg: string }> {
  const uri = totpFor(secretBase32, account).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, svg };
}

/**
 * Checks a 6-digit code against the secret, allowing one step of clock drift either way.
 * Returns the time step the code belongs to, or null. A code whose step is not after `lastStep`
 * is refused: each code works once.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  now = Date.now()
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  let secret: Secret;
  try {
    secret = Secret.fromBase32(secretBase32);
  } catch {
    return null;
  }
  const delta = TOTP.validate({
    token: code,
    secret,
    period: PERIOD,
    digits: 6,
    algorithm: 'SHA1',
    window: 1,
    timestamp: now
  });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** The current code for a secret (used by tests and the e2e suite, never shown to users). */
export function currentTotp(secretBase32: string, now = Date.now()): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    period: PERIOD,
    digits: 6,
    algorithm: 'SHA1',
    timestamp: now
  });
}
