import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base32,
  decodeKey,
  decryptText,
  fromBase32,
  newRecoveryKey,
  RECOVERY_CHARS,
  recoveryWrapKey,
  encodeKey,
  encryptText,
  followUpKey,
  KDF_TEST,
  newDataKey,
  newKeyPair,
  newReceipt,
  newSalt,
  normaliseReceipt,
  openSealed,
  PAD_BLOCK,
  publicKeyOf,
  receiptLookupHash,
  ReportCryptoError,
  sealTo,
  sessionKeyFromToken,
  unwrapWithKey,
  unwrapWithPassword,
  wrapWithKey,
  wrapWithPassword
} from './report.crypto';

/** Flips one character of a base64url segment, keeping the format valid. */
function tamper(stored: string, segment: number, at = 3): string {
  const p = stored.split('.');
  const seg = p[segment];
  const c = seg[at] === 'A' ? 'B' : 'A';
  p[segment] = seg.slice(0, at) + c + seg.slice(at + 1);
  return p.join('.');
}

describe('field encryption', () => {
  it('round-trips any text, including empty and non-Latin text', async () => {
    const key = await newDataKey();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 600 }), async (text) => {
        expect(await decryptText(key, await encryptText(key, text, 'r1/text'), 'r1/text')).toBe(text);
      }),
      { numRuns: 60 }
    );
  });

  it('hides length: texts of 1 and 200 characters give ciphertexts of the same size', async () => {
    const key = await newDataKey();
    const short = await encryptText(key, 'a', 'ad');
    const long = await encryptText(key, 'b'.repeat(200), 'ad');
    expect(short.length).toBe(long.length);
    const longer = await encryptText(key, 'c'.repeat(PAD_BLOCK), 'ad');
    expect(longer.length).toBeGreaterThan(long.length);
  });

  it('never repeats a ciphertext for the same text (random nonces)', async () => {
    const key = await newDataKey();
    expect(await encryptText(key, 'same', 'ad')).not.toBe(await encryptText(key, 'same', 'ad'));
  });

  it('refuses a wrong key, other associated data, tampered, truncated and malformed ciphertext', async () => {
    const key = await newDataKey();
    const other = await newDataKey();
    const stored = await encryptText(key, 'secret marker', 'r1/text');
    await expect(decryptText(other, stored, 'r1/text')).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(decryptText(key, stored, 'r2/text')).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(decryptText(key, tamper(stored, 3), 'r1/text')).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(decryptText(key, tamper(stored, 2), 'r1/text')).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(decryptText(key, stored.slice(0, -10), 'r1/text')).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(decryptText(key, 'v2' + stored.slice(2), 'r1/text')).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(decryptText(key, 'garbage', 'r1/text')).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(decryptText(key, 'v1.box.!!.!!', 'r1/text')).rejects.toBeInstanceOf(ReportCryptoError);
  });

  it('refuses every single-character change of a ciphertext (property)', async () => {
    const key = await newDataKey();
    const stored = await encryptText(key, 'the report text', 'ad');
    const body = stored.split('.')[3];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: body.length - 2 }), async (at) => {
        await expect(decryptText(key, tamper(stored, 3, at), 'ad')).rejects.toBeInstanceOf(ReportCryptoError);
      }),
      { numRuns: 40 }
    );
  });
});

describe('key pairs and sealing', () => {
  it('seals a data key to an organisation; only its private key opens it', async () => {
    const org = await newKeyPair();
    const stranger = await newKeyPair();
    const dataKey = await newDataKey();
    const sealed = await sealTo(org.publicKey, dataKey);
    expect(await openSealed(sealed, org)).toEqual(dataKey);
    await expect(openSealed(sealed, stranger)).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(openSealed(tamper(sealed, 2, 10), org)).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(openSealed(sealed.slice(0, -4), org)).rejects.toBeInstanceOf(ReportCryptoError);
  });

  it('round-trips keys through their text form and recomputes public keys', async () => {
    const kp = await newKeyPair();
    expect(await decodeKey(await encodeKey(kp.privateKey))).toEqual(kp.privateKey);
    expect(await publicKeyOf(kp.privateKey)).toEqual(kp.publicKey);
    await expect(decodeKey('abc')).rejects.toBeInstanceOf(ReportCryptoError);
  });

  it('round-trips any secret sealed to any key pair (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), async (secret) => {
        const kp = await newKeyPair();
        expect(await openSealed(await sealTo(kp.publicKey, secret), kp)).toEqual(secret);
      }),
      { numRuns: 30 }
    );
  });
});

describe('password wrapping (argon2id)', () => {
  it('unwraps with the right password only', async () => {
    const kp = await newKeyPair();
    const wrapped = await wrapWithPassword(kp.privateKey, 'correct horse battery', KDF_TEST);
    expect(await unwrapWithPassword(wrapped, 'correct horse battery')).toEqual(kp.privateKey);
    await expect(unwrapWithPassword(wrapped, 'correct horse batterY')).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(unwrapWithPassword(tamper(wrapped, 6), 'correct horse battery')).rejects.toBeInstanceOf(
      ReportCryptoError
    );
    await expect(unwrapWithPassword(wrapped.slice(0, -6), 'correct horse battery')).rejects.toBeInstanceOf(
      ReportCryptoError
    );
  });

  it('refuses a wrapped key whose stored cost was changed (the cost is part of the key)', async () => {
    const wrapped = await wrapWithPassword(randomBytes(32), 'pw-pw-pw-pw-pw', KDF_TEST);
    const p = wrapped.split('.');
    p[2] = '2';
    await expect(unwrapWithPassword(p.join('.'), 'pw-pw-pw-pw-pw')).rejects.toBeInstanceOf(ReportCryptoError);
    p[2] = '999';
    await expect(unwrapWithPassword(p.join('.'), 'pw-pw-pw-pw-pw')).rejects.toBeInstanceOf(ReportCryptoError);
  });

  it('round-trips for any password (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (password) => {
        const secret = new Uint8Array(randomBytes(32));
        expect(await unwrapWithPassword(await wrapWithPassword(secret, password, KDF_TEST), password)).toEqual(secret);
      }),
      { numRuns: 20 }
    );
  });
});

describe('receipts', () => {
  it('has at least 64 bits of entropy, in groups of four digits', async () => {
    const receipt = await newReceipt();
    expect(receipt).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(Math.log2(10) * receipt.replace(/ /g, '').length).toBeGreaterThanOrEqual(64);
  });

  it('gives different receipts each time, with every digit used', async () => {
    const receipts = await Promise.all(Array.from({ length: 200 }, () => newReceipt()));
    expect(new Set(receipts).size).toBe(200);
    expect(new Set(receipts.join('').replace(/ /g, '')).size).toBe(10);
  });

  it('reads a receipt typed with spaces or dashes, and nothing else', async () => {
    const receipt = await newReceipt();
    const digits = receipt.replace(/ /g, '');
    expect(normaliseReceipt(receipt)).toBe(digits);
    expect(normaliseReceipt(receipt.replace(/ /g, '-'))).toBe(digits);
    expect(normaliseReceipt(` ${digits} `)).toBe(digits);
    expect(normaliseReceipt(digits.slice(1))).toBeNull();
    expect(normaliseReceipt(digits + '1')).toBeNull();
    expect(normaliseReceipt('abcd efgh')).toBeNull();
    expect(normaliseReceipt(undefined)).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = normaliseReceipt(s);
        return n === null || /^\d{20}$/.test(n);
      })
    );
  });

  it('derives the lookup hash and the follow-up key under different secrets, and they differ', async () => {
    const lookupSecret = randomBytes(32);
    const followUpSecret = randomBytes(32);
    const digits = (await newReceipt()).replace(/ /g, '');
    const salt = await newSalt();
    const lookup = receiptLookupHash(lookupSecret, digits);
    const key = await followUpKey(followUpSecret, digits, salt, KDF_TEST);
    expect(lookup).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(key).toString('hex')).not.toBe(lookup);
    // Same receipt, same secrets: stable. Other secret or salt: another key.
    expect(await followUpKey(followUpSecret, digits, salt, KDF_TEST)).toEqual(key);
    expect(await followUpKey(lookupSecret, digits, salt, KDF_TEST)).not.toEqual(key);
    expect(await followUpKey(followUpSecret, digits, await newSalt(), KDF_TEST)).not.toEqual(key);
    expect(receiptLookupHash(followUpSecret, digits)).not.toBe(lookup);
    // The lookup hash does not contain the receipt.
    expect(lookup).not.toContain(digits);
  });

  it('wraps the data key for the reporter; a wrong receipt cannot unwrap it', async () => {
    const secret = randomBytes(32);
    const salt = await newSalt();
    const dataKey = await newDataKey();
    const right = await followUpKey(secret, '12345678901234567890', salt, KDF_TEST);
    const wrong = await followUpKey(secret, '12345678901234567891', salt, KDF_TEST);
    const wrapped = await wrapWithKey(right, dataKey, 'report/r1/reporter');
    expect(await unwrapWithKey(right, wrapped, 'report/r1/reporter')).toEqual(dataKey);
    await expect(unwrapWithKey(wrong, wrapped, 'report/r1/reporter')).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(unwrapWithKey(right, wrapped, 'report/r2/reporter')).rejects.toBeInstanceOf(ReportCryptoError);
  });
});

describe('session keys', () => {
  it('derives a key from the session cookie alone, different per cookie', () => {
    const a = sessionKeyFromToken('a'.repeat(43));
    expect(a).toHaveLength(32);
    expect(sessionKeyFromToken('a'.repeat(43))).toEqual(a);
    expect(sessionKeyFromToken('b'.repeat(43))).not.toEqual(a);
  });

  it('keeps an organisation key in a session only for the holder of that cookie', async () => {
    const org = await newKeyPair();
    const stored = await wrapWithKey(sessionKeyFromToken('t'.repeat(43)), org.privateKey, 'session/org1');
    expect(await unwrapWithKey(sessionKeyFromToken('t'.repeat(43)), stored, 'session/org1')).toEqual(org.privateKey);
    await expect(unwrapWithKey(sessionKeyFromToken('u'.repeat(43)), stored, 'session/org1')).rejects.toBeInstanceOf(
      ReportCryptoError
    );
  });
});

describe('recovery keys', () => {
  it('base32 round-trips any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 64 }), (bytes) => {
        const text = base32(bytes);
        expect(text).toMatch(/^[A-Z2-7]*$/);
        expect(fromBase32(text, bytes.length)).toEqual(bytes);
      })
    );
  });

  it('a new key is 52 characters in groups of four; spacing, case and look-alike digits do not matter', async () => {
    const key = await newRecoveryKey();
    expect(key.replace(/ /g, '')).toHaveLength(RECOVERY_CHARS);
    const wrap = recoveryWrapKey(key);
    expect(wrap).toHaveLength(32);
    expect(recoveryWrapKey(key.toLowerCase().replace(/ /g, ''))).toEqual(wrap);
    expect(recoveryWrapKey(key.replace(/O/g, '0').replace(/I/g, '1').replace(/B/g, '8'))).toEqual(wrap);
    expect(await newRecoveryKey()).not.toBe(key);
  });

  it('anything that is not a key gives null, never a throw (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = recoveryWrapKey(x);
        expect(r === null || r.length === 32).toBe(true);
      })
    );
    expect(recoveryWrapKey('ABCD')).toBeNull();
    expect(recoveryWrapKey('A'.repeat(51) + '!')).toBeNull();
  });

  it('a wrapped organisation key opens only with the same recovery key', async () => {
    const org = await newKeyPair();
    const right = recoveryWrapKey(await newRecoveryKey())!;
    const wrong = recoveryWrapKey(await newRecoveryKey())!;
    const stored = await wrapWithKey(right, org.privateKey, 'forebygg/report-recovery/x');
    expect(await unwrapWithKey(right, stored, 'forebygg/report-recovery/x')).toEqual(org.privateKey);
    await expect(unwrapWithKey(wrong, stored, 'forebygg/report-recovery/x')).rejects.toBeInstanceOf(ReportCryptoError);
    await expect(unwrapWithKey(right, stored, 'forebygg/report-recovery/y')).rejects.toBeInstanceOf(ReportCryptoError);
  });
});
