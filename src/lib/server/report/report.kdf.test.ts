import fc from 'fast-check';
import sodiumModule from 'libsodium-wrappers-sumo';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import {
  KDF_PASSWORD,
  KDF_RECEIPT,
  KDF_TEST,
  followUpKey,
  unwrapWithPassword,
  wrapWithPassword
} from './report.crypto';
import { KdfPool, argon2id } from './report.kdf';

await sodiumModule.ready;
const s = sodiumModule;
const direct = (input: string | Uint8Array, salt: Uint8Array, ops: number, mem: number) =>
  s.crypto_pwhash(32, input, salt, ops, mem, s.crypto_pwhash_ALG_ARGON2ID13);

const pools: KdfPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('argon2id on worker threads', () => {
  it('gives the same key, byte for byte, as libsodium on the main thread (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 40 }), fc.uint8Array({ minLength: 0, maxLength: 40 })),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 1, max: 3 }),
        async (input, salt, ops) => {
          const mem = KDF_TEST.memBytes;
          expect(Buffer.from(await argon2id({ input, salt, ops, mem }))).toEqual(
            Buffer.from(direct(input, salt, ops, mem))
          );
        }
      ),
      { numRuns: 25 }
    );
  });

  it('gives the same key at the production costs (receipt and password)', async () => {
    const salt = s.randombytes_buf(16);
    for (const cost of [KDF_RECEIPT, KDF_PASSWORD]) {
      const viaPool = await argon2id({ input: 'correct horse', salt, ops: cost.ops, mem: cost.memBytes });
      expect(Buffer.from(viaPool)).toEqual(Buffer.from(direct('correct horse', salt, cost.ops, cost.memBytes)));
    }
  });

  it('opens what the main thread wrapped before the pool existed (stored format unchanged)', async () => {
    // A password wrap made with libsodium on the main thread, as the previous code did.
    const salt = s.randombytes_buf(16);
    const key = direct('pw-1', salt, KDF_TEST.ops, KDF_TEST.memBytes);
    const nonce = s.randombytes_buf(24);
    const secret = s.randombytes_buf(32);
    const ct = s.crypto_aead_xchacha20poly1305_ietf_encrypt(
      s.pad(secret, 256),
      'forebygg/password-wrap',
      null,
      nonce,
      key
    );
    const b = (x: Uint8Array) => s.to_base64(x, s.base64_variants.URLSAFE_NO_PADDING);
    const stored = `v1.pw.${KDF_TEST.ops}.${KDF_TEST.memBytes}.${b(salt)}.${b(nonce)}.${b(ct)}`;
    expect(Buffer.from(await unwrapWithPassword(stored, 'pw-1'))).toEqual(Buffer.from(secret));
    const again = await wrapWithPassword(secret, 'pw-2', KDF_TEST);
    expect(Buffer.from(await unwrapWithPassword(again, 'pw-2'))).toEqual(Buffer.from(secret));
  });

  it('derives the follow-up key the same way it did on the main thread', async () => {
    const { createHmac } = await import('node:crypto');
    const secret = s.randombytes_buf(32);
    const salt = s.randombytes_buf(16);
    const digits = '12345678901234567890';
    const input = createHmac('sha256', secret).update(`forebygg/receipt-key/${digits}`).digest();
    const expected = direct(new Uint8Array(input), salt, KDF_TEST.ops, KDF_TEST.memBytes);
    expect(Buffer.from(await followUpKey(secret, digits, salt, KDF_TEST))).toEqual(Buffer.from(expected));
  });

  it('keeps the event loop free while a derivation runs', async () => {
    const salt = s.randombytes_buf(16);
    let settled = false;
    const job = argon2id({ input: 'x', salt, ops: KDF_RECEIPT.ops, mem: KDF_RECEIPT.memBytes }).then(() => {
      settled = true;
    });
    // Timers fire while the ~100 ms derivation is still running on its worker.
    const ticks: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 1));
      ticks.push(settled);
    }
    expect(ticks[0]).toBe(false);
    await job;
    expect(settled).toBe(true);
  });

  it('refuses with 503 "busy" once the queue is full, and serves the rest', async () => {
    const pool = new KdfPool(1, 2);
    pools.push(pool);
    const salt = s.randombytes_buf(16);
    const job = () => pool.derive({ input: 'y', salt, ops: KDF_RECEIPT.ops, mem: KDF_RECEIPT.memBytes });
    const results = await Promise.allSettled([job(), job(), job(), job(), job()]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3); // 1 running + 2 waiting
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      const e = (r as PromiseRejectedResult).reason;
      expect(isAppError(e) && e.status).toBe(503);
      expect(isAppError(e) && e.message).toBe('report.error.busy');
    }
    expect(pool.load).toEqual({ running: 0, waiting: 0 });
    // Room again once the queue drained.
    await expect(job()).resolves.toHaveLength(32);
  });

  it('runs at most `size` derivations at once and the rest in order', async () => {
    const pool = new KdfPool(2, 10);
    pools.push(pool);
    const salt = s.randombytes_buf(16);
    const jobs = Array.from({ length: 5 }, (_, i) =>
      pool.derive({ input: `p${i}`, salt, ops: KDF_TEST.ops, mem: KDF_TEST.memBytes })
    );
    expect(pool.load).toEqual({ running: 2, waiting: 3 });
    const keys = await Promise.all(jobs);
    keys.forEach((k, i) =>
      expect(Buffer.from(k)).toEqual(Buffer.from(direct(`p${i}`, salt, KDF_TEST.ops, KDF_TEST.memBytes)))
    );
  });

  it('fails a derivation libsodium refuses, and keeps working', async () => {
    const pool = new KdfPool(1, 4);
    pools.push(pool);
    await expect(pool.derive({ input: 'z', salt: new Uint8Array(3), ops: 1, mem: 8192 })).rejects.toThrow();
    await expect(pool.derive({ input: 'z', salt: new Uint8Array(16), ops: 1, mem: 8192 })).resolves.toHaveLength(32);
  });
});

describe('argon2id on the main thread (KDF_WORKERS=0, the benchmark baseline)', () => {
  it('gives the same key as the workers', async () => {
    const pool = new KdfPool(0, 0);
    const salt = s.randombytes_buf(16);
    const job = { input: 'same', salt, ops: KDF_TEST.ops, mem: KDF_TEST.memBytes };
    expect(Buffer.from(await pool.derive(job))).toEqual(Buffer.from(await argon2id(job)));
  });
});
