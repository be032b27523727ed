import { tallyShard } from './tally-shard';
import { sql } from 'kysely';
import { runPrepared } from '../db/prepared';
import type { Executor } from '../db/schema';
import type { YouthClassPupilTable, YouthClassSessionTable } from './youth.tables';

export async function insertSession(db: Executor, row: YouthClassSessionTable): Promise<void> {
  await db.insertInto('youth_class_session').values(row).execute();
}

export async function findSessionByKeyHash(db: Executor, hash: string) {
  return db.selectFrom('youth_class_session').selectAll().where('teacher_key_hash', '=', hash).executeTakeFirst();
}

export async function findSessionByCode(db: Executor, code: string) {
  return db.selectFrom('youth_class_session').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findSession(db: Executor, id: string) {
  return db.selectFrom('youth_class_session').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A session with what its projector needs besides the answers, in one query: its quiz set's stored
 * definition (null when the set is gone) and its number of pupils.
 */
export async function findSessionWithSet(db: Executor, id: string) {
  const { rows } = await runPrepared(
    db,
    'youth.sessionWithSet',
    (sessionId) =>
      db
        .selectFrom('youth_class_session as s')
        .leftJoin('youth_quiz_set as q', 'q.id', 's.set_id')
        .selectAll('s')
        // The set as it was when the class started (older sessions: as it is now).
        .select((eb) => eb.fn.coalesce('s.quiz_definition', 'q.definition').as('set_definition'))
        .select('q.published_at as set_published_at')
        .select((eb) =>
          eb
            .selectFrom('youth_class_pupil as p')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('p.session_id', '=', 's.id')
            .as('pupils')
        )
        .where('s.id', '=', sessionId),
    [id]
  );
  const row = rows[0];
  return row && { ...row, pupils: Number(row.pupils ?? 0) };
}

/**
 * A pupil (by the hash of their token) with their session and its quiz set's definition, in one
 * prepared query: the first step of every answer.
 */
export async function findPupilWithSession(db: Executor, tokenHash: string) {
  const { rows } = await runPrepared(
    db,
    'youth.pupilWithSession',
    (hash) =>
      db
        .selectFrom('youth_class_pupil as p')
        .innerJoin('youth_class_session as s', 's.id', 'p.session_id')
        .leftJoin('youth_quiz_set as q', 'q.id', 's.set_id')
        .selectAll('s')
        .select(['p.id as pupil_id', 'p.nickname as pupil_nickname', 'q.published_at as set_published_at'])
        .select((eb) => eb.fn.coalesce('s.quiz_definition', 'q.definition').as('set_definition'))
        .where('p.token_hash', '=', hash),
    [tokenHash]
  );
  return rows[0];
}

/** Moves a session on only if nobody else did first (the revision it was read at). */
export async function updateSessionState(
  db: Executor,
  id: string,
  fromRevision: number,
  set: Partial<Pick<YouthClassSessionTable, 'phase' | 'run' | 'question_index' | 'summary' | 'ended_at'>>
): Promise<boolean> {
  const result = await db
    .updateTable('youth_class_session')
    .set({ ...set, revision: fromRevision + 1 })
    .where('id', '=', id)
    .where('revision', '=', fromRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function bumpRevision(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('youth_class_session')
    .set({ revision: sql`revision + 1` })
    .where('id', '=', id)
    .execute();
}

export async function insertPupil(db: Executor, row: YouthClassPupilTable): Promise<void> {
  await db.insertInto('youth_class_pupil').values(row).execute();
}

export async function findPupil(db: Executor, tokenHash: string) {
  return db.selectFrom('youth_class_pupil').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function pupilCount(db: Executor, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('youth_class_pupil')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stores an answer unless the pupil already answered this question in this run; true when stored. */
export async function insertAnswer(
  db: Executor,
  row: { session_id: string; pupil_id: string; run: string; question_id: string; options: string; result: string }
): Promise<boolean> {
  const { rows } = await runPrepared(
    db,
    'youth.insertAnswer',
    (session_id, pupil_id, run, question_id, options, result) =>
      db
        .insertInto('youth_class_answer')
        .values({ session_id, pupil_id, run, question_id, options, result })
        .onConflict((oc) => oc.columns(['session_id', 'pupil_id', 'run', 'question_id']).doNothing())
        .returning('pupil_id'),
    [row.session_id, row.pupil_id, row.run, row.question_id, row.options, row.result]
  );
  return rows.length > 0;
}

export async function findAnswer(db: Executor, sessionId: string, pupilId: string, run: string, questionId: string) {
  return db
    .selectFrom('youth_class_answer')
    .select(['options', 'result'])
    .where('session_id', '=', sessionId)
    .where('pupil_id', '=', pupilId)
    .where('run', '=', run)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
}

/** Every answer to one question in one run: the chosen options only (no pupil). */
export async function answersTo(db: Executor, sessionId: string, run: string, questionId: string) {
  return db
    .selectFrom('youth_class_answer')
    .select(['options'])
    .where('session_id', '=', sessionId)
    .where('run', '=', run)
    .where('question_id', '=', questionId)
    .execute();
}

/**
 * One session's answers as a small aggregate: how many pupils made each distinct choice, per run and
 * question, and whether it was right. The projector computes its distribution and before/after from it.
 */
export async function answerGroups(db: Executor, sessionId: string) {
  const { rows } = await runPrepared(
    db,
    'youth.answerGroups',
    (id) =>
      db
        .selectFrom('youth_class_answer')
        .select(['run', 'question_id', 'options', 'result'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', id)
        .groupBy(['run', 'question_id', 'options', 'result']),
    [sessionId]
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Answered and right per run and question for one session. */
export async function sessionCounts(db: Executor, sessionId: string) {
  const rows = await db
    .selectFrom('youth_class_answer')
    .select(['run', 'question_id'])
    .select((eb) => [
      eb.fn.countAll<number>().as('answered'),
      eb.fn.sum<number>(eb.case().when('result', '=', 'right').then(1).else(0).end()).as('correct')
    ])
    .where('session_id', '=', sessionId)
    .groupBy(['run', 'question_id'])
    .execute();
  return rows.map((r) => ({ ...r, answered: Number(r.answered), correct: Number(r.correct ?? 0) }));
}

/** Adds one session's counts to the kept class tally. */
export async function addClassTally(
  db: Executor,
  row: { set_id: string; question_id: string; run: string; iso_week: string; municipality: string },
  answered: number,
  correct: number
): Promise<void> {
  await db
    .insertInto('youth_class_tally')
    .values({ ...row, answered, correct, shard: tallyShard(db) })
    .onConflict((oc) =>
      oc.columns(['set_id', 'question_id', 'run', 'iso_week', 'municipality', 'shard']).doUpdateSet({
        answered: sql`youth_class_tally.answered + ${answered}`,
        correct: sql`youth_class_tally.correct + ${correct}`
      })
    )
    .execute();
}

/** Forgets who took part: pupils (and their nicknames) and their answers. */
export async function deleteParticipants(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('youth_class_answer').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('youth_class_pupil').where('session_id', '=', sessionId).execute();
}

export async function expiredSessions(db: Executor, nowIso: string) {
  return db.selectFrom('youth_class_session').selectAll().where('expires_at', '<', nowIso).execute();
}

/** Marks a session nobody ended as ended; false when someone else already did (it is theirs to roll up). */
export async function claimUnended(db: Executor, id: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('youth_class_session')
    .set({ phase: 'ended', ended_at: nowIso, revision: sql`revision + 1` })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a session; true when it was there. */
export async function deleteSession(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('youth_class_session').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Class tallies between two ISO weeks (inclusive), summed per set, question and run. */
export async function classTallies(db: Executor, range: { from?: string; to?: string; municipality?: string }) {
  let q = db
    .selectFrom('youth_class_tally')
    .select(['set_id', 'question_id', 'run'])
    .select((eb) => [eb.fn.sum<number>('answered').as('answered'), eb.fn.sum<number>('correct').as('correct')])
    .groupBy(['set_id', 'question_id', 'run']);
  if (range.from) q = q.where('iso_week', '>=', range.from);
  if (range.to) q = q.where('iso_week', '<=', range.to);
  if (range.municipality) q = q.where('municipality', '=', range.municipality);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, answered: Number(r.answered), correct: Number(r.correct) }));
}

/** Class tallies between two ISO weeks summed per school municipality ('' when none) and run, with its name. */
export async function classTalliesByMunicipality(
  db: Executor,
  range: { from?: string; to?: string; municipality?: string }
) {
  let q = db
    .selectFrom('youth_class_tally as t')
    .leftJoin('municipality as m', 'm.number', 't.municipality')
    .select(['t.municipality', 't.run', 'm.name'])
    .select((eb) => [eb.fn.sum<number>('t.answered').as('answered'), eb.fn.sum<number>('t.correct').as('correct')])
    .groupBy(['t.municipality', 't.run', 'm.name']);
  if (range.from) q = q.where('t.iso_week', '>=', range.from);
  if (range.to) q = q.where('t.iso_week', '<=', range.to);
  if (range.municipality) q = q.where('t.municipality', '=', range.municipality);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, answered: Number(r.answered), correct: Number(r.correct) }));
}
