import { mergeIncrements } from '../../surveys/counter-merge';
import { sqliteHandle } from '../db/connect';
import type { DB } from '../db/schema';
import {
  checkCountKey,
  checkIndicatorCountKey,
  insertResults,
  municipalityCounties,
  sqliteResultInserter,
  type TCheckCounts,
  type TResultRow
} from './check.repository';

type TBatch = { row: TResultRow; indicatorIds: string[] }[];

/**
 * What a batch adds to the counters (check_count, check_indicator_count): the +1 of every check and of every
 * triggered indicator, summed per key, one row per distinct key, sorted by key. `countyOf` gives the county
 * of a municipality number ('' for none or an unknown one: the summary's "no county").
 */
export function batchCounts(batch: TBatch, countyOf: (municipality: string | null) => string): TCheckCounts {
  const keyed = batch.map(({ row, indicatorIds }) => ({
    row,
    indicatorIds,
    county_number: countyOf(row.municipality_number)
  }));
  return {
    counts: mergeIncrements(
      keyed.map((k) => ({
        sector: k.row.sector,
        iso_week: k.row.iso_week,
        level: k.row.level,
        county_number: k.county_number
      })),
      checkCountKey
    ),
    indicators: mergeIncrements(
      keyed.flatMap((k) =>
        k.indicatorIds.map((indicator_id) => ({
          sector: k.row.sector,
          iso_week: k.row.iso_week,
          county_number: k.county_number,
          indicator_id
        }))
      ),
      checkIndicatorCountKey
    )
  };
}

/**
 * The county of each municipality, from the municipality table: read whole at the first batch, and again
 * (only the numbers not yet seen) when a batch names a municipality added since.
 */
class CountyMap {
  private map: Map<string, string> | null = null;
  constructor(private readonly db: DB) {}

  async of(batch: TBatch): Promise<(municipality: string | null) => string> {
    if (!this.map) this.map = await municipalityCounties(this.db);
    const missing = [
      ...new Set(batch.map((b) => b.row.municipality_number).filter((m): m is string => !!m && !this.map!.has(m)))
    ];
    if (missing.length) for (const [m, c] of await municipalityCounties(this.db, missing)) this.map.set(m, c);
    const map = this.map;
    return (m) => (m ? (map.get(m) ?? '') : '');
  }
}

/**
 * Group commit of check results. Checks submitted while a transaction is being written wait for the
 * next one, and each transaction writes all waiting results at once (one multi-row insert per table),
 * so a busy server commits many checks per transaction instead of one. A caller is answered only once
 * the transaction holding its result has committed: an acknowledged check is stored exactly as durably
 * as with one transaction per check (SQLite: WAL, synchronous=NORMAL, as the benchmark's baseline;
 * PostgreSQL: its commit). When a transaction fails, its results are written one by one, so one bad
 * result cannot fail the others. On SQLite the transaction is prepared statements on the driver itself.
 * The same transaction adds the batch's checks to the counters the summary reads (check_count,
 * check_indicator_count; see batchCounts), so the counters always equal a recount of the stored checks.
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
    const counties = new CountyMap(db);
    if (sqlite) {
      const inserter = sqliteResultInserter(sqlite);
      // Run while holding Kysely's connection, so the transaction never lands inside another request's
      // open transaction on the same connection (it would commit or roll back with that one).
      this.insert = async (batch) => {
        const counts = batchCounts(batch, await counties.of(batch));
        await db.connection().execute(async () => inserter(batch, counts));
      };
    } else
      this.insert = async (batch) => {
        const counts = batchCounts(batch, await counties.of(batch));
        await db.transaction().execute((trx) => insertResults(trx, batch, counts));
      };
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
