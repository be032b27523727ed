import { sqliteHandle } from '../db/connect';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import { countColumns, jointCountColumns, mergeIncrements } from '../../surveys/counter-merge';
import type { TQuota } from '../../surveys/forms';
import { counterWritesCommitted } from './surveys.counter-read';
import { addNumericSums } from './surveys.numeric';
import * as repo from './surveys.repository';

/** Everything one checked response writes: its rows, its counters, and what must still hold at commit. */
export interface TResponseWrite {
  response: {
    id: string;
    wave_id: string;
    version_id: string;
    iso_week: string;
    source_code: string | null;
    cell: string;
  };
  answers: { question_id: string; value: string }[];
  /** +1 on each (question, answer) counter of the response's cell. */
  counters: { question_id: string; answer: string }[];
  /** +1 on each joint counter of the breakdown questions. */
  joint: { question_id: string; answer: string; by_question_id: string; by_answer: string }[];
  /** Number questions: n, Σy, Σy² of the cell (not merged: floating-point sums are added in response order). */
  numeric: { question_id: string; y: number }[];
  /** The wave's quotas that the response's cell falls in: each must still have room. */
  quotas: readonly TQuota[];
  /** A panel link's one-time code, marked used in the same transaction. */
  panel: { linkId: string; hash: string; usedAt: string } | null;
}

export function quotaMatches(q: TQuota, cell: readonly string[]): boolean {
  return (
    (q.sex === undefined || q.sex === cell[0]) &&
    (q.age_group === undefined || q.age_group === cell[1]) &&
    (q.county === undefined || q.county === cell[2])
  );
}

/** Throws 409 "quota full" when one of `quotas` has no room left given the wave's cell counters. */
export function checkQuotaRoom(quotas: readonly TQuota[], cells: readonly { cell: string; n: number | string }[]) {
  for (const q of quotas) {
    const n = cells.filter((c) => quotaMatches(q, c.cell.split('|'))).reduce((a, c) => a + Number(c.n), 0);
    if (n >= q.max) throw new AppError('conflict', 'surveys.error.quotaFull');
  }
}

function rejectNul(w: TResponseWrite): void {
  // The Kysely path refuses NUL in text (RejectNulPlugin); the SQLite statements below see the values
  // directly, so they are checked here the same way: a 400, nothing stored.
  const texts = [...w.answers.flatMap((a) => [a.question_id, a.value]), w.response.source_code ?? ''];
  if (texts.some((t) => t.includes('\u0000'))) throw new AppError('bad_request', 'validation.nul');
}

/**
 * The whole batch in one transaction through Kysely (PostgreSQL, and SQLite inside a test transaction), with
 * the batch's merged counters; returns each wave's new counter generation.
 */
async function storeBatch(
  trx: Executor,
  batch: readonly TResponseWrite[],
  counts: ReturnType<typeof mergedCounts>
): Promise<Map<string, number>> {
  for (const w of batch) {
    if (w.quotas.length > 0) checkQuotaRoom(w.quotas, await repo.cellCounts(trx, [w.response.wave_id]));
    if (w.panel && !(await repo.usePanelToken(trx, w.panel.linkId, w.panel.hash, w.panel.usedAt)))
      throw new AppError('conflict', 'surveys.error.tokenUsed');
    await repo.insertResponse(trx, w.response, w.answers);
    // The cell counter per response: a later response's quota check in this batch sees it.
    await repo.incrementCell(trx, w.response.wave_id, w.response.cell);
    if (w.numeric.length > 0) await addNumericSums(trx, w.response.wave_id, w.response.cell, w.numeric);
  }
  await repo.addCounts(trx, counts);
  await repo.addJointCounts(trx, mergedJoint(batch));
  return repo.bumpCounterVersions(
    trx,
    batch.map((w) => w.response.wave_id)
  );
}

/**
 * After the transaction has committed: the counters kept in memory (surveys.counter-read.ts) add what it wrote,
 * wave by wave, or are dropped (`inOuterTransaction`: it commits only with the outer one).
 */
function committed(
  db: DB,
  batch: readonly TResponseWrite[],
  counts: ReturnType<typeof mergedCounts>,
  generations: ReadonlyMap<string, number>,
  inOuterTransaction: boolean
): void {
  for (const [waveId, generation] of generations) {
    const cells = new Map<string, number>();
    for (const w of batch)
      if (w.response.wave_id === waveId) cells.set(w.response.cell, (cells.get(w.response.cell) ?? 0) + 1);
    counterWritesCommitted(
      db,
      waveId,
      inOuterTransaction ? -1 : generation,
      cells,
      counts.filter((c) => c.wave_id === waveId)
    );
  }
}

function mergedCounts(batch: readonly TResponseWrite[]) {
  return mergeIncrements(
    batch.flatMap((w) => w.counters.map((c) => ({ ...c, wave_id: w.response.wave_id, cell: w.response.cell }))),
    countColumns
  );
}

function mergedJoint(batch: readonly TResponseWrite[]) {
  return mergeIncrements(
    batch.flatMap((w) => w.joint.map((c) => ({ ...c, wave_id: w.response.wave_id, cell: w.response.cell }))),
    jointCountColumns
  );
}

/**
 * Group commit of survey responses (as check.writer.ts does for checks). Responses submitted while a
 * transaction is being written wait for the next one, and each transaction writes all waiting responses:
 * per response the quota check, panel code, response and answer rows and the cell counter; then the
 * (question, answer, cell) and joint counters of the whole batch, each upserted once with the sum of its
 * +1s (src/lib/surveys/counter-merge.ts). A respondent is answered only once the transaction holding the
 * response has committed: an acknowledged response is stored, with its counters, exactly as durably as
 * with one transaction per response. When a transaction fails (a full quota, a used panel code, a lost
 * connection), its responses are written again one per transaction, so one refused response fails alone
 * and gets its own error. On SQLite the transaction is prepared statements on the driver itself, run
 * while holding Kysely's connection (so it never lands inside another request's open transaction).
 */
export class SurveyResponseWriter {
  private pending: { write: TResponseWrite; done: (e?: unknown) => void }[] = [];
  private running = false;
  private readonly store: (batch: TResponseWrite[]) => Promise<void>;

  constructor(
    db: DB,
    private readonly maxBatch = 200
  ) {
    const sqlite = sqliteHandle(db);
    if (sqlite) {
      const store = repo.sqliteResponseStore(sqlite, checkQuotaRoom);
      this.store = (batch) =>
        db.connection().execute(async () => {
          // Inside another transaction this one is a savepoint: committed only with the outer one.
          const nested = sqlite.inTransaction;
          const counts = mergedCounts(batch);
          committed(db, batch, counts, store(batch, counts, mergedJoint(batch)), nested);
        });
    } else
      this.store = async (batch) => {
        const counts = mergedCounts(batch);
        committed(db, batch, counts, await db.transaction().execute((trx) => storeBatch(trx, batch, counts)), false);
      };
  }

  /** Resolves once the response is committed; rejects with the reason (an AppError) if it could not be. */
  write(write: TResponseWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      try {
        rejectNul(write);
      } catch (e) {
        reject(e);
        return;
      }
      this.pending.push({ write, done: (e) => (e === undefined ? resolve() : reject(e)) });
      if (!this.running) {
        this.running = true;
        // Responses that arrive in the same turn of the event loop share the transaction.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        await this.store(batch.map((p) => p.write));
        for (const p of batch) p.done();
      } catch (e) {
        if (batch.length === 1) batch[0]!.done(e ?? new Error('insert failed'));
        else
          for (const p of batch) {
            try {
              await this.store([p.write]);
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
