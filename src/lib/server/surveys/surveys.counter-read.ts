/**
 * The counters a results page reads, read lean: a page reads every counter row of a wave (questions × answers ×
 * weighting cells — some 30,000 rows for 20 questions, at 1,000 or 1,000,000 responses alike), so on SQLite the
 * rows come from one cached prepared statement of better-sqlite3 as arrays (no query building, no row objects),
 * and on PostgreSQL through Kysely as before. The same rows either way.
 */
import type { Statement } from 'better-sqlite3';
import { sqliteHandle } from '../db/connect';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import * as repo from './surveys.repository';

export interface TCounterRow {
  wave_id: string;
  question_id: string;
  answer: string;
  cell: string;
  n: number;
}

const statements = new WeakMap<object, Map<string, Statement>>();

/** Counter rows of some waves, of the counters `questionIds` (question or `<question>/<option>` ids) or all. */
export async function readCounters(
  db: DB,
  waveIds: readonly string[],
  questionIds: readonly string[] | null
): Promise<TCounterRow[]> {
  if (waveIds.length === 0 || questionIds?.length === 0) return [];
  const sqlite = sqliteHandle(db);
  if (!sqlite) {
    const rows = questionIds ? await repo.questionCounts(db, waveIds, questionIds) : await repo.allCounts(db, waveIds);
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  }
  const values = [...waveIds, ...(questionIds ?? [])];
  // As every other query (db/reject-nul.ts): text with a NUL character never reaches the database.
  if (values.some((v) => v.includes('\u0000'))) throw new AppError('bad_request', 'validation.nul');
  const shape = `${waveIds.length}:${questionIds?.length ?? -1}`;
  let byShape = statements.get(sqlite);
  if (!byShape) statements.set(sqlite, (byShape = new Map()));
  let statement = byShape.get(shape);
  if (!statement) {
    const marks = (k: number) => Array.from({ length: k }, () => '?').join(', ');
    // One wave (a results page): its id is known, so it is not read back (a string per row) — '' stands in.
    const columns = waveIds.length === 1 ? `'' as wave_id` : 'wave_id';
    statement = sqlite
      .prepare(
        `select ${columns}, question_id, answer, cell, n from survey_count where wave_id in (${marks(waveIds.length)})` +
          (questionIds ? ` and question_id in (${marks(questionIds.length)})` : '')
      )
      .raw(true);
    byShape.set(shape, statement);
  }
  const rows = statement.all(...values) as [string, string, string, string, number][];
  const out = new Array<TCounterRow>(rows.length);
  const only = waveIds.length === 1 ? waveIds[0] : null;
  for (let i = 0; i < rows.length; i++) {
    const [wave_id, question_id, answer, cell, n] = rows[i];
    out[i] = { wave_id: only ?? wave_id, question_id, answer, cell, n: Number(n) };
  }
  return out;
}
