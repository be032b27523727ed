import { sqliteHandle } from '../db/connect';
import type { DB } from '../db/schema';
import { insertResults, sqliteResultInserter, type TResultRow } from './check.repository';

type TBatch = { row: TResultRow; indicatorIds: string[] }[];

/**
 * Group commit of check results. Checks submitted while a transaction is being written wait for the
 * next one, and each transaction writes all waiting results at once (one multi-row insert per table),
 * so a busy server commits many checks per transaction instead of one. A caller is answered only once
 * the transaction holding its result has committed: an acknowledged check is stored exactly as durably
 * as with one transaction per check (SQLite: WAL, synchronous=NORMAL, as the benchmark's baseline;
 * PostgreSQL: its commit). When a transaction fails, its results are written one by one, so one bad
 * result cannot fail the others. On SQLite the transaction is prepared statements on the driver itself.
 */
export class ResultWriter {
  private pending: { row: TResultRow; indicatorIds: string[]; done: (e?: unknown) => void }[] = [];
  private running = false;
  private readonly insert: (batch: TBatch) => Promise<void>;

  constructor(
    db: DB,
    private readonly maxBatch = 200
  ) {
    const sqlite = sqliteHandle(db);
    if (sqlite) {
      const inserter = sqliteResultInserter(sqlite);
      this.insert = async (batch) => inserter(batch);
    } else this.insert = (batch) => db.transaction().execute((trx) => insertResults(trx, batch));
  }

  /** Resolves once the result and its indicator rows are committed; rejects if they could not be. */
  write(row: TResultRow, indicatorIds: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, indicatorIds, done: (e) => (e === undefined ? resolve() : reject(e)) });
      if (!this.running) {
        this.running = true;
        // Results that arrive in the same turn of the event loop share the transaction.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        await this.insert(batch);
        for (const p of batch) p.done();
      } catch (e) {
        if (batch.length === 1) batch[0].done(e ?? new Error('insert failed'));
        else
          for (const p of batch) {
            try {
              await this.insert([p]);
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

const writers = new WeakMap<DB, ResultWriter>();

/** The writer of a database (one per open database, so every check of a process shares it). */
export function resultWriter(db: DB): ResultWriter {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = new ResultWriter(db)));
  return w;
}
