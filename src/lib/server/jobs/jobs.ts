import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * One-at-a-time work across instances. Every instance schedules the same jobs; `runExclusive` lets only
 * one of them do a given job at a time: on PostgreSQL a session advisory lock (`pg_try_advisory_lock`)
 * held on one dedicated pooled connection while the job runs (released at the end, or by PostgreSQL when
 * that connection dies), on SQLite — one machine, one process — an in-process set of running jobs.
 */
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type TExclusiveResult<T> = { ran: true; value: T } | { ran: false };

const runningHere = new Set<string>();
const waitingHere = new Map<string, Promise<void>>();

export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The advisory-lock key of a job name (namespaced, so other users of the database are not hit). */
const lockKey = (name: string) => `forebygg:${name}`;

/** Runs `fn` unless another instance (or this one) is running the job `name` right now; then skips it. */
export async function runExclusive<T>(db: AnyDb, name: string, fn: () => Promise<T>): Promise<TExclusiveResult<T>> {
  if (!isPostgres(db)) {
    if (runningHere.has(name)) return { ran: false };
    runningHere.add(name);
    try {
      return { ran: true, value: await fn() };
    } finally {
      runningHere.delete(name);
    }
  }
  return db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(hashtext(${lockKey(name)})) as ok`.execute(conn);
    if (!got.rows[0]?.ok) return { ran: false } as const;
    try {
      return { ran: true, value: await fn() } as const;
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${lockKey(name)}))`.execute(conn).catch(() => {
        // The connection is gone: PostgreSQL released the lock with it.
      });
    }
  });
}

export interface THeldLock {
  /** Releases the lock; safe to call more than once. */
  release(): Promise<void>;
}

/**
 * Takes the lock `name`, waiting while another instance (or this one) holds it: for start-up work
 * (migrations, seeds) that every instance must see finished before it serves. PostgreSQL: a session
 * advisory lock on one pooled connection kept until `release()`; SQLite: an in-process queue.
 */
export async function holdLock(db: AnyDb, name: string): Promise<THeldLock> {
  let done: () => void = () => {};
  const finished = new Promise<void>((r) => (done = r));
  if (!isPostgres(db)) {
    const before = waitingHere.get(name) ?? Promise.resolve();
    const mine = before.then(() => finished);
    waitingHere.set(name, mine);
    await before;
    return {
      async release() {
        done();
        if (waitingHere.get(name) === mine) waitingHere.delete(name);
      }
    };
  }
  return new Promise<THeldLock>((resolve, reject) => {
    let taken = false;
    const run = db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(hashtext(${lockKey(name)}))`.execute(conn);
      taken = true;
      try {
        resolve({
          async release() {
            done();
            await run.catch(() => {});
          }
        });
        await finished;
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${lockKey(name)}))`.execute(conn).catch(() => {
          // The connection is gone: PostgreSQL released the lock with it.
        });
      }
    });
    run.catch((e: unknown) => {
      if (!taken) reject(e);
    });
  });
}

/** Runs `fn` while holding the lock `name` (waiting for it, unlike `runExclusive`). */
export async function withLock<T>(db: AnyDb, name: string, fn: () => Promise<T>): Promise<T> {
  const lock = await holdLock(db, name);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

export interface TScheduledJob {
  name: string;
  stop(): void;
  /** Runs the job once now (exclusively); what the timer does every `everyMs`. */
  runNow(): Promise<TExclusiveResult<unknown>>;
}

/**
 * Runs `fn` every `everyMs` in this process, each run through `runExclusive`, so with several instances
 * only one does the work at a time. A failing run is reported to `onError` and the schedule goes on.
 * The timer does not keep the process alive.
 */
export function schedule(
  db: AnyDb,
  name: string,
  everyMs: number,
  fn: () => Promise<unknown>,
  options: { onError: (name: string, e: unknown) => void; runAtStart?: boolean }
): TScheduledJob {
  const runNow = () =>
    runExclusive(db, name, fn).catch((e: unknown) => {
      options.onError(name, e);
      return { ran: false } as const;
    });
  const timer = setInterval(() => void runNow(), everyMs);
  timer.unref?.();
  if (options.runAtStart) void runNow();
  return { name, stop: () => clearInterval(timer), runNow };
}
