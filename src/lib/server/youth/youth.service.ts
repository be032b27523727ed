import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TSessionUser } from '../auth/auth.types';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import { isoWeek } from '../../stats/iso-week';
import { advance, isCorrect, isMultiple, knownChoices, parseProgress } from '../../youth/core';
import { parseQuizSet, ZQuizSet, type TQuizQuestion, type TQuizSet } from '../../youth/quiz';
import * as repo from './youth.repository';
import type { YouthQuizSetTable } from './youth.tables';

/** The folder with the quiz files: `data/quizzes` (FOREBYGG_DATA_DIR moves `data`). */
export function quizzesDir(): string {
  return resolve(process.env.FOREBYGG_DATA_DIR ?? 'data', 'quizzes');
}

/** Reads and validates every `<set>.json`; a broken file stops the start with its name and field. */
export function readQuizFiles(dir = quizzesDir()): TQuizSet[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  return files
    .map((file) => {
      const name = `data/quizzes/${file}`;
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(resolve(dir, file), 'utf8'));
      } catch (e) {
        throw new Error(`${name}: not valid JSON (${(e as Error).message})`, { cause: e });
      }
      return parseQuizSet(name, raw);
    })
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/**
 * Adds the shipped quiz sets that are not in the database yet, published. Idempotent, and never
 * overwrites a set an editor has changed (or unpublished).
 */
export async function seedQuizzes(db: Executor, dir = quizzesDir()): Promise<void> {
  const now = new Date().toISOString();
  for (const set of readQuizFiles(dir)) {
    await repo.insertSetIfMissing(db, {
      id: set.id,
      position: set.order,
      target_age: set.targetAge,
      definition: JSON.stringify(set),
      origin: 'seed',
      published_at: now,
      created_at: now,
      updated_at: now
    });
  }
}

/** A stored set with its state. */
export interface TStoredSet {
  set: TQuizSet;
  published: boolean;
  origin: string;
  updatedAt: string;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parsed sets by id, reused while the stored definition is unchanged: a classroom burst reads the same
 * set for every answer. The sets are frozen, so no caller can change the shared copy.
 */
const parsed = new Map<string, TQuizSet>();

/**
 * Keyed by the definition itself: a class that keeps the version it started with and the pupils on the
 * newly published one each find theirs without parsing again.
 */
function parseStored(row: Pick<YouthQuizSetTable, 'id' | 'definition'>): TQuizSet {
  const hit = parsed.get(row.definition);
  if (hit && hit.id === row.id) return hit;
  const set = deepFreeze(parseQuizSet(`youth_quiz_set ${row.id}`, JSON.parse(row.definition)));
  if (parsed.size > 500) parsed.clear();
  parsed.set(row.definition, set);
  return set;
}

function fromRow(row: YouthQuizSetTable): TStoredSet {
  return {
    set: parseStored(row),
    published: row.published_at !== null,
    origin: row.origin,
    updatedAt: row.updated_at
  };
}

/** The published quiz sets, in order. */
export async function listQuizzes(db: Executor): Promise<TQuizSet[]> {
  return (await repo.listSets(db)).map((r) => fromRow(r).set);
}

/** A published quiz set; an unknown or unpublished id is a 404. */
export async function getQuiz(db: Executor, id: string): Promise<TQuizSet> {
  const row = /^[a-z0-9][a-z0-9-]{0,40}$/.test(id) ? await repo.findSet(db, id) : undefined;
  if (!row || row.published_at === null) throw new AppError('not_found', 'youth.error.unknownSet');
  return fromRow(row).set;
}

/**
 * The published set from a stored definition another query already read (a join), so a hot path needs
 * no extra read; the same 404 as `getQuiz` when the set is gone or unpublished.
 */
export function publishedQuizFrom(id: string, definition: string | null, publishedAt: string | null): TQuizSet {
  if (definition === null || publishedAt === null) throw new AppError('not_found', 'youth.error.unknownSet');
  return parseStored({ id, definition });
}

/** A set from a stored definition (a classroom session's copy of the version it was given). */
export function quizFromDefinition(id: string, definition: string): TQuizSet {
  return parseStored({ id, definition });
}

/**
 * The content studio's number of the published version of a set (kind `quiz_set`), or null when the set
 * is not in the studio: a classroom session records the version it was given.
 */
export async function publishedQuizVersion(db: Executor, setId: string): Promise<number | null> {
  const row = await db
    .selectFrom('content_version as v')
    .innerJoin('content_item as i', 'i.id', 'v.item_id')
    .select('v.number')
    .where('i.kind', '=', 'quiz_set')
    .where('i.key', '=', setId)
    .where('v.state', '=', 'published')
    .executeTakeFirst();
  return row ? Number(row.number) : null;
}

export interface TAnswerOutcome {
  question: TQuizQuestion;
  index: number;
  chosen: string[];
  correct: boolean;
  /** The progress string after this answer (see youth/core.ts). */
  progress: string;
}

/**
 * Grades one self-paced answer and adds it to the anonymous tallies (set, question, options, ISO week).
 * The question answered is the one after `progress`; the progress comes back one longer. The first answer
 * of a quiz also counts one solo session started in its ISO week (`youth_session_week`), in the same
 * transaction.
 */
export async function answerSelfPaced(
  db: DB,
  input: { setId: string; progress: string; chosen: string[] },
  now = new Date()
): Promise<TAnswerOutcome> {
  const set = await getQuiz(db, input.setId);
  const progress = parseProgress(input.progress, set.questions.length);
  const index = progress.length;
  const question = set.questions[index];
  if (!question) throw new AppError('conflict', 'youth.error.finished');
  const chosen = knownChoices(question, input.chosen);
  if (chosen.length === 0 || (!isMultiple(question) && chosen.length > 1))
    throw new AppError('validation', 'validation.summary', { fields: { answer: 'youth.error.answerRequired' } });
  const correct = isCorrect(question, chosen);
  const week = isoWeek(now);
  await db.transaction().execute(async (trx) => {
    await repo.addAnswer(trx, { setId: set.id, questionId: question.id, mode: 'self', isoWeek: week }, correct, chosen);
    // The first answer starts a solo quiz: counted per ISO week only (the progress lives in the address).
    if (index === 0) await repo.addSessionStart(trx, 'self', week);
  });
  return { question, index, chosen, correct, progress: advance(progress, correct) };
}

/** A set as the API shows it before anyone has answered: questions and options, no answers. */
export function publicQuiz(set: TQuizSet) {
  return {
    id: set.id,
    targetAge: set.targetAge,
    title: set.title,
    summary: set.summary,
    questions: set.questions.map((q) => ({
      id: q.id,
      text: q.text,
      multiple: isMultiple(q),
      options: q.options.map((o) => ({ id: o.id, text: o.text }))
    })),
    sources: set.sources
  };
}

// ───────────────────────────── staff ─────────────────────────────

/** Editors and administrators maintain the quiz sets. */
export function requireQuizEditor(user: TSessionUser | null): asserts user is TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  if (!user.roles.includes('admin') && !user.roles.includes('editor'))
    throw new AppError('forbidden', 'auth.error.forbidden');
}

/** Every set, published or not, without a permission check: for services that checked their caller. */
export async function allQuizSets(db: Executor): Promise<TQuizSet[]> {
  return (await repo.listSets(db, { all: true })).map((r) => fromRow(r).set);
}

/** Every set, published or not, for the staff area. */
export async function listAllQuizzes(db: Executor, actor: TSessionUser | null): Promise<TStoredSet[]> {
  requireQuizEditor(actor);
  return (await repo.listSets(db, { all: true })).map(fromRow);
}

export async function getStoredQuiz(db: Executor, actor: TSessionUser | null, id: string): Promise<TStoredSet> {
  requireQuizEditor(actor);
  const row = await repo.findSet(db, id);
  if (!row) throw new AppError('not_found', 'youth.error.unknownSet');
  return fromRow(row);
}

/** Exact answer tallies of one set per question (staff only: no suppression here, nothing is public). */
export async function quizTallies(db: Executor, actor: TSessionUser | null, id: string) {
  requireQuizEditor(actor);
  const rows = await repo.questionTallies(db, { setId: id, mode: 'self' });
  return new Map(rows.map((r) => [r.question_id, { answered: r.answered, correct: r.correct }]));
}

// ───────────────────────────── content studio ─────────────────────────────

/**
 * Makes a set's public row follow the content studio (kind `quiz_set`): the published version's body
 * becomes the set's definition (the public pages, the API and new classes read it at once, on every
 * instance, as they read the row); `null` (nothing published) takes the set off the public pages. A set
 * new to the studio gets its row. Answer counts stay under the set's and questions' ids; a class that
 * started earlier keeps its own copy of the version it was given (youth_class_session.quiz_definition).
 */
export async function applyPublishedQuiz(db: Executor, id: string, set: TQuizSet | null, at: string): Promise<void> {
  const row = await repo.findSet(db, id);
  if (!set) {
    if (row && row.published_at !== null)
      await repo.updateSet(db, id, {
        position: row.position,
        target_age: row.target_age,
        definition: row.definition,
        origin: row.origin,
        published_at: null,
        updated_at: at
      });
    return;
  }
  const valid = ZQuizSet.parse(set);
  if (valid.id !== id) throw new AppError('validation', 'youth.error.idChanged');
  const definition = JSON.stringify(valid);
  if (!row) {
    await repo.insertSetIfMissing(db, {
      id,
      position: valid.order,
      target_age: valid.targetAge,
      definition,
      origin: 'editor',
      published_at: at,
      created_at: at,
      updated_at: at
    });
    return;
  }
  if (row.definition === definition && row.published_at !== null) return;
  await repo.updateSet(db, id, {
    position: valid.order,
    target_age: valid.targetAge,
    definition,
    origin: row.definition === definition ? row.origin : 'editor',
    published_at: row.published_at ?? at,
    updated_at: at
  });
}

/** Every set as its row holds it now, published or not (what the studio is first seeded with). */
export async function storedQuizRows(db: Executor): Promise<{ set: TQuizSet; published: boolean }[]> {
  return (await repo.listSets(db, { all: true })).map((r) => ({
    set: fromRow(r).set,
    published: r.published_at !== null
  }));
}
