import { sql } from 'kysely';
import type { Executor } from '../db/schema';
import { tallyShard } from './tally-shard';
import type { YouthQuizSetTable } from './youth.tables';

/** Quiz sets, in their order; only published ones unless `all`. */
export async function listSets(db: Executor, opts: { all?: boolean } = {}): Promise<YouthQuizSetTable[]> {
  let q = db.selectFrom('youth_quiz_set').selectAll();
  if (!opts.all) q = q.where('published_at', 'is not', null);
  return q.orderBy('position').orderBy('id').execute();
}

export async function findSet(db: Executor, id: string): Promise<YouthQuizSetTable | undefined> {
  return db.selectFrom('youth_quiz_set').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a set unless one with its id exists (seeding never overwrites an editor's change). */
export async function insertSetIfMissing(db: Executor, row: YouthQuizSetTable): Promise<void> {
  await db
    .insertInto('youth_quiz_set')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function updateSet(
  db: Executor,
  id: string,
  set: Pick<YouthQuizSetTable, 'position' | 'target_age' | 'definition' | 'origin' | 'published_at' | 'updated_at'>
): Promise<void> {
  await db.updateTable('youth_quiz_set').set(set).where('id', '=', id).execute();
}

/** Adds one answer to the anonymous tallies: the question's (answered, right) and each chosen option's. */
export async function addAnswer(
  db: Executor,
  key: { setId: string; questionId: string; mode: string; isoWeek: string },
  correct: boolean,
  optionIds: string[]
): Promise<void> {
  const right = correct ? 1 : 0;
  const shard = tallyShard(db);
  await db
    .insertInto('youth_answer_tally')
    .values({
      set_id: key.setId,
      question_id: key.questionId,
      mode: key.mode,
      iso_week: key.isoWeek,
      answered: 1,
      correct: right,
      shard
    })
    .onConflict((oc) =>
      oc.columns(['set_id', 'question_id', 'mode', 'iso_week', 'shard']).doUpdateSet({
        answered: sql`youth_answer_tally.answered + 1`,
        correct: sql`youth_answer_tally.correct + ${right}`
      })
    )
    .execute();
  for (const optionId of optionIds) {
    await db
      .insertInto('youth_option_tally')
      .values({
        set_id: key.setId,
        question_id: key.questionId,
        option_id: optionId,
        mode: key.mode,
        iso_week: key.isoWeek,
        count: 1,
        shard
      })
      .onConflict((oc) =>
        oc
          .columns(['set_id', 'question_id', 'option_id', 'mode', 'iso_week', 'shard'])
          .doUpdateSet({ count: sql`youth_option_tally.count + 1` })
      )
      .execute();
  }
}

/** Tallies per question over a range of ISO weeks (inclusive), summed over the weeks. */
export async function questionTallies(db: Executor, opts: { setId?: string; mode: string }) {
  let q = db
    .selectFrom('youth_answer_tally')
    .select(['set_id', 'question_id'])
    .select((eb) => [eb.fn.sum<number>('answered').as('answered'), eb.fn.sum<number>('correct').as('correct')])
    .where('mode', '=', opts.mode)
    .groupBy(['set_id', 'question_id']);
  if (opts.setId) q = q.where('set_id', '=', opts.setId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, answered: Number(r.answered), correct: Number(r.correct) }));
}

export async function optionTallies(db: Executor, opts: { setId: string; mode: string }) {
  const rows = await db
    .selectFrom('youth_option_tally')
    .select(['question_id', 'option_id'])
    .select((eb) => eb.fn.sum<number>('count').as('count'))
    .where('set_id', '=', opts.setId)
    .where('mode', '=', opts.mode)
    .groupBy(['question_id', 'option_id'])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Adds `n` to one option's tally (classroom runs roll up here with mode 'before' or 'after'). */
export async function addOptionCount(
  db: Executor,
  key: { setId: string; questionId: string; optionId: string; mode: string; isoWeek: string },
  n: number
): Promise<void> {
  await db
    .insertInto('youth_option_tally')
    .values({
      set_id: key.setId,
      question_id: key.questionId,
      option_id: key.optionId,
      mode: key.mode,
      iso_week: key.isoWeek,
      count: n,
      shard: tallyShard(db)
    })
    .onConflict((oc) =>
      oc
        .columns(['set_id', 'question_id', 'option_id', 'mode', 'iso_week', 'shard'])
        .doUpdateSet({ count: sql`youth_option_tally.count + ${n}` })
    )
    .execute();
}

/** Session kinds counted per ISO week in `youth_session_week`. */
export type TSessionKind = 'class' | 'self';

/** Adds one started quiz session of `kind` to its ISO week's count (nothing else about the session is kept). */
export async function addSessionStart(db: Executor, kind: TSessionKind, isoWeek: string): Promise<void> {
  await db
    .insertInto('youth_session_week')
    .values({ kind, iso_week: isoWeek, started: 1, shard: tallyShard(db) })
    .onConflict((oc) =>
      oc.columns(['kind', 'iso_week', 'shard']).doUpdateSet({ started: sql`youth_session_week.started + 1` })
    )
    .execute();
}
