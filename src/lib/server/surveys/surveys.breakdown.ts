/**
 * Breakdown by a marked (non-demographic) question, from the joint counters (survey_joint_count): counts of
 * a counter question per (wave, answer, breakdown answer, cell), with the respondents who did not answer one
 * or the other derived from the plain counters and the cell totals, so the engine sees every respondent of
 * every cell (the weighting needs them) and the cost depends on cells, not responses. See docs/surveys.md.
 */
import type { TCellCount } from '../../stats/survey';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import { breakdownQuestions, weightingTypes, type TQuestion, type TSurveyDefinition } from '../../surveys/definition';
import { cellFromKey } from '../../surveys/response';
import * as repo from './surveys.repository';
import { readCounters, readJointCounts } from './surveys.counter-read';

/** The breakdown question `id` of a definition, or a 400 naming `field` ("mark it in the builder"). */
export function requireBreakdownQuestion(def: TSurveyDefinition, id: string, field: string): TQuestion {
  const q = breakdownQuestions(def).find((x) => x.id === id);
  if (!q)
    throw new AppError('validation', 'surveys.error.notBreakdown', {
      fields: { [field]: 'surveys.error.notBreakdown' }
    });
  return q;
}

const K = '\u001f';

/**
 * Counts of each counter question (`counterIds`: question ids, or `<question>/<option>` of multiple choice) in
 * some waves, with `group` = `groupOf(breakdown answer)` (null: did not answer the breakdown question), and the
 * non-respondents of the question (answer null) in every group. `variables`: the weighting variables the cells
 * are projected on (as the plain results do).
 */
export async function breakdownCounts(
  db: Executor,
  waveIds: readonly string[],
  byQuestionId: string,
  counterIds: readonly string[],
  variables: readonly string[],
  groupOf: (byAnswer: string) => string = (a) => a
): Promise<Map<string, TCellCount[]>> {
  // Plain and joint counters as arrays on SQLite (thousands of rows), through Kysely otherwise.
  const [cells, plain, joint] = await Promise.all([
    repo.cellCounts(db, waveIds),
    readCounters(db as DB, waveIds, counterIds),
    readJointCounts(db as DB, waveIds, byQuestionId, [...new Set([...counterIds, byQuestionId])])
  ]);
  const idx = variables.map((v) => weightingTypes.indexOf(v as (typeof weightingTypes)[number]));
  // One projection per distinct cell (a few hundred), shared by every row of that cell.
  const projections = new Map<string, string[]>();
  const project = (cell: string) => {
    let p = projections.get(cell);
    if (!p) {
      const full = cellFromKey(cell);
      projections.set(cell, (p = idx.map((i) => full[i] ?? '')));
    }
    return p;
  };
  const groups = new Map<string, string>();
  const group = (byAnswer: string) => {
    let g = groups.get(byAnswer);
    if (g === undefined) groups.set(byAnswer, (g = groupOf(byAnswer)));
    return g;
  };
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  // The rows of each question once (not every row for every question).
  const jointOf = new Map<string, typeof joint>();
  const plainOf = new Map<string, typeof plain>();
  for (const r of joint) {
    const list = jointOf.get(r.question_id);
    if (list) list.push(r);
    else jointOf.set(r.question_id, [r]);
  }
  for (const r of plain) {
    const list = plainOf.get(r.question_id);
    if (list) list.push(r);
    else plainOf.set(r.question_id, [r]);
  }
  // Respondents per (wave, cell, group) who answered the breakdown question: its joint counts with itself.
  const groupTotals = new Map<string, number>();
  const groupedInCell = new Map<string, number>();
  for (const r of jointOf.get(byQuestionId) ?? [])
    if (r.answer === r.by_answer) {
      add(groupTotals, r.wave_id + K + r.cell + K + group(r.by_answer), Number(r.n));
      add(groupedInCell, r.wave_id + K + r.cell, Number(r.n));
    }
  const totals = [...groupTotals].map(([key, total]) => ({ key, total, parts: key.split(K) }));
  const out = new Map<string, TCellCount[]>();
  for (const id of counterIds) {
    const rows: TCellCount[] = [];
    const answeredInGroup = new Map<string, number>();
    const answeredWithGroup = new Map<string, number>();
    for (const r of jointOf.get(id) ?? []) {
      const g = group(r.by_answer);
      const n = Number(r.n);
      rows.push({ stratum: r.wave_id, cell: project(r.cell), answer: r.answer, group: g, n });
      add(answeredInGroup, r.wave_id + K + r.cell + K + g, n);
      add(answeredWithGroup, r.wave_id + K + r.cell + K + r.answer, n);
    }
    const answeredNoGroup = new Map<string, number>();
    for (const r of plainOf.get(id) ?? []) {
      const n = Number(r.n) - (answeredWithGroup.get(r.wave_id + K + r.cell + K + r.answer) ?? 0);
      if (n > 0) rows.push({ stratum: r.wave_id, cell: project(r.cell), answer: r.answer, group: null, n });
      add(answeredNoGroup, r.wave_id + K + r.cell, Math.max(0, n));
    }
    for (const { key, total, parts } of totals) {
      const n = total - (answeredInGroup.get(key) ?? 0);
      const [wave, cell, g] = parts;
      if (n > 0) rows.push({ stratum: wave, cell: project(cell), answer: null, group: g, n });
    }
    for (const c of cells) {
      const key = c.wave_id + K + c.cell;
      const n = Number(c.n) - (groupedInCell.get(key) ?? 0) - (answeredNoGroup.get(key) ?? 0);
      if (n > 0) rows.push({ stratum: c.wave_id, cell: project(c.cell), answer: null, group: null, n });
    }
    out.set(id, rows);
  }
  return out;
}

/**
 * `by` of a results or comparison query when it names a question: the breakdown question it names, or a 400
 * on `by` ("mark it in the builder") for a question that is not marked; null for a weighting variable
 * (sex, age_group, county), no `by`, or a string that is no question (the caller's own check answers that).
 */
export function byBreakdownQuestion(def: TSurveyDefinition, by: string | null | undefined): TQuestion | null {
  if (!by || (weightingTypes as readonly string[]).includes(by)) return null;
  const q = def.sections.flatMap((s) => s.questions).find((x) => x.id === by);
  if (!q) return null;
  return requireBreakdownQuestion(def, by, 'by');
}

/** The groups (breakdown answers) that have respondents in the counts, in the question's order. */
export function groupsPresent(codes: readonly string[], counts: Map<string, TCellCount[]>): string[] {
  const present = new Set<string>();
  for (const list of counts.values()) for (const c of list) if (c.group && c.n > 0) present.add(c.group);
  return codes.filter((c) => present.has(c));
}
