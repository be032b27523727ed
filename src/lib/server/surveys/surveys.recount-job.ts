/**
 * The nightly counter recount (issue 12): every instance schedules it, `runExclusive` lets one do it at a
 * time, and the audit log's last run entry makes it once per night across instances. Each open wave is
 * recounted from its answer rows in one transaction that inserts cannot race (`repo.lockForRecount`);
 * a counter that disagreed is repaired and recorded in the audit log. Logs carry counts only, never
 * response content. See docs/surveys.md ("Counters").
 */
import { appendAudit } from '../audit/audit.service';
import type { DB } from '../db/schema';
import { log } from '../log';
import * as repo from './surveys.repository';
import { isWaveOpen, recountWave } from './surveys.service';

/** The audit action of a finished nightly run (also what tells the next instance it already ran). */
export const RECOUNT_RUN_ACTION = 'surveys.counters.recounted';
/** The audit action of a wave whose counters disagreed with its answer rows and were repaired. */
export const RECOUNT_DRIFT_ACTION = 'surveys.counters.repaired';

type TCount = { question_id: string; answer: string; cell: string; n: number };

/** How many counter rows of a wave differ from the recount (missing, extra or another n). */
export function counterDrift(
  stored: { cells: { cell: string; n: number }[]; counts: TCount[] },
  recount: { cells: { cell: string; n: number }[]; counts: TCount[] }
): { cells: number; counts: number } {
  const diff = <T extends { n: number }>(a: T[], b: T[], key: (x: T) => string) => {
    const m = new Map<string, number>();
    for (const x of a) if (x.n > 0) m.set(key(x), x.n);
    let n = 0;
    for (const x of b) {
      if (x.n <= 0) continue;
      const k = key(x);
      if (m.get(k) !== x.n) n++;
      m.delete(k);
    }
    return n + m.size;
  };
  return {
    cells: diff(stored.cells, recount.cells, (c) => c.cell),
    counts: diff(stored.counts, recount.counts, (c) => `${c.question_id}\u001f${c.answer}\u001f${c.cell}`)
  };
}

/** Recounts one wave in its own transaction; repairs and audits drift. */
export async function recountWaveChecked(
  db: DB,
  waveId: string
): Promise<{ responses: number; drift: { cells: number; counts: number } }> {
  return db.transaction().execute(async (trx) => {
    await repo.lockForRecount(trx, waveId);
    const recount = await recountWave(trx, waveId);
    const stored = {
      cells: (await repo.cellCounts(trx, [waveId])).map((c) => ({ cell: c.cell, n: Number(c.n) })),
      counts: (await repo.allCounts(trx, [waveId])).map((c) => ({
        question_id: c.question_id,
        answer: c.answer,
        cell: c.cell,
        n: Number(c.n)
      }))
    };
    const drift = counterDrift(stored, recount);
    if (drift.cells + drift.counts > 0) {
      await repo.replaceCounts(trx, waveId, recount.cells, recount.counts);
      await appendAudit(trx, {
        actorId: null,
        action: RECOUNT_DRIFT_ACTION,
        targetType: 'survey_wave',
        targetId: waveId,
        details: { cell_counters: drift.cells, answer_counters: drift.counts }
      });
    }
    return { responses: recount.cells.reduce((a, c) => a + c.n, 0), drift };
  });
}

export interface TRecountRun {
  /** False when tonight's run was done already (by this or another instance) or it is not time yet. */
  ran: boolean;
  waves: number;
  responses: number;
  /** Waves whose counters disagreed and were repaired. */
  repaired: number;
}

/** "HH:MM" (UTC) of today's run at `now`, as an ISO time. */
function dueAt(at: string, now: Date): string {
  return `${now.toISOString().slice(0, 10)}T${at}:00.000Z`;
}

/**
 * One nightly run if it is due: at or after `at` (HH:MM UTC) and no run of this night (UTC date, the
 * audit entry's target) recorded in the audit log. Called by the scheduler inside `runExclusive`, so the check and the run are one instance's.
 */
export async function runNightlyRecount(db: DB, at: string, now = new Date()): Promise<TRecountRun> {
  const due = dueAt(at, now);
  const none = { ran: false, waves: 0, responses: 0, repaired: 0 };
  if (now.toISOString() < due) return none;
  const last = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('action', '=', RECOUNT_RUN_ACTION)
    .where('target_id', '=', due.slice(0, 10))
    .limit(1)
    .executeTakeFirst();
  if (last) return none;
  const waves = (await db.selectFrom('survey_wave').select(['id', 'opens_on', 'closes_on']).execute()).filter((w) =>
    isWaveOpen(w, now)
  );
  let responses = 0;
  let repaired = 0;
  for (const w of waves) {
    const r = await recountWaveChecked(db, w.id);
    responses += r.responses;
    if (r.drift.cells + r.drift.counts > 0) {
      repaired++;
      log.warn({ wave: w.id, ...r.drift }, 'surveys.recount: counters disagreed with the answer rows; repaired');
    }
  }
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      actorId: null,
      action: RECOUNT_RUN_ACTION,
      targetType: 'night',
      targetId: due.slice(0, 10),
      details: { waves: waves.length, responses, repaired }
    })
  );
  log.info({ waves: waves.length, responses, repaired }, 'surveys.recount');
  return { ran: true, waves: waves.length, responses, repaired };
}
