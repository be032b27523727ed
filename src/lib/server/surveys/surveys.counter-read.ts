/**
 * The counters a results page reads, read lean: a page reads every counter row of a wave (questions × answers ×
 * weighting cells — some 30,000 rows for 20 questions, at 1,000 or 1,000,000 responses alike), so on SQLite the
 * rows come from one cached prepared statement of better-sqlite3 as arrays (no query building, no row objects),
 * and on PostgreSQL through Kysely as before. The same rows either way.
 */
import type { Statement } from 'better-sqlite3';
import { sqliteHandle } from '../db/connect';
import type { DB, Executor } from '../db/schema';
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

/**
 * The counters of one wave as small integers (question, answer and cell each an index into a list of the wave's
 * distinct strings), read once for every question of a results page: no object and no key string per row, so
 * the engine's count tables (stats/survey `TCountTable`) are made from typed arrays. `cellCounts` are the rows of
 * survey_cell_count; `cellN[c]` the respondents of cell c (0 for a cell seen only in a counter).
 */
export interface TWaveCounters {
  waveId: string;
  cells: readonly string[];
  cellN: Float64Array;
  cellCounts: { cell: string; n: number }[];
  /** The cells in the order of `cellCounts`, then the rest: the order the weighting sees them in. */
  order: Int32Array;
  answers: readonly string[];
  answerIndex: ReadonlyMap<string, number>;
  /** Per counter id (a question, or `<question>/<option>`): its rows. */
  counters: Map<string, TCounterRows>;
  /** Joint counters (`only.joint`): per counter id, its rows by the breakdown question's answer (in `answers`). */
  joint: Map<string, TJointCounterRows>;
}

export interface TJointCounterRows extends TCounterRows {
  byAnswer: Int32Array;
}

/** What `readWaveCounters` reads when not every counter: some counters, and joint counters by one question. */
export interface TWaveCountersOnly {
  questions: readonly string[];
  joint?: { byQuestionId: string; questions: readonly string[] };
}

export interface TCounterRows {
  length: number;
  answer: Int32Array;
  cell: Int32Array;
  n: Float64Array;
}

class RowsBuilder {
  length = 0;
  answer: number[] = [];
  cell: number[] = [];
  n: number[] = [];
  push(answer: number, cell: number, n: number) {
    this.answer.push(answer);
    this.cell.push(cell);
    this.n.push(n);
    this.length++;
  }
  done(): TCounterRows {
    return {
      length: this.length,
      answer: Int32Array.from(this.answer),
      cell: Int32Array.from(this.cell),
      n: Float64Array.from(this.n)
    };
  }
}

/** A wave's dictionaries (only ever appended to) and, per question, its keys as last read and their indexes. */
interface TWaveLayout {
  cells: string[];
  cellIndex: Map<string, number>;
  answers: string[];
  answerIndex: Map<string, number>;
  questions: Map<string, TKeptKeys>;
  /** Joint counters by `<by question>␟<question>`. */
  joint: Map<string, TKeptKeys>;
  /** Every counter as last read by `readWaveCounters`, at their generation, kept up to date by this process's writer. */
  kept: TKeptCounters | null;
}

/**
 * A wave's counters at a generation (survey_counter_version), never handed out (readers get copies of the
 * counts), so the response writer of this process can add what it commits: after the transaction that took
 * the wave from generation g − 1 to g commits, its increments are added here if these counters are at g − 1
 * and every incremented counter row and cell is already here. Anything else — another process's or a
 * recount's write (a generation this process never saw), a new row — drops them, and the next read reads all.
 */
interface TKeptCounters {
  generation: number;
  snap: TWaveCounters;
  /** Per counter id: its rows by `answer index,cell index`, made on the first increment. */
  rowOf: Map<string, Map<string, number>>;
  /** Cell → its row in snap.cellCounts. */
  cellRow: Map<string, number>;
}
/** A counter's keys text as last read, and its records as indexes (byAnswer: joint counters only). */
interface TKeptKeys {
  keys: string;
  answer: Int32Array;
  byAnswer: Int32Array;
  cell: Int32Array;
}
const layouts = new WeakMap<object, Map<string, TWaveLayout>>();
const LAYOUTS_KEPT = 32;

function intern(list: string[], index: Map<string, number>, value: string): number {
  let i = index.get(value);
  if (i === undefined) {
    index.set(value, (i = list.length));
    list.push(value);
  }
  return i;
}

/** Whole numbers separated by commas (the database's text of integers), without a string per number; −1 if malformed. */
function parseCounts(text: string, into: Float64Array): number {
  let k = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : 44;
    if (ch === 44) {
      if (digits === 0 || k >= into.length) return -1;
      into[k++] = value;
      value = 0;
      digits = 0;
    } else if (ch >= 48 && ch <= 57) {
      value = value * 10 + (ch - 48);
      digits++;
    } else return -1;
  }
  return k;
}

/**
 * The indexes of a counter's keys text (records joined by ␞, each `answer␟cell`, or `answer␟by_answer␟cell` with
 * `joint`), or null unless it holds exactly `count` records of that many parts.
 */
function unpackKeys(layout: TWaveLayout, keys: string, count: number, joint: boolean): TKeptKeys | null {
  const answer = new Int32Array(count);
  const byAnswer = new Int32Array(joint ? count : 0);
  const cell = new Int32Array(count);
  let pos = 0;
  let k = 0;
  while (pos <= keys.length) {
    let end = keys.indexOf('\u001e', pos);
    if (end < 0) end = keys.length;
    const a = keys.indexOf('\u001f', pos);
    if (a < 0 || a >= end) return null;
    let c = a;
    if (joint) {
      c = keys.indexOf('\u001f', a + 1);
      if (c < 0 || c >= end) return null;
    }
    const extra = keys.indexOf('\u001f', c + 1);
    if (extra >= 0 && extra < end) return null;
    if (k >= count) return null;
    answer[k] = intern(layout.answers, layout.answerIndex, keys.slice(pos, a));
    if (joint) byAnswer[k] = intern(layout.answers, layout.answerIndex, keys.slice(a + 1, c));
    cell[k] = intern(layout.cells, layout.cellIndex, keys.slice(c + 1, end));
    k++;
    pos = end + 1;
  }
  return k === count ? { keys, answer, byAnswer, cell } : null;
}

function statementsOf(sqlite: object): Map<string, Statement> {
  let byShape = statements.get(sqlite);
  if (!byShape) statements.set(sqlite, (byShape = new Map()));
  return byShape;
}

const marks = (k: number) => Array.from({ length: k }, () => '?').join(', ');

/**
 * Some counters of one wave as integers, and the joint counters of some by one breakdown question (a campaign
 * effect reads two counters of two waves), read fresh (the caller keeps them under the generation). On SQLite one
 * row per counter comes back: its keys (`answer␟cell`, or `answer␟by_answer␟cell`, joined by ␞, in index order)
 * and its counts (joined by commas), from the covering indexes of migrations 202612050100 and 202612060100; keys
 * are parsed once and kept per wave while unchanged, as `readWaveCounters` does. On PostgreSQL (or with a
 * separator inside an answer or cell) rows are read one by one.
 */
export async function readSomeWaveCounters(db: DB, waveId: string, only: TWaveCountersOnly): Promise<TWaveCounters> {
  const sqlite = sqliteHandle(db);
  const l = layoutOf(db, waveId);
  const questionIds: string[] | null = [...new Set(only.questions)];
  const jointBy = only.joint && only.joint.questions.length > 0 ? only.joint.byQuestionId : null;
  const jointIds = jointBy ? [...new Set(only.joint!.questions)] : [];

  let cellCounts: { cell: string; n: number }[];
  const counters = new Map<string, TCounterRows>();
  const joint = new Map<string, TJointCounterRows>();
  const fromRows = (rows: readonly (readonly [string, string, string, number])[]) => {
    const builders = new Map<string, RowsBuilder>();
    for (const [question, answer, cell, n] of rows) {
      let b = builders.get(question);
      if (!b) builders.set(question, (b = new RowsBuilder()));
      b.push(intern(l.answers, l.answerIndex, answer), intern(l.cells, l.cellIndex, cell), n);
    }
    for (const [id, b] of builders) counters.set(id, b.done());
  };
  const fromJointRows = (rows: readonly (readonly [string, string, string, string, number])[]) => {
    const builders = new Map<string, { rows: RowsBuilder; by: number[] }>();
    for (const [question, answer, by, cell, n] of rows) {
      let b = builders.get(question);
      if (!b) builders.set(question, (b = { rows: new RowsBuilder(), by: [] }));
      b.rows.push(intern(l.answers, l.answerIndex, answer), intern(l.cells, l.cellIndex, cell), n);
      b.by.push(intern(l.answers, l.answerIndex, by));
    }
    for (const [id, b] of builders) joint.set(id, { ...b.rows.done(), byAnswer: Int32Array.from(b.by) });
  };
  const rowByRow = async () => {
    const [c, r, j] = await Promise.all([
      repo.cellCounts(db, [waveId]),
      questionIds ? repo.questionCounts(db, [waveId], questionIds) : repo.allCounts(db, [waveId]),
      jointBy ? repo.jointCounts(db, [waveId], jointBy, jointIds) : []
    ]);
    cellCounts = c.map((x) => ({ cell: x.cell, n: Number(x.n) }));
    fromRows(r.map((x) => [x.question_id, x.answer, x.cell, Number(x.n)] as const));
    fromJointRows(j.map((x) => [x.question_id, x.answer, x.by_answer, x.cell, Number(x.n)] as const));
  };
  if (!sqlite) await rowByRow();
  else {
    const values = [waveId, ...(questionIds ?? []), ...(jointBy ? [jointBy, ...jointIds] : [])];
    if (values.some((v) => v.includes('\u0000'))) throw new AppError('bad_request', 'validation.nul');
    const byShape = statementsOf(sqlite);
    let cellsStatement = byShape.get('wave-cells');
    if (!cellsStatement)
      byShape.set(
        'wave-cells',
        (cellsStatement = sqlite.prepare('select cell, n from survey_cell_count where wave_id = ?').raw(true))
      );
    const shape = `wave-packed:${questionIds?.length ?? -1}`;
    let packedStatement = byShape.get(shape);
    if (!packedStatement)
      byShape.set(
        shape,
        (packedStatement = sqlite
          .prepare(
            'select question_id, count(*), group_concat(answer || char(31) || cell, char(30)), group_concat(n) ' +
              'from survey_count where wave_id = ?' +
              (questionIds ? ` and question_id in (${marks(questionIds.length)})` : '') +
              ' group by question_id'
          )
          .raw(true))
      );
    const jointShape = `wave-joint-packed:${jointIds.length}`;
    let jointStatement = jointBy ? byShape.get(jointShape) : undefined;
    if (jointBy && !jointStatement)
      byShape.set(
        jointShape,
        (jointStatement = sqlite
          .prepare(
            'select question_id, count(*), group_concat(answer || char(31) || by_answer || char(31) || cell, char(30)), ' +
              'group_concat(n) from survey_joint_count where wave_id = ? and by_question_id = ? ' +
              `and question_id in (${marks(jointIds.length)}) group by question_id`
          )
          .raw(true))
      );
    cellCounts = (cellsStatement.all(waveId) as [string, number][]).map(([cell, n]) => ({ cell, n: Number(n) }));
    /** Unpacks one counter's row; false when its keys or counts cannot be read so (then row by row). */
    const unpack = (
      kept: Map<string, TKeptKeys>,
      keyOf: string,
      [count, keys, ns]: [number, string, string],
      isJoint: boolean
    ) => {
      const k = Number(count);
      let known = kept.get(keyOf);
      if (!known || known.keys !== keys) {
        known = unpackKeys(l, keys, k, isJoint) ?? undefined;
        if (!known) return null;
        kept.set(keyOf, known);
      }
      const n = new Float64Array(k);
      if (parseCounts(ns, n) !== k) return null;
      return { length: k, answer: known.answer, cell: known.cell, byAnswer: known.byAnswer, n };
    };
    let ok = true;
    for (const [question, count, keys, ns] of packedStatement.all(waveId, ...(questionIds ?? [])) as [
      string,
      number,
      string,
      string
    ][]) {
      const rows = unpack(l.questions, question, [count, keys, ns], false);
      if (!rows) {
        ok = false;
        break;
      }
      counters.set(question, { length: rows.length, answer: rows.answer, cell: rows.cell, n: rows.n });
    }
    if (ok && jointStatement)
      for (const [question, count, keys, ns] of jointStatement.all(waveId, jointBy, ...jointIds) as [
        string,
        number,
        string,
        string
      ][]) {
        const rows = unpack(l.joint, jointBy + '\u001f' + question, [count, keys, ns], true);
        if (!rows) {
          ok = false;
          break;
        }
        joint.set(question, rows);
      }
    if (!ok) {
      // A separator character inside an answer or a cell: the rows one by one instead.
      counters.clear();
      joint.clear();
      await rowByRow();
    }
  }
  return { ...snapshotOf(l, waveId, cellCounts!, counters), joint };
}

/** The dictionaries and keys kept for a wave (made on first use; the least recently used out beyond LAYOUTS_KEPT). */
function layoutOf(db: DB, waveId: string): TWaveLayout {
  let layoutsOf = layouts.get(db);
  if (!layoutsOf) layouts.set(db, (layoutsOf = new Map()));
  let layout = layoutsOf.get(waveId);
  if (layout) layoutsOf.delete(waveId);
  else
    layout = {
      cells: [],
      cellIndex: new Map(),
      answers: [],
      answerIndex: new Map(),
      questions: new Map(),
      joint: new Map(),
      kept: null
    };
  layoutsOf.set(waveId, layout);
  if (layoutsOf.size > LAYOUTS_KEPT) layoutsOf.delete(layoutsOf.keys().next().value as string);
  return layout;
}

/**
 * Reads the cell counters and every counter of one wave as integers, one row per question (better-sqlite3 and
 * pg cost about a microsecond or more per row returned, so 25,000 rows cost more than the rest of a results
 * page): the question's keys (`answer␟cell` joined by ␞) and its counts (joined by commas) — on SQLite in index
 * order from the covering index of migration 202612050100, on PostgreSQL by string_agg in (answer, cell) order.
 * The keys are parsed once and kept per wave: while a question's keys text is the same as last read — compared
 * whole, so a new, removed or reordered counter is always seen — only its counts are parsed. What is read is
 * kept with its generation (TKeptCounters): while the wave's generation is the one kept, nothing more is read —
 * also after this process's own writes, which add to it. The generation and the counters are read in one
 * transaction (one moment: SQLite's read transaction, holding Kysely's connection so no other query's
 * transaction is seen half done; PostgreSQL's repeatable read). With a separator inside an answer or a cell,
 * rows are read one by one.
 */
export async function readWaveCounters(db: DB, waveId: string): Promise<TWaveCounters> {
  const sqlite = sqliteHandle(db);
  const l = layoutOf(db, waveId);

  if (!sqlite) {
    const generationIn = async (x: Executor) => (await repo.counterVersions(x, [waveId]))[0];
    if (l.kept && l.kept.generation === (await generationIn(db))) return copyOf(l.kept.snap);
    const read = async (x: Executor) => {
      const generation = await generationIn(x);
      const cellCounts = (await repo.cellCounts(x, [waveId])).map((c) => ({ cell: c.cell, n: Number(c.n) }));
      const counters =
        packedCounters(l, await repo.packedCounts(x, waveId)) ??
        countersFromRows(
          l,
          (await repo.allCounts(x, [waveId])).map((r) => [r.question_id, r.answer, r.cell, Number(r.n)] as const)
        );
      return { generation, snap: snapshotOf(l, waveId, cellCounts, counters) };
    };
    if (db.isTransaction) return (await read(db)).snap;
    // The generation and the counters of one moment.
    const { generation, snap } = await db.transaction().setIsolationLevel('repeatable read').execute(read);
    l.kept = {
      generation,
      snap,
      rowOf: new Map(),
      cellRow: new Map(snap.cellCounts.map((c, i) => [c.cell, i]))
    };
    return copyOf(snap);
  }
  if (waveId.includes('\u0000')) throw new AppError('bad_request', 'validation.nul');
  const s = sqliteStatements(sqlite);
  return db.connection().execute(async () =>
    sqlite.transaction(() => {
      const generation = Number((s.generation.get(waveId) as [number] | undefined)?.[0] ?? 0);
      if (l.kept?.generation === generation) return copyOf(l.kept.snap);
      const cellCounts = (s.cells.all(waveId) as [string, number][]).map(([cell, n]) => ({ cell, n: Number(n) }));
      const counters =
        packedCounters(l, s.packed.all(waveId) as [string, number, string, string][]) ??
        countersFromRows(
          l,
          (s.rows.all(waveId) as [string, string, string, number][]).map(
            ([q, a, c, n]) => [q, a, c, Number(n)] as const
          )
        );
      const snap = snapshotOf(l, waveId, cellCounts, counters);
      l.kept = { generation, snap, rowOf: new Map(), cellRow: new Map(cellCounts.map((c, i) => [c.cell, i])) };
      return copyOf(snap);
    })()
  );
}

function sqliteStatements(sqlite: NonNullable<ReturnType<typeof sqliteHandle>>) {
  const byShape = statementsOf(sqlite);
  const statement = (name: string, text: string) => {
    let made = byShape.get(name);
    if (!made) byShape.set(name, (made = sqlite.prepare(text).raw(true)));
    return made;
  };
  return {
    generation: statement('wave-generation', 'select generation from survey_counter_version where wave_id = ?'),
    cells: statement('wave-cells', 'select cell, n from survey_cell_count where wave_id = ?'),
    packed: statement(
      'wave-packed',
      'select question_id, count(*), group_concat(answer || char(31) || cell, char(30)), group_concat(n) ' +
        'from survey_count where wave_id = ? group by question_id'
    ),
    rows: statement('wave-counts', 'select question_id, answer, cell, n from survey_count where wave_id = ?')
  };
}

/** The counters of packed rows (question, count, keys, counts), or null if a separator is inside a key. */
function packedCounters(
  l: TWaveLayout,
  packed: readonly [string, number, string, string][]
): Map<string, TCounterRows> | null {
  const counters = new Map<string, TCounterRows>();
  for (const [question, count, keys, ns] of packed) {
    const k = Number(count);
    let kept = l.questions.get(question);
    if (!kept || kept.keys !== keys) {
      kept = unpackKeys(l, keys, k, false) ?? undefined;
      if (!kept) return null;
      l.questions.set(question, kept);
    }
    const n = new Float64Array(k);
    if (parseCounts(ns, n) !== k) return null;
    counters.set(question, { length: k, answer: kept.answer, cell: kept.cell, n });
  }
  return counters;
}

function countersFromRows(
  l: TWaveLayout,
  rows: readonly (readonly [string, string, string, number])[]
): Map<string, TCounterRows> {
  const builders = new Map<string, RowsBuilder>();
  for (const [question, answer, cell, n] of rows) {
    let b = builders.get(question);
    if (!b) builders.set(question, (b = new RowsBuilder()));
    b.push(intern(l.answers, l.answerIndex, answer), intern(l.cells, l.cellIndex, cell), n);
  }
  const counters = new Map<string, TCounterRows>();
  for (const [id, b] of builders) counters.set(id, b.done());
  return counters;
}

function snapshotOf(
  l: TWaveLayout,
  waveId: string,
  cellCounts: { cell: string; n: number }[],
  counters: Map<string, TCounterRows>
): TWaveCounters {
  for (const c of cellCounts) intern(l.cells, l.cellIndex, c.cell);
  const cellN = new Float64Array(l.cells.length);
  for (const c of cellCounts) cellN[l.cellIndex.get(c.cell)!] += c.n;
  const seen = new Uint8Array(l.cells.length);
  const order: number[] = [];
  for (const c of cellCounts) {
    const i = l.cellIndex.get(c.cell)!;
    if (!seen[i]) order.push(i);
    seen[i] = 1;
  }
  for (let i = 0; i < l.cells.length; i++) if (!seen[i]) order.push(i);
  return {
    waveId,
    cells: l.cells.slice(),
    cellN,
    cellCounts,
    order: Int32Array.from(order),
    answers: l.answers.slice(),
    answerIndex: new Map(l.answerIndex),
    counters,
    joint: new Map()
  };
}

/** A copy a reader may keep: the counts copied, the dictionaries and keys (never changed) shared. */
function copyOf(s: TWaveCounters): TWaveCounters {
  const counters = new Map<string, TCounterRows>();
  for (const [id, r] of s.counters)
    counters.set(id, { length: r.length, answer: r.answer, cell: r.cell, n: r.n.slice() });
  return { ...s, cellN: s.cellN.slice(), cellCounts: s.cellCounts.map((c) => ({ ...c })), counters };
}

/**
 * Called by this process's response writer once the transaction that took `waveId` to `generation`
 * has committed, with the cells (+ respondents) and counter rows (+ n) it added: the kept counters follow
 * if they were at the generation before and hold every row and cell incremented; otherwise they are dropped.
 */
export function counterWritesCommitted(
  db: DB,
  waveId: string,
  generation: number,
  cells: ReadonlyMap<string, number>,
  counts: readonly { question_id: string; answer: string; cell: string; n: number }[]
): void {
  const l = layouts.get(db)?.get(waveId);
  const kept = l?.kept;
  if (!l || !kept) return;
  if (kept.generation !== generation - 1) {
    l.kept = null;
    return;
  }
  const { snap } = kept;
  const cellAt = (cell: string) => {
    const i = l.cellIndex.get(cell);
    return i !== undefined && i < snap.cells.length ? i : -1;
  };
  // Every row first: a row or a cell not kept drops the counters, with nothing half added.
  const rows = new Int32Array(counts.length);
  for (let x = 0; x < counts.length; x++) {
    const c = counts[x];
    const rowsOfCounter = snap.counters.get(c.question_id);
    if (!rowsOfCounter) {
      l.kept = null;
      return;
    }
    let rowOf = kept.rowOf.get(c.question_id);
    if (!rowOf) {
      rowOf = new Map();
      for (let r = 0; r < rowsOfCounter.length; r++)
        rowOf.set(`${rowsOfCounter.answer[r]},${rowsOfCounter.cell[r]}`, r);
      kept.rowOf.set(c.question_id, rowOf);
    }
    const row = rowOf.get(`${snap.answerIndex.get(c.answer) ?? -1},${cellAt(c.cell)}`);
    if (row === undefined) {
      l.kept = null;
      return;
    }
    rows[x] = row;
  }
  for (const cell of cells.keys())
    if (cellAt(cell) < 0 || !kept.cellRow.has(cell)) {
      l.kept = null;
      return;
    }
  for (let x = 0; x < counts.length; x++) snap.counters.get(counts[x].question_id)!.n[rows[x]] += counts[x].n;
  for (const [cell, n] of cells) {
    snap.cellCounts[kept.cellRow.get(cell)!].n += n;
    snap.cellN[cellAt(cell)] += n;
  }
  kept.generation = generation;
}

export interface TJointRow {
  wave_id: string;
  question_id: string;
  answer: string;
  by_answer: string;
  cell: string;
  n: number;
}

/**
 * Joint counter rows (survey_joint_count) of some waves and one breakdown question, of the counters
 * `questionIds`: on SQLite from one cached prepared statement as arrays (a breakdown or a campaign effect reads
 * thousands), on PostgreSQL through Kysely.
 */
export async function readJointCounts(
  db: DB,
  waveIds: readonly string[],
  byQuestionId: string,
  questionIds: readonly string[]
): Promise<TJointRow[]> {
  if (waveIds.length === 0 || questionIds.length === 0) return [];
  const sqlite = sqliteHandle(db);
  if (!sqlite) {
    const rows = await repo.jointCounts(db, waveIds, byQuestionId, questionIds);
    return rows.map((r) => ({
      wave_id: r.wave_id,
      question_id: r.question_id,
      answer: r.answer,
      by_answer: r.by_answer,
      cell: r.cell,
      n: Number(r.n)
    }));
  }
  const values = [...waveIds, byQuestionId, ...questionIds];
  if (values.some((v) => v.includes('\u0000'))) throw new AppError('bad_request', 'validation.nul');
  const shape = `joint:${waveIds.length}:${questionIds.length}`;
  let byShape = statements.get(sqlite);
  if (!byShape) statements.set(sqlite, (byShape = new Map()));
  let statement = byShape.get(shape);
  if (!statement) {
    const marks = (k: number) => Array.from({ length: k }, () => '?').join(', ');
    statement = sqlite
      .prepare(
        `select wave_id, question_id, answer, by_answer, cell, n from survey_joint_count where wave_id in (${marks(waveIds.length)})` +
          ` and by_question_id = ? and question_id in (${marks(questionIds.length)})`
      )
      .raw(true);
    byShape.set(shape, statement);
  }
  const rows = statement.all(...values) as [string, string, string, string, string, number][];
  const out = new Array<TJointRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [wave_id, question_id, answer, by_answer, cell, n] = rows[i];
    out[i] = { wave_id, question_id, answer, by_answer, cell, n: Number(n) };
  }
  return out;
}
