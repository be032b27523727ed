/**
 * Number questions: their counters and the engine's input for means. Per (wave, question, weighting cell)
 * the table survey_numeric_sum holds the respondents who answered, Σy and Σy² — with base weight 1 these
 * are the sufficient statistics of a weighted mean and its linearization variance, so a mean costs the
 * same at any number of responses. Maintained in the response's transaction, rebuilt by the recount.
 */
import { sql } from 'kysely';
import type { TSurveyData, TUnitGroup } from '../../stats/survey';
import { cellKeyOf } from '../../stats/survey/data';
import { allQuestions, type TSurveyDefinition } from '../../surveys/definition';
import type { TAnswers } from '../../surveys/response';
import type { Executor } from '../db/schema';
import { bumpCounterVersions } from './surveys.repository';

export interface TNumericSum {
  question_id: string;
  cell: string;
  n: number;
  sum_y: number;
  sum_y2: number;
}

/** The numeric answers of one response: one row per number question answered. */
export function numericRows(def: TSurveyDefinition, answers: TAnswers): { question_id: string; y: number }[] {
  const rows: { question_id: string; y: number }[] = [];
  for (const q of allQuestions(def)) {
    const v = answers.get(q.id)?.[0];
    if (q.type !== 'number' || v === undefined || v === '') continue;
    const y = Number(v);
    if (Number.isFinite(y)) rows.push({ question_id: q.id, y });
  }
  return rows;
}

/** Adds one response's numeric answers to the sums (one upsert per question, safe under concurrency). */
export async function addNumericSums(
  db: Executor,
  waveId: string,
  cell: string,
  rows: readonly { question_id: string; y: number }[]
) {
  for (const r of rows)
    await db
      .insertInto('survey_numeric_sum')
      .values({ wave_id: waveId, question_id: r.question_id, cell, n: 1, sum_y: r.y, sum_y2: r.y * r.y })
      .onConflict((oc) =>
        oc.columns(['wave_id', 'question_id', 'cell']).doUpdateSet({
          n: sql<number>`survey_numeric_sum.n + 1`,
          sum_y: sql<number>`survey_numeric_sum.sum_y + ${r.y}`,
          sum_y2: sql<number>`survey_numeric_sum.sum_y2 + ${r.y * r.y}`
        })
      )
      .execute();
}

export async function numericSums(
  db: Executor,
  waveIds: readonly string[]
): Promise<(TNumericSum & { wave_id: string })[]> {
  if (waveIds.length === 0) return [];
  const rows = await db.selectFrom('survey_numeric_sum').selectAll().where('wave_id', 'in', waveIds).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), sum_y: Number(r.sum_y), sum_y2: Number(r.sum_y2) }));
}

/** The sums of one wave computed from its answer rows (what the stored sums must equal). */
export async function recountNumeric(db: Executor, waveId: string): Promise<TNumericSum[]> {
  const rows = await db
    .selectFrom('survey_answer')
    .innerJoin('survey_response', 'survey_response.id', 'survey_answer.response_id')
    .innerJoin('survey_version', 'survey_version.id', 'survey_response.version_id')
    .select(['survey_response.version_id', 'survey_response.cell', 'survey_answer.question_id', 'survey_answer.value'])
    .where('survey_response.wave_id', '=', waveId)
    .execute();
  const versions = await db
    .selectFrom('survey_version')
    .select(['id', 'definition'])
    .where('id', 'in', [...new Set(rows.map((r) => r.version_id)), ''])
    .execute();
  const numberQuestions = new Map<string, Set<string>>(
    versions.map((v) => [
      v.id,
      new Set(
        (JSON.parse(v.definition) as TSurveyDefinition).sections
          .flatMap((s) => s.questions)
          .filter((q) => q.type === 'number')
          .map((q) => q.id)
      )
    ])
  );
  const sums = new Map<string, TNumericSum>();
  for (const r of rows) {
    if (!numberQuestions.get(r.version_id)?.has(r.question_id)) continue;
    const y = Number(r.value);
    if (!Number.isFinite(y)) continue;
    const key = `${r.question_id}\u001f${r.cell}`;
    const s = sums.get(key) ?? { question_id: r.question_id, cell: r.cell, n: 0, sum_y: 0, sum_y2: 0 };
    s.n++;
    s.sum_y += y;
    s.sum_y2 += y * y;
    sums.set(key, s);
  }
  return [...sums.values()];
}

export async function replaceNumericSums(db: Executor, waveId: string, sums: readonly TNumericSum[]) {
  await db.deleteFrom('survey_numeric_sum').where('wave_id', '=', waveId).execute();
  for (let i = 0; i < sums.length; i += 200)
    await db
      .insertInto('survey_numeric_sum')
      .values(sums.slice(i, i + 200).map((s) => ({ wave_id: waveId, ...s })))
      .execute();
  await bumpCounterVersions(db, [waveId]);
}

/** One weighting cell of one wave for the engine: its respondents and the numeric sums of those who answered. */
export interface TNumericCell {
  stratum: string;
  cell: readonly string[];
  group: string | null;
  /** Respondents of the cell (answered or not). */
  respondents: number;
  /** Of them, those who answered, with Σy and Σy². */
  n: number;
  sum_y: number;
  sum_y2: number;
}

/**
 * The engine's numeric data from cell sums (base weight 1): per cell a group of those who answered
 * (Σw·y = Σy, Σw·y² = Σy², …) and one of those who did not — they still carry weight in their cell.
 */
export function fromNumericCells(variables: readonly string[], cells: readonly TNumericCell[]): TSurveyData {
  const byKey = new Map<string, TUnitGroup>();
  const add = (c: TNumericCell, answer: string | null, n: number, sy: number, sy2: number) => {
    if (n <= 0) return;
    const cellKey = cellKeyOf(c.stratum, c.cell);
    const key = [cellKey, answer ?? '\u0000', c.group ?? '\u0000'].join('\u001e');
    const g = byKey.get(key);
    if (g) {
      g.n += n;
      g.sw += n;
      g.sw2 += n;
      g.sy += sy;
      g.swy += sy;
      g.swy2 += sy2;
      g.sw2y += sy;
      g.sw2y2 += sy2;
    } else
      byKey.set(key, {
        stratum: c.stratum,
        cell: [...c.cell],
        cellKey,
        answer,
        group: c.group,
        n,
        sw: n,
        sw2: n,
        sy,
        swy: sy,
        swy2: sy2,
        sw2y: sy,
        sw2y2: sy2
      });
  };
  for (const c of cells) {
    add(c, 'answered', c.n, c.sum_y, c.sum_y2);
    add(c, null, c.respondents - c.n, 0, 0);
  }
  return { variables: [...variables], kind: 'numeric', groups: [...byKey.values()] };
}

/** A stored sum without its wave, to compare with `recountNumeric`. */
export const withoutWave = (r: TNumericSum): TNumericSum => ({
  question_id: r.question_id,
  cell: r.cell,
  n: r.n,
  sum_y: r.sum_y,
  sum_y2: r.sum_y2
});
