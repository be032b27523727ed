import { createHmac, timingSafeEqual } from 'node:crypto';
import sodiumModule from 'libsodium-wrappers-sumo';
import { argon2id } from './report.kdf';

/**
 * The report module's cryptography (docs/security.md, "Reports: key design"). Pure functions over
 * libsodium: no database, no clock, no logging. Every secret is a Uint8Array; every stored value is a
 * versioned, base64 string, so a format change can be told apart from tampering.
 *
 * - Each member has an X25519 key pair; its private key is stored only wrapped under an argon2id key
 *   derived from the member's password (`wrapWithPassword`).
 * - Each organisation has an X25519 key pair; its private key is sealed to each member's public key
 *   (`sealTo`), so a member who has it can grant it to a new colleague without knowing their password.
 * - Each report has a random data key; its fields are encrypted with XChaCha20-Poly1305 under that key,
 *   padded to a multiple of PAD_BLOCK bytes, with the report id and field name as associated data.
 * - The data key is sealed to every receiving organisation's public key, and wrapped once more under a
 *   follow-up key derived (argon2id) from the reporter's receipt and a server secret.
 */

export class ReportCryptoError extends Error {
  constructor(message = 'decryption failed') {
    super(message);
    this.name = 'ReportCryptoError';
  }
}

type Sodium = typeof sodiumModule;
let ready: Promise<Sodium> | undefined;

/** libsodium, once its WebAssembly is loaded. */
export function sodium(): Promise<Sodium> {
  ready ??= sodiumModule.ready.then(() => sodiumModule);
  return ready;
}

/** Padding block: every encrypted field is a multiple of this many bytes before encryption. */
export const PAD_BLOCK = 256;
const VERSION = 'v1';

/** argon2id cost. `interactive` for passwords at login; `receipt` for the reporter's receipt. */
export interface TKdfCost {
  ops: number;
  memBytes: number;
}
export const KDF_PASSWORD: TKdfCost = { ops: 2, memBytes: 19 * 1024 * 1024 };
export const KDF_RECEIPT: TKdfCost = { ops: 3, memBytes: 32 * 1024 * 1024 };
/** Tests may lower the cost; never below libsodium's minimum. */
export const KDF_TEST: TKdfCost = { ops: 1, memBytes: 8 * 1024 };

const b64 = (s: Sodium, bytes: Uint8Array) => s.to_base64(bytes, s.base64_variants.URLSAFE_NO_PADDING);
function unb64(s: Sodium, text: string): Uint8Array {
  try {
    return s.from_base64(text, s.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    throw new ReportCryptoError('malformed');
  }
}

function parts(stored: string, kind: string, count: number): string[] {
  const p = typeof stored === 'string' ? stored.split('.') : [];
  if (p.length !== count + 2 || p[0] !== VERSION || p[1] !== kind) throw new ReportCryptoError('malformed');
  return p.slice(2);
}

// ---------------------------------------------------------------------------------------------------
// Symmetric encryption with padding

function aeadEncrypt(s: Sodium, key: Uint8Array, plaintext: Uint8Array, ad: string): string {
  const nonce = s.randombytes_buf(s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const padded = s.pad(plaintext, PAD_BLOCK);
  const ct = s.crypto_aead_xchacha20poly1305_ietf_encrypt(padded, ad, null, nonce, key);
  return `${VERSION}.box.${b64(s, nonce)}.${b64(s, ct)}`;
}

function aeadDecrypt(s: Sodium, key: Uint8Array, stored: string, ad: string): Uint8Array {
  const [nonceText, ctText] = parts(stored, 'box', 2);
  const nonce = unb64(s, nonceText);
  const ct = unb64(s, ctText);
  if (nonce.length !== s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES || key.length !== 32) {
    throw new ReportCryptoError('malformed');
  }
  let padded: Uint8Array;
  try {
    padded = s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ct, ad, nonce, key);
  } catch {
    throw new ReportCryptoError();
  }
  try {
    return s.unpad(padded, PAD_BLOCK);
  } catch {
    throw new ReportCryptoError('bad padding');
  }
}

/** A new random 256-bit report data key. */
export async function newDataKey(): Promise<Uint8Array> {
  const s = await sodium();
  return s.crypto_aead_xchacha20poly1305_ietf_keygen();
}

/**
 * Encrypts one text field of a report. `ad` binds the ciphertext to where it belongs (report id and
 * field name), so a blob copied to another report or field fails to decrypt.
 */
export async function encryptText(key: Uint8Array, text: string, ad: string): Promise<string> {
  const s = await sodium();
  return aeadEncrypt(s, key, s.from_string(text), ad);
}

export async function decryptText(key: Uint8Array, stored: string, ad: string): Promise<string> {
  const s = await sodium();
  return s.to_string(aeadDecrypt(s, key, stored, ad));
}

// ---------------------------------------------------------------------------------------------------
// Key pairs and sealing

export interface TKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

export async function newKeyPair(): Promise<TKeyPair> {
  const s = await sodium();
  const kp = s.crypto_box_keypair();
  return { publicKey: kp.publicKey, privateKey: kp.privateKey };
}

export async function encodeKey(key: Uint8Array): Promise<string> {
  return b64(await sodium(), key);
}

export async function decodeKey(text: string, length = 32): Promise<Uint8Array> {
  const s = await sodium();
  const key = unb64(s, text);
  if (key.length !== length) throw new ReportCryptoError('malformed');
  return key;
}

/** Seals a secret (a data key or an organisation's private key) so only `publicKey`'s owner opens it. */
export async function sealTo(publicKey: Uint8Array, secret: Uint8Array): Promise<string> {
  const s = await sodium();
  return `${VERSION}.seal.${b64(s, s.crypto_box_seal(secret, publicKey))}`;
}

export async function openSealed(stored: string, keyPair: TKeyPair): Promise<Uint8Array> {
  const s = await sodium();
  const [ctText] = parts(stored, 'seal', 1);
  try {
    return s.crypto_box_seal_open(unb64(s, ctText), keyPair.publicKey, keyPair.privateKey);
  } catch {
    throw new ReportCryptoError();
  }
}

/** The public key that belongs to an X25519 private key. */
export async function publicKeyOf(privateKey: Uint8Array): Promise<Uint8Array> {
  const s = await sodium();
  return s.crypto_scalarmult_base(privateKey);
}

// ---------------------------------------------------------------------------------------------------
// Password wrapping (argon2id)

/** Wraps a secret under a key derived from a password; the salt and cost travel with it. */
export async function wrapWithPassword(
  secret: Uint8Array,
  password: string,
  cost: TKdfCost = KDF_PASSWORD
): Promise<string> {
  const s = await sodium();
  const salt = s.randombytes_buf(s.crypto_pwhash_SALTBYTES);
  const key = await argon2id({ input: password, salt, ops: cost.ops, mem: cost.memBytes });
  const box = aeadEncrypt(s, key, secret, 'forebygg/password-wrap');
  s.memzero(key);
  return `${VERSION}.pw.${cost.ops}.${cost.memBytes}.${b64(s, salt)}.${box.split('.').slice(2).join('.')}`;
}

export async function unwrapWithPassword(stored: string, password: string): Promise<Uint8Array> {
  const s = await sodium();
  const [opsText, memText, saltText, nonceText, ctText] = parts(stored, 'pw', 5);
  const ops = Number(opsText);
  const mem = Number(memText);
  const salt = unb64(s, saltText);
  if (
    !Number.isInteger(ops) ||
    !Number.isInteger(mem) ||
    ops < 1 ||
    ops > 10 ||
    mem < 8192 ||
    mem > 1024 * 1024 * 1024 ||
    salt.length !== s.crypto_pwhash_SALTBYTES
  ) {
    throw new ReportCryptoError('malformed');
  }
  const key = await argon2id({ input: password, salt, ops, mem });
  try {
    return aeadDecrypt(s, key, `${VERSION}.box.${nonceText}.${ctText}`, 'forebygg/password-wrap');
  } finally {
    s.memzero(key);
  }
}

// ---------------------------------------------------------------------------------------------------
// Receipts

/** 20 decimal digits: log2(10^20) ≈ 66.4 bits of entropy. */
export const RECEIPT_DIGITS = 20;

/** A new receipt, in groups of four digits ("1234 5678 …"), drawn without modulo bias. */
export async function newReceipt(): Promise<string> {
  const s = await sodium();
  let digits = '';
  while (digits.length < RECEIPT_DIGITS) digits += String(s.randombytes_uniform(10));
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The receipt's digits, or null when the text cannot be a receipt (spaces and dashes are ignored). */
export function normaliseReceipt(text: unknown): string | null {
  if (typeof text !== 'string' || text.length > 80) return null;
  const digits = text.replace(/[\s\-.]/g, '');
  return new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(digits) ? digits : null;
}

/**
 * The lookup hash a report is found by: HMAC-SHA256 under the lookup secret. Fast on purpose (the
 * receipt has 66 bits of entropy); it only finds the row and cannot decrypt anything.
 */
export function receiptLookupHash(lookupSecret: Uint8Array, receiptDigits: string): string {
  return createHmac('sha256', lookupSecret).update(`forebygg/receipt-lookup/${receiptDigits}`).digest('hex');
}

/**
 * The reporter's follow-up key: argon2id over an HMAC of the receipt under a *different* server
 * secret, with the report's own salt. Someone holding the database but not the server secrets, or
 * the lookup hash but not the receipt, cannot derive it.
 */
export async function followUpKey(
  followUpSecret: Uint8Array,
  receiptDigits: string,
  salt: Uint8Array,
  cost: TKdfCost = KDF_RECEIPT
): Promise<Uint8Array> {
  const s = await sodium();
  if (salt.length !== s.crypto_pwhash_SALTBYTES) throw new ReportCryptoError('malformed');
  const input = createHmac('sha256', followUpSecret).update(`forebygg/receipt-key/${receiptDigits}`).digest();
  try {
    return await argon2id({ input, salt, ops: cost.ops, mem: cost.memBytes });
  } finally {
    input.fill(0);
  }
}

export async function newSalt(): Promise<Uint8Array> {
  const s = await sodium();
  return s.randombytes_buf(s.crypto_pwhash_SALTBYTES);
}

/** Wraps a secret (the data key) under a symmetric key (the follow-up key or a session key). */
export async function wrapWithKey(key: Uint8Array, secret: Uint8Array, ad: string): Promise<string> {
  const s = await sodium();
  return aeadEncrypt(s, key, secret, ad);
}

export async function unwrapWithKey(key: Uint8Array, stored: string, ad: string): Promise<Uint8Array> {
  const s = await sodium();
  return aeadDecrypt(s, key, stored, ad);
}

// ---------------------------------------------------------------------------------------------------
// Session key: the unlocked organisation keys are kept in the session row, encrypted under a key that
// only the session cookie carries (the row's id is an HMAC of the cookie under another key).

export function sessionKeyFromToken(sessionToken: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', sessionToken).update('forebygg/session-report-keys').digest());
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

// ---------------------------------------------------------------------------------------------------
// Recovery keys: 256 random bits, printed once as 52 base32 characters in groups of four. The key that
// wraps the organisation's private key is an HMAC of those bits (no argon2id: 256 bits cannot be
// guessed, and a slow hash would add nothing).

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const RECOVERY_BYTES = 32;
export const RECOVERY_CHARS = Math.ceil((RECOVERY_BYTES * 8) / 5);

export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The bytes of a base32 text, or null for any other character or a wrong length. */
export function fromBase32(text: string, length: number): Uint8Array | null {
  if (text.length !== Math.ceil((length * 8) / 5)) return null;
  const out = new Uint8Array(length);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of text) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      if (i < length) out[i++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}

/** A new recovery key as printed: "ABCD EFGH …" (13 groups of four). */
export async function newRecoveryKey(): Promise<string> {
  const s = await sodium();
  return base32(s.randombytes_buf(RECOVERY_BYTES)).replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The wrapping key of a typed recovery key, or null when the text cannot be one. Spaces, dashes and
 * case are ignored; 0, 1 and 8 (never printed) are read as O, I and B.
 */
export function recoveryWrapKey(text: unknown): Uint8Array | null {
  if (typeof text !== 'string' || text.length > 200) return null;
  const clean = text
    .replace(/[\s\-.]/g, '')
    .toUpperCase()
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
  const bytes = fromBase32(clean, RECOVERY_BYTES);
  if (!bytes) return null;
  return new Uint8Array(createHmac('sha256', Buffer.from(bytes)).update('forebygg/report-recovery-key').digest());
}
