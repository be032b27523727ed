import { sql } from 'kysely';
import type { Executor } from '../db/schema';
import { runPrepared } from '../db/prepared';
import { isPostgres } from '../jobs/jobs';
import type { Insertable } from 'kysely';
import type { SurveyResponseTable, SurveyWaveTable } from './surveys.tables';
import type { sqliteHandle } from '../db/connect';
import { AppError } from '../errors';
import type { TResponseWrite } from './surveys.writer';

export async function insertSurvey(db: Executor, row: { id: string; slug: string; now: string }) {
  await db
    .insertInto('survey')
    .values({ id: row.id, slug: row.slug, created_at: row.now, updated_at: row.now })
    .execute();
}

// The lookups of the intake path (every response) are prepared once (db/prepared.ts).
export async function findSurvey(db: Executor, idOrSlug: string) {
  const { rows } = await runPrepared(
    db,
    'surveys.findSurvey',
    (id, slug) =>
      db
        .selectFrom('survey')
        .selectAll()
        .where((eb) => eb.or([eb('id', '=', id), eb('slug', '=', slug)])),
    [idOrSlug, idOrSlug]
  );
  return rows[0];
}

export async function listSurveys(db: Executor) {
  return db.selectFrom('survey').selectAll().orderBy('created_at', 'desc').execute();
}

export async function touchSurvey(db: Executor, id: string, now: string) {
  await db.updateTable('survey').set({ updated_at: now }).where('id', '=', id).execute();
}

export async function latestVersion(db: Executor, surveyId: string) {
  return db
    .selectFrom('survey_version')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function latestPublishedVersion(db: Executor, surveyId: string) {
  return db
    .selectFrom('survey_version')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('published_at', 'is not', null)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findVersion(db: Executor, id: string) {
  const { rows } = await runPrepared(
    db,
    'surveys.findVersion',
    (v) => db.selectFrom('survey_version').selectAll().where('id', '=', v),
    [id]
  );
  return rows[0];
}

export async function insertVersion(
  db: Executor,
  row: { id: string; survey_id: string; version: number; definition: string; now: string }
) {
  await db
    .insertInto('survey_version')
    .values({
      id: row.id,
      survey_id: row.survey_id,
      version: row.version,
      definition: row.definition,
      published_at: null,
      created_at: row.now
    })
    .execute();
}

export async function updateDraftDefinition(db: Executor, versionId: string, definition: string) {
  await db
    .updateTable('survey_version')
    .set({ definition })
    .where('id', '=', versionId)
    .where('published_at', 'is', null)
    .execute();
}

export async function publishVersion(db: Executor, versionId: string, now: string) {
  await db
    .updateTable('survey_version')
    .set({ published_at: now })
    .where('id', '=', versionId)
    .where('published_at', 'is', null)
    .execute();
}

export async function insertWave(db: Executor, row: Insertable<SurveyWaveTable>) {
  await db.insertInto('survey_wave').values(row).execute();
}

export async function updateWave(db: Executor, id: string, row: Partial<Insertable<SurveyWaveTable>>) {
  await db.updateTable('survey_wave').set(row).where('id', '=', id).execute();
}

export async function deleteWaveIfEmpty(db: Executor, id: string): Promise<boolean> {
  const used = await db
    .selectFrom('survey_response')
    .select('id')
    .where('wave_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  if (used) return false;
  await db.deleteFrom('survey_wave').where('id', '=', id).execute();
  return true;
}

export async function findWave(db: Executor, id: string) {
  const { rows } = await runPrepared(
    db,
    'surveys.findWave',
    (w) => db.selectFrom('survey_wave').selectAll().where('id', '=', w),
    [id]
  );
  return rows[0];
}

export async function listWaves(db: Executor, surveyId: string) {
  return db
    .selectFrom('survey_wave')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .orderBy('opens_on', 'asc')
    .orderBy('created_at', 'asc')
    .execute();
}

export async function insertLink(
  db: Executor,
  row: { id: string; wave_id: string; source_code: string | null; kind: string; now: string }
) {
  await db
    .insertInto('survey_link')
    .values({ id: row.id, wave_id: row.wave_id, source_code: row.source_code, kind: row.kind, created_at: row.now })
    .execute();
}

export async function findLink(db: Executor, id: string) {
  return db.selectFrom('survey_link').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listLinks(db: Executor, waveIds: readonly string[]) {
  if (waveIds.length === 0) return [];
  return db
    .selectFrom('survey_link')
    .selectAll()
    .where('wave_id', 'in', waveIds)
    .orderBy('created_at', 'asc')
    .execute();
}

export async function insertPanelTokens(db: Executor, linkId: string, hashes: readonly string[], now: string) {
  if (hashes.length === 0) return;
  await db
    .insertInto('survey_panel_token')
    .values(hashes.map((token_hash) => ({ token_hash, link_id: linkId, created_at: now, used_at: null })))
    .execute();
}

/** Marks a panel token used; false when unknown, of another link, or used already (safe under concurrency). */
export async function usePanelToken(db: Executor, linkId: string, hash: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('survey_panel_token')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('link_id', '=', linkId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertResponse(
  db: Executor,
  response: Insertable<SurveyResponseTable>,
  answers: readonly { question_id: string; value: string }[]
) {
  const source = response.source_code ?? null;
  await runPrepared(
    db,
    source === null ? 'surveys.insertResponse' : 'surveys.insertResponseWithSource',
    (id, wave, version, week, cell, code) =>
      db.insertInto('survey_response').values({
        id,
        wave_id: wave,
        version_id: version,
        iso_week: week,
        cell,
        source_code: code ?? null
      }),
    [response.id, response.wave_id, response.version_id, response.iso_week, response.cell, ...(source ? [source] : [])]
  );
  if (answers.length > 0)
    await runPrepared(
      db,
      `surveys.insertAnswers.${answers.length}`,
      (id, ...qv) =>
        db
          .insertInto('survey_answer')
          .values(answers.map((_, i) => ({ response_id: id, question_id: qv[2 * i], value: qv[2 * i + 1] }))),
      [response.id, ...answers.flatMap((a) => [a.question_id, a.value])]
    );
}

/** Adds one to the response count of a weighting cell, creating it at 1 (`ON CONFLICT DO UPDATE`, both databases). */
export async function incrementCell(db: Executor, waveId: string, cell: string) {
  await runPrepared(
    db,
    'surveys.incrementCell',
    (wave, c) =>
      db
        .insertInto('survey_cell_count')
        .values({ wave_id: wave, cell: c, n: 1 })
        .onConflict((oc) => oc.columns(['wave_id', 'cell']).doUpdateSet({ n: sql<number>`survey_cell_count.n + 1` })),
    [waveId, cell]
  );
}

type TCountRow = { wave_id: string; question_id: string; answer: string; cell: string; n: number };
type TJointRow = TCountRow & { by_question_id: string; by_answer: string };

/**
 * Adds `n` to each (wave, question, answer, cell) counter, creating it at `n`: one upsert per 100 rows
 * (`ON CONFLICT DO UPDATE`, so concurrent writers never lose a count). The rows must be distinct (merged:
 * src/lib/surveys/counter-merge.ts).
 */
export async function addCounts(db: Executor, rows: readonly TCountRow[]) {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('survey_count')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc
          .columns(['wave_id', 'question_id', 'answer', 'cell'])
          .doUpdateSet({ n: sql<number>`survey_count.n + excluded.n` })
      )
      .execute();
}

/** Adds `n` to each joint counter (breakdown questions), creating it at `n`, like `addCounts`. */
export async function addJointCounts(db: Executor, rows: readonly TJointRow[]) {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('survey_joint_count')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc
          .columns(['wave_id', 'by_question_id', 'question_id', 'answer', 'by_answer', 'cell'])
          .doUpdateSet({ n: sql<number>`survey_joint_count.n + excluded.n` })
      )
      .execute();
}

/**
 * Adds one to the counter generation of each wave (creating it at 1), in the transaction that changes the
 * wave's counters: results cached under the old generation are computed again on the next request, on every
 * instance. Sorted, so concurrent writers lock the rows in one order; the caller does it last, after the
 * counters, so the row is held for the shortest time.
 */
export async function bumpCounterVersions(db: Executor, waveIds: Iterable<string>): Promise<Map<string, number>> {
  const generations = new Map<string, number>();
  for (const id of [...new Set(waveIds)].sort()) {
    const row = await db
      .insertInto('survey_counter_version')
      .values({ wave_id: id, generation: 1 })
      .onConflict((oc) =>
        oc.column('wave_id').doUpdateSet({ generation: sql<number>`survey_counter_version.generation + 1` })
      )
      .returning('generation')
      .executeTakeFirstOrThrow();
    generations.set(id, Number(row.generation));
  }
  return generations;
}

/** The counter generation of each wave, in the order asked (0: never changed since the migration). */
export async function counterVersions(db: Executor, waveIds: readonly string[]): Promise<number[]> {
  if (waveIds.length === 0) return [];
  const rows = await db
    .selectFrom('survey_counter_version')
    .select(['wave_id', 'generation'])
    .where('wave_id', 'in', waveIds)
    .execute();
  const byWave = new Map(rows.map((r) => [r.wave_id, Number(r.generation)]));
  return waveIds.map((id) => byWave.get(id) ?? 0);
}

/**
 * The group commit's transaction on SQLite (surveys.writer.ts): prepared statements on the driver itself,
 * as the benchmark's bare baseline does, in one synchronous transaction — per response the quota check,
 * panel code, response, answer rows, cell counter and number sums; then the batch's merged counters.
 * A thrown error (full quota, used code) rolls the whole transaction back.
 */
export function sqliteResponseStore(
  sqlite: NonNullable<ReturnType<typeof sqliteHandle>>,
  checkQuotaRoom: (quotas: TResponseWrite['quotas'], cells: { cell: string; n: number }[]) => void
) {
  const cells = sqlite.prepare('select cell, n from survey_cell_count where wave_id = ?');
  const token = sqlite.prepare(
    'update survey_panel_token set used_at = ? where token_hash = ? and link_id = ? and used_at is null'
  );
  const response = sqlite.prepare(
    'insert into survey_response (id, wave_id, version_id, iso_week, source_code, cell) values (?, ?, ?, ?, ?, ?)'
  );
  const answer = sqlite.prepare('insert into survey_answer (response_id, question_id, value) values (?, ?, ?)');
  const cell = sqlite.prepare(
    'insert into survey_cell_count (wave_id, cell, n) values (?, ?, 1) on conflict (wave_id, cell) do update set n = n + 1'
  );
  const numeric = sqlite.prepare(
    'insert into survey_numeric_sum (wave_id, question_id, cell, n, sum_y, sum_y2) values (?, ?, ?, 1, ?, ?) ' +
      'on conflict (wave_id, question_id, cell) do update set n = n + 1, sum_y = sum_y + excluded.sum_y, sum_y2 = sum_y2 + excluded.sum_y2'
  );
  const count = sqlite.prepare(
    'insert into survey_count (wave_id, question_id, answer, cell, n) values (?, ?, ?, ?, ?) ' +
      'on conflict (wave_id, question_id, answer, cell) do update set n = n + excluded.n'
  );
  const joint = sqlite.prepare(
    'insert into survey_joint_count (wave_id, question_id, answer, by_question_id, by_answer, cell, n) values (?, ?, ?, ?, ?, ?, ?) ' +
      'on conflict (wave_id, by_question_id, question_id, answer, by_answer, cell) do update set n = n + excluded.n'
  );
  const version = sqlite
    .prepare(
      'insert into survey_counter_version (wave_id, generation) values (?, 1) ' +
        'on conflict (wave_id) do update set generation = generation + 1 returning generation'
    )
    .raw(true);
  return sqlite.transaction(
    (batch: readonly TResponseWrite[], counts: readonly TCountRow[], joints: readonly TJointRow[]) => {
      for (const w of batch) {
        const r = w.response;
        if (w.quotas.length > 0) checkQuotaRoom(w.quotas, cells.all(r.wave_id) as { cell: string; n: number }[]);
        if (w.panel && token.run(w.panel.usedAt, w.panel.hash, w.panel.linkId).changes !== 1)
          throw new AppError('conflict', 'surveys.error.tokenUsed');
        response.run(r.id, r.wave_id, r.version_id, r.iso_week, r.source_code, r.cell);
        for (const a of w.answers) answer.run(r.id, a.question_id, a.value);
        cell.run(r.wave_id, r.cell);
        for (const x of w.numeric) numeric.run(r.wave_id, x.question_id, r.cell, x.y, x.y * x.y);
      }
      for (const c of counts) count.run(c.wave_id, c.question_id, c.answer, c.cell, c.n);
      for (const c of joints) joint.run(c.wave_id, c.question_id, c.answer, c.by_question_id, c.by_answer, c.cell, c.n);
      // One generation step per wave and batch (bumpCounterVersions); the new generation of each wave.
      const generations = new Map<string, number>();
      for (const id of [...new Set(batch.map((w) => w.response.wave_id))].sort())
        generations.set(id, Number((version.get(id) as [number])[0]));
      return generations;
    }
  );
}

/** Joint counters of some waves by one breakdown question, for some counter questions (all when absent). */
export async function jointCounts(
  db: Executor,
  waveIds: readonly string[],
  byQuestionId: string,
  questionIds?: readonly string[]
) {
  if (waveIds.length === 0 || questionIds?.length === 0) return [];
  let q = db
    .selectFrom('survey_joint_count')
    .selectAll()
    .where('wave_id', 'in', waveIds)
    .where('by_question_id', '=', byQuestionId);
  if (questionIds) q = q.where('question_id', 'in', questionIds);
  return q.execute();
}

export async function replaceJointCounts(
  db: Executor,
  waveId: string,
  rows: readonly {
    question_id: string;
    answer: string;
    by_question_id: string;
    by_answer: string;
    cell: string;
    n: number;
  }[]
) {
  await db.deleteFrom('survey_joint_count').where('wave_id', '=', waveId).execute();
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('survey_joint_count')
      .values(rows.slice(i, i + 100).map((c) => ({ wave_id: waveId, ...c })))
      .execute();
  await bumpCounterVersions(db, [waveId]);
}

export async function cellCounts(db: Executor, waveIds: readonly string[]) {
  if (waveIds.length === 0) return [];
  return db.selectFrom('survey_cell_count').selectAll().where('wave_id', 'in', waveIds).execute();
}

export async function questionCounts(db: Executor, waveIds: readonly string[], questionIds: readonly string[]) {
  if (waveIds.length === 0 || questionIds.length === 0) return [];
  return db
    .selectFrom('survey_count')
    .selectAll()
    .where('wave_id', 'in', waveIds)
    .where('question_id', 'in', questionIds)
    .execute();
}

/**
 * PostgreSQL: a wave's counters one row per question (as `readWaveCounters` reads them on SQLite): count,
 * keys `answer␟cell` joined by ␞ and counts joined by commas, both in (answer, cell) order.
 */
export async function packedCounts(db: Executor, waveId: string): Promise<[string, number, string, string][]> {
  const { rows } = await sql<{ question_id: string; k: number | string; keys: string; ns: string }>`
    select question_id, count(*) as k,
      string_agg(answer || chr(31) || cell, chr(30) order by answer, cell) as keys,
      string_agg(n::text, ',' order by answer, cell) as ns
    from survey_count where wave_id = ${waveId} group by question_id`.execute(db);
  return rows.map((r) => [r.question_id, Number(r.k), r.keys, r.ns]);
}

export async function allCounts(db: Executor, waveIds: readonly string[]) {
  if (waveIds.length === 0) return [];
  return db.selectFrom('survey_count').selectAll().where('wave_id', 'in', waveIds).execute();
}

export async function countResponses(db: Executor, waveId: string): Promise<number> {
  const r = await db
    .selectFrom('survey_response')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('wave_id', '=', waveId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Every response of a wave with its answers, in response order (exports and recount). */
export async function responsesWithAnswers(db: Executor, waveId: string) {
  const responses = await db
    .selectFrom('survey_response')
    .selectAll()
    .where('wave_id', '=', waveId)
    .orderBy('id')
    .execute();
  const answers = await db
    .selectFrom('survey_answer')
    .innerJoin('survey_response', 'survey_response.id', 'survey_answer.response_id')
    .select(['survey_answer.response_id', 'survey_answer.question_id', 'survey_answer.value'])
    .where('survey_response.wave_id', '=', waveId)
    .execute();
  const byResponse = new Map<string, { question_id: string; value: string }[]>();
  for (const a of answers) {
    const list = byResponse.get(a.response_id) ?? [];
    list.push({ question_id: a.question_id, value: a.value });
    byResponse.set(a.response_id, list);
  }
  return responses.map((r) => ({ ...r, answers: byResponse.get(r.id) ?? [] }));
}

/**
 * Makes a transaction that reads answer rows and rewrites counters safe against concurrent responses.
 * PostgreSQL: a SHARE lock on survey_response waits for inserts in flight to commit and holds new ones
 * until this transaction ends (they wait, they do not fail). SQLite: a first write takes the database's
 * write lock, so no other connection or process writes until the end.
 */
export async function lockForRecount(trx: Executor, waveId: string): Promise<void> {
  if (isPostgres(trx)) await sql`lock table survey_response in share mode`.execute(trx);
  else
    await trx
      .updateTable('survey_wave')
      .set({ id: sql`id` })
      .where('id', '=', waveId)
      .execute();
}

export async function replaceCounts(
  db: Executor,
  waveId: string,
  cells: readonly { cell: string; n: number }[],
  counts: readonly { question_id: string; answer: string; cell: string; n: number }[]
) {
  await db.deleteFrom('survey_count').where('wave_id', '=', waveId).execute();
  await db.deleteFrom('survey_cell_count').where('wave_id', '=', waveId).execute();
  for (let i = 0; i < cells.length; i += 500)
    await db
      .insertInto('survey_cell_count')
      .values(cells.slice(i, i + 500).map((c) => ({ wave_id: waveId, ...c })))
      .execute();
  for (let i = 0; i < counts.length; i += 200)
    await db
      .insertInto('survey_count')
      .values(counts.slice(i, i + 200).map((c) => ({ wave_id: waveId, ...c })))
      .execute();
  await bumpCounterVersions(db, [waveId]);
}

export async function allWaveIds(db: Executor) {
  return (await db.selectFrom('survey_wave').select('id').execute()).map((r) => r.id);
}

export async function listPlaces(db: Executor) {
  const [counties, municipalities] = await Promise.all([
    db.selectFrom('county').select(['number', 'name']).orderBy('number').execute(),
    db.selectFrom('municipality').select(['number', 'name']).orderBy('name').execute()
  ]);
  return { counties, municipalities };
}
