import { randomBytes, randomUUID } from 'node:crypto';
import type { TRole, TSessionUser } from '../auth/auth.types';
import { hashToken, looksLikeToken, randomToken } from '../auth/tokens';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import { isoWeek } from '../../stats/iso-week';
import { questionById } from '../../youth/question-order';
import {
  codeFromBytes,
  gain,
  groupedDistribution,
  nextState,
  normaliseCode,
  publicGain,
  totalsBy,
  type TClassState,
  type TPhase,
  type TRun,
  type TRunCount,
  type TStep
} from '../../youth/classroom';
import { isCorrect, isMultiple, knownChoices } from '../../youth/core';
import type { TQuizSet } from '../../youth/quiz';
import * as repo from './classroom.repository';
import { classroomBus, type TEventBus } from './event-bus';
import { allQuizSets, getQuiz, publishedQuizFrom, publishedQuizVersion, quizFromDefinition } from './youth.service';
import * as quizRepo from './youth.repository';
import type { YouthClassSessionTable } from './youth.tables';

/** A classroom session lives 24 hours from its start; then it and everything about its pupils is deleted. */
export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_NICKNAME = 30;

export interface TClassCtx {
  db: DB;
  tokenKey: Buffer;
  bus?: TEventBus;
}

const busOf = (ctx: TClassCtx) => ctx.bus ?? classroomBus;

function stateOf(row: YouthClassSessionTable): TClassState {
  return { phase: row.phase as TPhase, run: row.run as TRun, index: row.question_index };
}

function isLive(row: YouthClassSessionTable, now: Date): boolean {
  return row.ended_at === null && row.expires_at > now.toISOString();
}

// ───────────────────────────── teacher ─────────────────────────────

/** Starts a session for a published set; the teacher gets the join code and a key to come back with. */
export async function startClassSession(
  ctx: TClassCtx,
  input: { setId: string; municipality: string | null },
  now = new Date()
): Promise<{ id: string; code: string; teacherKey: string }> {
  await purgeExpiredClassrooms(ctx.db, now);
  const set = await getQuiz(ctx.db, input.setId);
  const version = await publishedQuizVersion(ctx.db, set.id);
  if (input.municipality) {
    const m = await ctx.db
      .selectFrom('municipality')
      .select('number')
      .where('number', '=', input.municipality)
      .executeTakeFirst();
    if (!m)
      throw new AppError('validation', 'validation.summary', {
        fields: { municipality: 'youth.class.error.municipality' }
      });
  }
  const teacherKey = randomToken();
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = codeFromBytes(randomBytes(6));
    if (await repo.findSessionByCode(ctx.db, code)) continue;
    const id = randomUUID();
    try {
      // The session and its count per ISO week (youth_session_week: nothing else about it) commit together.
      await ctx.db.transaction().execute(async (trx) => {
        await repo.insertSession(trx, {
          id,
          code,
          teacher_key_hash: hashToken(ctx.tokenKey, teacherKey),
          set_id: set.id,
          municipality: input.municipality,
          phase: 'lobby',
          run: 'before',
          question_index: 0,
          revision: 0,
          summary: null,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
          ended_at: null,
          // The class keeps this version of the set: a publish during the lesson does not change its questions.
          quiz_definition: JSON.stringify(set),
          quiz_version: version
        });
        await quizRepo.addSessionStart(trx, 'class', isoWeek(now));
      });
      return { id, code, teacherKey };
    } catch {
      // Two teachers drew the same code at the same moment: draw again.
    }
  }
  throw new AppError('unavailable', 'youth.class.error.noCode');
}

/** The session a teacher key opens; an unknown or expired key is a 404 with a clear message. */
export async function sessionForTeacher(
  ctx: TClassCtx,
  teacherKey: string,
  now = new Date()
): Promise<YouthClassSessionTable> {
  const row = looksLikeToken(teacherKey)
    ? await repo.findSessionByKeyHash(ctx.db, hashToken(ctx.tokenKey, teacherKey))
    : undefined;
  if (!row || row.expires_at <= now.toISOString())
    throw new AppError('not_found', 'youth.class.error.unknownTeacherKey');
  return row;
}

/** One teacher step (start, reveal, next, end). Ending keeps only the anonymous class tally. */
export async function stepClassSession(
  ctx: TClassCtx,
  teacherKey: string,
  step: TStep,
  now = new Date()
): Promise<TClassState> {
  const row = await sessionForTeacher(ctx, teacherKey, now);
  // The set as the class was given it (a snapshot since migration 202612030100), while it is published.
  const set = await getQuiz(ctx.db, row.set_id)
    .then((current) => (row.quiz_definition ? quizFromDefinition(row.set_id, row.quiz_definition) : current))
    .catch(() => null);
  const next = nextState(stateOf(row), step, set?.questions.length ?? 0);
  if (!next || (!set && step !== 'end')) throw new AppError('conflict', 'youth.class.error.invalidStep');
  const moved = await ctx.db.transaction().execute(async (trx) => {
    if (next.phase === 'ended') {
      const summary = await rollUp(trx, row, now);
      return repo.updateSessionState(trx, row.id, row.revision, {
        phase: 'ended',
        summary: JSON.stringify(summary),
        ended_at: now.toISOString()
      });
    }
    return repo.updateSessionState(trx, row.id, row.revision, {
      phase: next.phase,
      run: next.run,
      question_index: next.index
    });
  });
  if (!moved) throw new AppError('conflict', 'youth.class.error.invalidStep');
  busOf(ctx).publish(row.id, 'state');
  return next;
}

type TSummary = { questionId: string; before: TRunCount; after: TRunCount }[];

/**
 * Adds a session's answers to the kept tallies (class tally with run, ISO week and municipality; option
 * counts per run) and deletes its pupils and answers. Returns the class's own summary.
 */
async function rollUp(trx: Executor, row: YouthClassSessionTable, now: Date): Promise<TSummary> {
  const counts = await repo.sessionCounts(trx, row.id);
  const week = isoWeek(now);
  for (const c of counts) {
    await repo.addClassTally(
      trx,
      {
        set_id: row.set_id,
        question_id: c.question_id,
        run: c.run,
        iso_week: week,
        municipality: row.municipality ?? ''
      },
      c.answered,
      c.correct
    );
  }
  const answers = await trx
    .selectFrom('youth_class_answer')
    .select(['run', 'question_id', 'options'])
    .where('session_id', '=', row.id)
    .execute();
  const optionCounts = new Map<string, number>();
  for (const a of answers)
    for (const o of JSON.parse(a.options) as string[]) {
      const key = JSON.stringify([a.run, a.question_id, o]);
      optionCounts.set(key, (optionCounts.get(key) ?? 0) + 1);
    }
  for (const [key, n] of optionCounts) {
    const [run, questionId, optionId] = JSON.parse(key) as [string, string, string];
    await quizRepo.addOptionCount(trx, { setId: row.set_id, questionId, optionId, mode: run, isoWeek: week }, n);
  }
  await repo.deleteParticipants(trx, row.id);
  const byQuestion = new Map<string, { before: TRunCount; after: TRunCount }>();
  for (const c of counts) {
    const entry = byQuestion.get(c.question_id) ?? {
      before: { answered: 0, correct: 0 },
      after: { answered: 0, correct: 0 }
    };
    entry[c.run as TRun] = { answered: c.answered, correct: c.correct };
    byQuestion.set(c.question_id, entry);
  }
  return [...byQuestion].map(([questionId, v]) => ({ questionId, ...v }));
}

/**
 * Rolls up and deletes every session past its 24 hours: the anonymous tally is kept, the pupils (with
 * their nicknames) and their answers are deleted with the session. Runs on a timer (hooks.server.ts)
 * and whenever a session starts; returns how many sessions it deleted.
 */
export async function purgeExpiredClassrooms(db: DB, now = new Date()): Promise<number> {
  const expired = await repo.expiredSessions(db, now.toISOString());
  let deleted = 0;
  for (const row of expired) {
    deleted += await db.transaction().execute(async (trx) => {
      // Claim a session nobody ended before rolling it up, so two instances (or the timer and a
      // starting session) purging at once never count a class twice.
      if (row.ended_at === null && !(await repo.claimUnended(trx, row.id, now.toISOString()))) return 0;
      if (row.ended_at === null) await rollUp(trx, row, now);
      await repo.deleteParticipants(trx, row.id);
      return (await repo.deleteSession(trx, row.id)) ? 1 : 0;
    });
  }
  return deleted;
}

type TSessionWithSet = NonNullable<Awaited<ReturnType<typeof repo.findSessionWithSet>>>;
type TAnswerGroup = Awaited<ReturnType<typeof repo.answerGroups>>[number];

/** The session's set when it is still there and published; null otherwise (the session can still end). */
function setOf(row: { set_id: string; set_definition: string | null; set_published_at: string | null }) {
  try {
    return publishedQuizFrom(row.set_id, row.set_definition, row.set_published_at);
  } catch {
    return null;
  }
}

/**
 * What the projector shows, from one read of the session (with its set and pupil count) and one small
 * aggregate of the answers; null when the session is gone.
 */
export async function projectorView(ctx: TClassCtx, id: string) {
  const row = await repo.findSessionWithSet(ctx.db, id);
  if (!row) return null;
  // An ended session keeps its summary; its answers are already deleted.
  return viewOf(row, row.summary === null ? await repo.answerGroups(ctx.db, id) : []);
}

/** What the teacher's page and the projector show: state, pupils, the live distribution, before/after. */
export async function teacherView(ctx: TClassCtx, row: YouthClassSessionTable) {
  const view = await projectorView(ctx, row.id);
  if (!view) throw new AppError('not_found', 'youth.class.error.unknownTeacherKey');
  return view;
}

function viewOf(row: TSessionWithSet, groups: TAnswerGroup[]) {
  const set = setOf(row);
  const state = stateOf(row);
  const q = set && (state.phase === 'question' || state.phase === 'reveal') ? set.questions[state.index] : undefined;
  const current = q ? groups.filter((g) => g.run === state.run && g.question_id === q.id) : [];
  const counts: TSummary = row.summary !== null ? (JSON.parse(row.summary) as TSummary) : summaryFrom(countsOf(groups));
  return {
    id: row.id,
    code: row.code,
    revision: row.revision,
    state,
    set,
    pupils: row.pupils,
    expiresAt: row.expires_at,
    question: q
      ? {
          question: q,
          answered: current.reduce((n, g) => n + g.n, 0),
          distribution: groupedDistribution(
            q.options.map((o) => o.id),
            current.map((g) => ({ options: JSON.parse(g.options) as string[], count: g.n }))
          )
        }
      : null,
    results: (set?.questions ?? []).map((question) => {
      const c = counts.find((x) => x.questionId === question.id);
      return { question, beforeCount: c?.before, afterCount: c?.after, ...gain(c?.before, c?.after) };
    })
  };
}

/** Answered and right per run and question, from the grouped answers. */
function countsOf(groups: TAnswerGroup[]) {
  const map = new Map<string, { run: string; question_id: string; answered: number; correct: number }>();
  for (const g of groups) {
    const key = `${g.run}\u0000${g.question_id}`;
    const e = map.get(key) ?? { run: g.run, question_id: g.question_id, answered: 0, correct: 0 };
    e.answered += g.n;
    if (g.result === 'right') e.correct += g.n;
    map.set(key, e);
  }
  return [...map.values()];
}

function summaryFrom(rows: { run: string; question_id: string; answered: number; correct: number }[]): TSummary {
  const map = new Map<string, { before: TRunCount; after: TRunCount }>();
  for (const r of rows) {
    const e = map.get(r.question_id) ?? { before: { answered: 0, correct: 0 }, after: { answered: 0, correct: 0 } };
    e[r.run as TRun] = { answered: r.answered, correct: r.correct };
    map.set(r.question_id, e);
  }
  return [...map].map(([questionId, v]) => ({ questionId, ...v }));
}

// ───────────────────────────── pupils ─────────────────────────────

/** A pupil joins with the code on the board and an optional nickname; returns the pupil's token. */
export async function joinClassSession(
  ctx: TClassCtx,
  input: { code: string; nickname: string },
  now = new Date()
): Promise<{ sessionId: string; pupilToken: string }> {
  const code = normaliseCode(input.code);
  if (!code)
    throw new AppError('validation', 'validation.summary', { fields: { code: 'youth.class.error.codeFormat' } });
  const nickname = input.nickname.trim();
  if (nickname.length > MAX_NICKNAME)
    throw new AppError('validation', 'validation.summary', { fields: { nickname: 'youth.class.error.nickname' } });
  const row = await repo.findSessionByCode(ctx.db, code);
  if (!row)
    throw new AppError('not_found', 'youth.class.error.wrongCode', { fields: { code: 'youth.class.error.wrongCode' } });
  if (!isLive(row, now))
    throw new AppError('gone', 'youth.class.error.expired', { fields: { code: 'youth.class.error.expired' } });
  const pupilToken = randomToken();
  await repo.insertPupil(ctx.db, {
    id: randomUUID(),
    session_id: row.id,
    token_hash: hashToken(ctx.tokenKey, pupilToken),
    nickname: nickname || null,
    joined_at: now.toISOString()
  });
  busOf(ctx).publish(row.id, 'pupil');
  return { sessionId: row.id, pupilToken };
}

/** The pupil, their live session and its set, from one query; null when the token or session is over. */
async function pupilAndSession(ctx: TClassCtx, pupilToken: string, now: Date) {
  if (!looksLikeToken(pupilToken)) return null;
  const row = await repo.findPupilWithSession(ctx.db, hashToken(ctx.tokenKey, pupilToken));
  if (!row || !isLive(row, now)) return null;
  return { pupil: { id: row.pupil_id, nickname: row.pupil_nickname }, row };
}

/** What a pupil sees; null when the token is unknown or the session is over (the pupil joins again). */
export async function pupilView(ctx: TClassCtx, pupilToken: string, now = new Date()) {
  const found = await pupilAndSession(ctx, pupilToken, now);
  if (!found) return null;
  const { pupil, row } = found;
  const set = setOf(row);
  if (!set) return null;
  const state = stateOf(row);
  const q = state.phase === 'question' || state.phase === 'reveal' ? set.questions[state.index] : undefined;
  const mine = q ? await repo.findAnswer(ctx.db, row.id, pupil.id, state.run, q.id) : undefined;
  return {
    sessionId: row.id,
    revision: row.revision,
    nickname: pupil.nickname,
    state,
    set,
    question: q ?? null,
    answer: mine ? { options: JSON.parse(mine.options) as string[], correct: mine.result === 'right' } : null
  };
}

/**
 * A pupil's answer to the open question. A second answer to the same question in the same run is
 * ignored (the first one counts); an answer to a question no longer open is refused.
 */
export async function answerInClass(
  ctx: TClassCtx,
  pupilToken: string,
  input: { questionId: string; run: string; chosen: string[] },
  now = new Date()
): Promise<{ stored: boolean }> {
  const found = await pupilAndSession(ctx, pupilToken, now);
  if (!found) throw new AppError('gone', 'youth.class.error.expired');
  const { pupil, row } = found;
  // The answer path: this one read above, then the insert. The set is parsed once and reused.
  const set: TQuizSet = publishedQuizFrom(row.set_id, row.set_definition, row.set_published_at);
  const q = set.questions[row.question_index];
  if (row.phase !== 'question' || !q || q.id !== input.questionId || row.run !== input.run)
    throw new AppError('conflict', 'youth.class.error.notOpen');
  const chosen = knownChoices(q, input.chosen);
  if (chosen.length === 0 || (!isMultiple(q) && chosen.length > 1))
    throw new AppError('validation', 'validation.summary', { fields: { answer: 'youth.error.answerRequired' } });
  const stored = await repo.insertAnswer(ctx.db, {
    session_id: row.id,
    pupil_id: pupil.id,
    run: row.run,
    question_id: q.id,
    options: JSON.stringify(chosen),
    result: isCorrect(q, chosen) ? 'right' : 'wrong'
  });
  if (stored) busOf(ctx).publish(row.id, 'answer');
  return { stored };
}

// ───────────────────────────── public aggregates ─────────────────────────────

/** Knowledge gain over ISO weeks: per set and question, share right before vs after (counts under 5 hidden). */
export async function knowledgeGain(db: Executor, range: { from?: string; to?: string; municipality?: string }) {
  const rows = await repo.classTallies(db, range);
  const map = new Map<string, { setId: string; questionId: string; before: TRunCount; after: TRunCount }>();
  for (const r of rows) {
    const key = `${r.set_id}\u0000${r.question_id}`;
    const e = map.get(key) ?? {
      setId: r.set_id,
      questionId: r.question_id,
      before: { answered: 0, correct: 0 },
      after: { answered: 0, correct: 0 }
    };
    if (r.run === 'before' || r.run === 'after') e[r.run] = { answered: r.answered, correct: r.correct };
    map.set(key, e);
  }
  return [...map.values()]
    .sort((a, b) => a.setId.localeCompare(b.setId) || a.questionId.localeCompare(b.questionId))
    .map((e) => ({ setId: e.setId, questionId: e.questionId, ...publicGain(e.before, e.after) }));
}

/**
 * Knowledge gain per school municipality (as the teachers gave it; null for classes that gave none):
 * all answers before vs after over the weeks, counts under 5 suppressed. Named municipalities first, by
 * name; then the classes without one.
 */
export async function knowledgeGainByMunicipality(
  db: Executor,
  range: { from?: string; to?: string; municipality?: string }
) {
  const rows = await repo.classTalliesByMunicipality(db, range);
  const names = new Map(rows.map((r) => [r.municipality, r.name]));
  const totals = totalsBy(
    rows.map((r) => ({ group: r.municipality, run: r.run, answered: r.answered, correct: r.correct }))
  );
  return [...totals]
    .map(([number, t]) => ({
      municipality: number || null,
      name: (number && names.get(number)) || null,
      ...publicGain(t.before, t.after)
    }))
    .sort((a, b) =>
      a.municipality === null ? 1 : b.municipality === null ? -1 : (a.name ?? '').localeCompare(b.name ?? '', 'nb')
    );
}

/** Who sees the knowledge-gain page in the staff area. */
export const knowledgeGainViewerRoles: readonly TRole[] = ['admin', 'editor', 'analyst'];

/**
 * The staff page's knowledge gain: per school municipality, and per question with the set and question
 * it belongs to (also unpublished sets). The same suppressed figures as the API.
 */
export async function knowledgeGainReport(
  db: Executor,
  actor: TSessionUser | null,
  range: { from?: string; to?: string; municipality?: string }
) {
  if (!actor) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  if (!actor.roles.some((r) => knowledgeGainViewerRoles.includes(r)))
    throw new AppError('forbidden', 'auth.error.forbidden');
  const sets = new Map((await allQuizSets(db)).map((s) => [s.id, s] as const));
  const byQuestion = (await knowledgeGain(db, range)).map((r) => {
    const set = sets.get(r.setId) ?? null;
    // A deleted question that had answers is archived in its set, so its text is still found.
    const found = set ? questionById(set, r.questionId) : null;
    return { ...r, set, question: found?.question ?? null, number: found?.number ?? null, archived: !!found?.archived };
  });
  byQuestion.sort(
    (a, b) =>
      (a.set?.order ?? 1e9) - (b.set?.order ?? 1e9) ||
      a.setId.localeCompare(b.setId) ||
      (a.number ?? 1e9) - (b.number ?? 1e9)
  );
  return { byMunicipality: await knowledgeGainByMunicipality(db, range), byQuestion };
}
