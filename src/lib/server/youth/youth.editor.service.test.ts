import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { addClassTally } from './classroom.repository';
import { knowledgeGainReport } from './classroom.service';
import {
  answerSelfPaced,
  deleteQuestion,
  getQuiz,
  getStoredQuiz,
  moveQuestionInSet,
  publicQuiz,
  questionHasAnswers,
  quizTallies
} from './youth.service';

/** Deleting and reordering quiz questions in the staff area (SQLite, and PostgreSQL with `npm run test:pg`). */
let ctx: AppContext;
let admin: TSessionUser;
let editor: TSessionUser;
let analyst: TSessionUser;

beforeAll(async () => {
  ctx = await openTestApp();
  admin = (await setUpAdmin(ctx)).admin;
  editor = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(() => ctx.close());

const ids = async (setId: string) => (await getQuiz(ctx.db, setId)).questions.map((q) => q.id);
const audits = (action: string) =>
  ctx.db.selectFrom('audit_log').select(['action', 'target_id', 'details']).where('action', '=', action).execute();

describe('reordering questions', () => {
  it('moves a question up; pupils get the new order next; audited', async () => {
    const before = await ids('what-is-trafficking');
    const second = before[1]!;
    expect(await moveQuestionInSet(ctx.db, editor, 'what-is-trafficking', second, 'up')).toEqual({
      moved: true,
      number: 1
    });
    expect(await ids('what-is-trafficking')).toEqual([second, before[0], ...before.slice(2)]);
    // A pupil starting the quiz now gets the moved question first.
    const first = await answerSelfPaced(ctx.db, {
      setId: 'what-is-trafficking',
      progress: '',
      chosen: [(await getQuiz(ctx.db, 'what-is-trafficking')).questions[0]!.options[0]!.id]
    });
    expect(first.question.id).toBe(second);
    expect(publicQuiz(await getQuiz(ctx.db, 'what-is-trafficking')).questions[0]!.id).toBe(second);
    expect(await audits('youth.quiz.question.move')).toHaveLength(1);

    await moveQuestionInSet(ctx.db, admin, 'what-is-trafficking', second, 'down');
    expect(await ids('what-is-trafficking')).toEqual(before);
  });

  it('at either end nothing moves and nothing is audited; bad input and other roles store nothing', async () => {
    const before = await ids('sectors-around-us');
    const stored = await getStoredQuiz(ctx.db, editor, 'sectors-around-us');
    expect(await moveQuestionInSet(ctx.db, editor, 'sectors-around-us', before[0]!, 'up')).toEqual({
      moved: false,
      number: 1
    });
    expect(await moveQuestionInSet(ctx.db, editor, 'sectors-around-us', before.at(-1)!, 'down')).toEqual({
      moved: false,
      number: before.length
    });
    expect((await errorOf(moveQuestionInSet(ctx.db, editor, 'sectors-around-us', 'nope', 'up'))).code).toBe(
      'not_found'
    );
    expect((await errorOf(moveQuestionInSet(ctx.db, editor, 'no-such-set', before[1]!, 'up'))).code).toBe('not_found');
    expect((await errorOf(moveQuestionInSet(ctx.db, analyst, 'sectors-around-us', before[1]!, 'up'))).code).toBe(
      'forbidden'
    );
    expect((await errorOf(moveQuestionInSet(ctx.db, null, 'sectors-around-us', before[1]!, 'up'))).code).toBe(
      'unauthenticated'
    );
    expect(await getStoredQuiz(ctx.db, editor, 'sectors-around-us')).toEqual(stored);
    expect(await audits('youth.quiz.question.move')).toHaveLength(2);
  });
});

describe('deleting questions', () => {
  it('a question nobody answered is removed from the set; audited as a delete', async () => {
    const before = await ids('what-can-i-do');
    const victim = before[3]!;
    expect(await questionHasAnswers(ctx.db, editor, 'what-can-i-do', victim)).toBe(false);
    expect(await deleteQuestion(ctx.db, editor, 'what-can-i-do', victim)).toEqual({ archived: false });
    expect(await ids('what-can-i-do')).toEqual(before.filter((id) => id !== victim));
    expect((await getStoredQuiz(ctx.db, editor, 'what-can-i-do')).set.archived ?? []).toEqual([]);
    expect(await audits('youth.quiz.question.delete')).toEqual([
      { action: 'youth.quiz.question.delete', target_id: 'what-can-i-do', details: expect.stringContaining(victim) }
    ]);
  });

  it('an answered question is archived: pupils no longer get it, its counts and text stay readable', async () => {
    const set = await getQuiz(ctx.db, 'what-can-i-do');
    const q = set.questions[0]!;
    await answerSelfPaced(ctx.db, { setId: set.id, progress: '', chosen: [q.correct[0]!] });
    // A class answered another question (kept in the class tally, as after a session ended).
    const classQ = set.questions[1]!;
    for (const run of ['before', 'after'])
      await addClassTally(
        ctx.db,
        { set_id: set.id, question_id: classQ.id, run, iso_week: '2026-W48', municipality: '' },
        8,
        run === 'after' ? 7 : 3
      );
    expect(await questionHasAnswers(ctx.db, editor, set.id, q.id)).toBe(true);
    expect(await questionHasAnswers(ctx.db, editor, set.id, classQ.id)).toBe(true);

    expect(await deleteQuestion(ctx.db, editor, set.id, q.id)).toEqual({ archived: true });
    expect(await deleteQuestion(ctx.db, admin, set.id, classQ.id)).toEqual({ archived: true });
    const after = await getQuiz(ctx.db, set.id);
    expect(after.questions.map((x) => x.id)).toEqual(set.questions.slice(2).map((x) => x.id));
    expect(publicQuiz(after).questions.map((x) => x.id)).not.toContain(q.id);
    // A pupil starting now meets the next question first.
    const first = await answerSelfPaced(ctx.db, {
      setId: set.id,
      progress: '',
      chosen: [after.questions[0]!.correct[0]!]
    });
    expect(first.question.id).toBe(set.questions[2]!.id);

    const stored = await getStoredQuiz(ctx.db, editor, set.id);
    expect(stored.set.archived?.map((x) => [x.id, x.text])).toEqual([
      [q.id, q.text],
      [classQ.id, classQ.text]
    ]);
    expect((await quizTallies(ctx.db, editor, set.id)).get(q.id)).toEqual({ answered: 1, correct: 1 });
    const gain = await knowledgeGainReport(ctx.db, analyst, {});
    const row = gain.byQuestion.find((r) => r.questionId === classQ.id)!;
    expect(row.question?.text).toEqual(classQ.text);
    expect(row.archived).toBe(true);
    expect(row.number).toBeNull();
    expect(await audits('youth.quiz.question.archive')).toHaveLength(2);
  });

  it('refuses the last question, an unknown one, other roles — and stores nothing', async () => {
    const setId = 'sectors-around-us';
    const stored = await getStoredQuiz(ctx.db, editor, setId);
    expect((await errorOf(deleteQuestion(ctx.db, analyst, setId, stored.set.questions[0]!.id))).code).toBe('forbidden');
    expect((await errorOf(deleteQuestion(ctx.db, editor, setId, 'nope'))).code).toBe('not_found');
    expect(await getStoredQuiz(ctx.db, editor, setId)).toEqual(stored);
    // Down to one question, which cannot go.
    for (const q of stored.set.questions.slice(1)) await deleteQuestion(ctx.db, editor, setId, q.id);
    const last = await errorOf(deleteQuestion(ctx.db, editor, setId, stored.set.questions[0]!.id));
    expect([last.code, last.message]).toEqual(['conflict', 'youth.editor.error.lastQuestion']);
    expect(await ids(setId)).toEqual([stored.set.questions[0]!.id]);
  });

  it('two editors deleting at once: each delete is applied or refused with 409, never lost silently', async () => {
    const setId = 'what-is-trafficking';
    const before = await ids(setId);
    const targets = before.slice(4, 8);
    const results = await Promise.allSettled(targets.map((id) => deleteQuestion(ctx.db, editor, setId, id)));
    const applied = targets.filter((_, i) => results[i]!.status === 'fulfilled');
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code: string }).code).toBe('conflict');
    expect(applied.length).toBeGreaterThan(0);
    const now = await ids(setId);
    const archived = ((await getStoredQuiz(ctx.db, editor, setId)).set.archived ?? []).map((q) => q.id);
    expect(now).toEqual(before.filter((id) => !applied.includes(id)));
    for (const id of applied) expect(archived.includes(id) || !now.includes(id)).toBe(true);
  });
});
