import type { DB, Executor } from '../db/schema';

type TStore = (trx: Executor) => Promise<void>;

/**
 * Group commit of survey responses (as check.writer.ts does for checks). Responses submitted while a
 * transaction is being written wait for the next one, and each transaction runs the insert body of all
 * waiting responses (`store`: quota check, panel token, response and answer rows, counter upserts), so a
 * busy server commits many responses per transaction. A respondent is answered only once the
 * transaction holding the response has committed: an acknowledged response is stored, with its counters,
 * exactly as durably as with one transaction per response. When a transaction fails (a full quota, a used
 * panel code, a lost connection), its responses are written again one per transaction, so one refused
 * response fails alone and gets its own error.
 */
export class SurveyResponseWriter {
  private pending: { store: TStore; done: (e?: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly db: DB,
    private readonly maxBatch = 100
  ) {}

  /** Resolves once the response is committed; rejects with `store`'s error if it could not be. */
  write(store: TStore): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ store, done: (e) => (e === undefined ? resolve() : reject(e)) });
      if (!this.running) {
        this.running = true;
        // Responses that arrive in the same turn of the event loop share the transaction.
        setImmediate(() => void this.drain());
      }
    });
  }

  private run(batch: readonly { store: TStore }[]): Promise<void> {
    return this.db.transaction().execute(async (trx) => {
      for (const p of batch) await p.store(trx);
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        await this.run(batch);
        for (const p of batch) p.done();
      } catch (e) {
        if (batch.length === 1) batch[0]!.done(e ?? new Error('insert failed'));
        else
          for (const p of batch) {
            try {
              await this.run([p]);
              p.done();
            } catch (one) {
              p.done(one ?? new Error('insert failed'));
            }
          }
      }
    }
    this.running = false;
  }
}

const writers = new WeakMap<object, SurveyResponseWriter>();

/** The writer of a database (one per process and database). */
export function responseWriter(db: DB): SurveyResponseWriter {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = new SurveyResponseWriter(db)));
  return w;
}
