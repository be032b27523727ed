import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import sodiumModule from 'libsodium-wrappers-sumo';
import { AppError } from '../errors';

/**
 * argon2id off the event loop. Each derivation (a member's password key, a reporter's receipt key)
 * takes ~95 ms of CPU on purpose; run on the main thread it stalls every other request for that long.
 * Here it runs on a small pool of worker threads (node:worker_threads), each with its own libsodium —
 * the same `crypto_pwhash` the main thread would call, so the keys are the same byte for byte.
 *
 * The secret input (password or receipt HMAC) and the derived key cross the thread boundary only as
 * structured-clone copies in memory; the worker zeroes its copy of the key after posting it. Nothing is
 * written anywhere.
 *
 * The queue is bounded: when `maxQueue` derivations already wait for a worker, a new one is refused
 * with AppError('unavailable') — a 503 "busy, try again" — instead of growing without bound.
 *
 * `KDF_WORKERS=0` derives on the main thread instead (blocking, as before the pool): only the
 * benchmark's baseline uses it (bench/report-health.ts).
 *
 * The worker is inline code (eval) that loads libsodium by the path resolved here, so it needs no file
 * of its own in the build: the same code path runs under Vitest, `vite dev`, tsx and adapter-node.
 */

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const sodium = require(workerData.sodiumPath);
parentPort.on('message', async (job) => {
  try {
    await sodium.ready;
    const key = sodium.crypto_pwhash(32, job.input, job.salt, job.ops, job.mem, sodium.crypto_pwhash_ALG_ARGON2ID13);
    parentPort.postMessage({ id: job.id, key });
    key.fill(0);
  } catch (e) {
    parentPort.postMessage({ id: job.id, error: String((e && e.message) || e) });
  }
});
`;

export interface TKdfJob {
  input: string | Uint8Array;
  salt: Uint8Array;
  ops: number;
  mem: number;
}

interface Pending extends TKdfJob {
  id: number;
  resolve: (key: Uint8Array) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Pending;
}

let sodiumPath: string | undefined;
function resolveSodium(): string {
  sodiumPath ??= createRequire(import.meta.url).resolve('libsodium-wrappers-sumo');
  return sodiumPath;
}

export class KdfPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private retiring = false;

  constructor(
    readonly size = 2,
    readonly maxQueue = 32
  ) {}

  /** Jobs running plus jobs waiting. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.job).length, waiting: this.queue.length };
  }

  derive(job: TKdfJob): Promise<Uint8Array> {
    if (this.closed || this.retiring) return Promise.reject(new Error('KDF pool closed'));
    if (this.size === 0) return onMainThread(job);
    const idle = this.idleSlot();
    if (!idle && this.queue.length >= this.maxQueue) {
      return Promise.reject(new AppError('unavailable', 'report.error.busy'));
    }
    return new Promise<Uint8Array>((resolve, reject) => {
      const pending: Pending = { ...job, id: this.nextId++, resolve, reject };
      if (idle) this.run(idle, pending);
      else this.queue.push(pending);
    });
  }

  /** Stops the workers; waiting and running derivations are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('KDF pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  /** Takes no new derivations; lets the running and waiting ones finish, then stops the workers. */
  retire(): void {
    this.retiring = true;
    this.stopIfIdle();
  }

  private stopIfIdle(): void {
    if (this.retiring && this.queue.length === 0 && this.slots.every((s) => !s.job)) void this.close();
  }

  private idleSlot(): Slot | undefined {
    const free = this.slots.find((s) => !s.job);
    if (free) return free;
    if (this.slots.length < this.size) return this.spawn();
    return undefined;
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sodiumPath: resolveSodium() } });
    const slot: Slot = { worker };
    worker.unref();
    worker.on('message', (m: { id: number; key?: Uint8Array; error?: string }) => {
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      this.finish(slot);
      if (m.key) job.resolve(new Uint8Array(m.key));
      else job.reject(new Error(m.error ?? 'argon2id failed'));
    });
    // A worker that dies (out of memory, a bug) fails its job and is replaced on the next derivation.
    const dead = (e: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      const job = slot.job;
      slot.job = undefined;
      job?.reject(e);
      this.drain();
    };
    worker.on('error', dead);
    worker.on('exit', (code) => dead(new Error(`KDF worker exited (${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private run(slot: Slot, job: Pending): void {
    slot.job = job;
    // While a derivation runs the worker keeps the process alive (a CLI awaiting it must not exit).
    slot.worker.ref();
    // Exact-size copies: cloning a view clones its whole ArrayBuffer (for a pooled Buffer, unrelated
    // bytes); postMessage copies synchronously, so the main thread's copy is zeroed right after.
    const input = typeof job.input === 'string' ? job.input : new Uint8Array(job.input);
    slot.worker.postMessage({ id: job.id, input, salt: new Uint8Array(job.salt), ops: job.ops, mem: job.mem });
    if (typeof input !== 'string') input.fill(0);
  }

  private finish(slot: Slot): void {
    slot.job = undefined;
    slot.worker.unref();
    this.drain();
    this.stopIfIdle();
  }

  private drain(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot = this.idleSlot();
      if (!slot) return;
      this.run(slot, this.queue.shift() as Pending);
    }
  }
}

async function onMainThread(job: TKdfJob): Promise<Uint8Array> {
  await sodiumModule.ready;
  const s = sodiumModule;
  return s.crypto_pwhash(32, job.input, job.salt, job.ops, job.mem, s.crypto_pwhash_ALG_ARGON2ID13);
}

let pool = new KdfPool();

/** Sets the pool's size and queue bound (from KDF_WORKERS / KDF_QUEUE at start); idle workers are replaced. */
export function configureKdfPool(size: number, maxQueue: number): void {
  if (pool.size === size && pool.maxQueue === maxQueue) return;
  pool.retire();
  pool = new KdfPool(size, maxQueue);
}

/** argon2id (crypto_pwhash, ALG_ARGON2ID13) to a 32-byte key, on the worker pool. */
export function argon2id(job: TKdfJob): Promise<Uint8Array> {
  return pool.derive(job);
}
