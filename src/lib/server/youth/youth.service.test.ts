import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { questionFields } from '../../youth/question-form';
import * as repo from './youth.repository';
import {
  answerSelfPaced,
  getQuiz,
  listAllQuizzes,
  listQuizzes,
  publicQuiz,
  readQuizFiles,
  saveQuestion,
  saveQuiz,
  seedQuizzes
} from './youth.service';

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

describe('the shipped quiz sets', () => {
  it('are three sets of ten sourced questions, seeded and published at start', async () => {
    const files = readQuizFiles();
    expect(files.map((s) => s.id)).toEqual(['what-is-trafficking', 'sectors-around-us', 'what-can-i-do']);
    for (const set of files) {
      expect(set.questions).toHaveLength(10);
      for (const q of set.questions) {
        expect(q.sources.length).toBeGreaterThan(0);
        expect(q.options.length).toBeGreaterThanOrEqual(2);
        expect(q.options.length).toBeLessThanOrEqual(5);
      }
    }
    expect((await listQuizzes(ctx.db)).map((s) => s.id)).toEqual(files.map((s) => s.id));
  });

  it('seeding again changes nothing (idempotent)', async () => {
    await seedQuizzes(ctx.db);
    expect(await repo.listSets(ctx.db, { all: true })).toHaveLength(3);
  });

  it('the public view has no answers and no explanations', async () => {
    const view = JSON.stringify(publicQuiz(await getQuiz(ctx.db, 'what-is-trafficking')));
    expect(view).not.toContain('"correct"');
    expect(view).not.toContain('explanation');
    expect(view).toContain('Palermo');
  });

  it('an unknown set is a 404 with a message key', async () => {
    expect((await errorOf(getQuiz(ctx.db, 'no-such-set'))).code).toBe('not_found');
    expect((await errorOf(getQuiz(ctx.db, '../etc'))).code).toBe('not_found');
  });
});

describe('answering self-paced', () => {
  it('grades, advances the progress and counts only anonymous tallies', async () => {
    const first = await answerSelfPaced(ctx.db, { setId: 'what-is-trafficking', progress: '', chosen: ['palermo'] });
    expect(first).toMatchObject({ index: 0, correct: true, progress: '1' });
    const second = await answerSelfPaced(ctx.db, { setId: 'what-is-trafficking', progress: '1', chosen: ['yes'] });
    expect(second).toMatchObject({ index: 1, correct: false, progress: '10' });
    const multi = await answerSelfPaced(ctx.db, {
      setId: 'what-is-trafficking',
      progress: '10',
      chosen: ['organs', 'sexual', 'forced-labour']
    });
    expect(multi.correct).toBe(true);
    const tallies = await repo.questionTallies(ctx.db, { setId: 'what-is-trafficking', mode: 'self' });
    expect(tallies.find((t) => t.question_id === 'definition')).toMatchObject({ answered: 1, correct: 1 });
    expect(tallies.find((t) => t.question_id === 'border')).toMatchObject({ answered: 1, correct: 0 });
    const options = await repo.optionTallies(ctx.db, { setId: 'what-is-trafficking', mode: 'self' });
    expect(
      options
        .filter((o) => o.question_id === 'forms')
        .map((o) => o.option_id)
        .sort()
    ).toEqual(['forced-labour', 'organs', 'sexual']);
    // The same answer again is counted again (another pupil), in the same weekly row.
    await answerSelfPaced(ctx.db, { setId: 'what-is-trafficking', progress: '', chosen: ['palermo'] });
    const again = await repo.questionTallies(ctx.db, { setId: 'what-is-trafficking', mode: 'self' });
    expect(again.find((t) => t.question_id === 'definition')).toMatchObject({ answered: 2, correct: 2 });
  });

  it('refuses no answer, an unknown option, two answers to a one-answer question — and stores nothing', async () => {
    for (const chosen of [[], ['nope']]) {
      const e = await errorOf(answerSelfPaced(ctx.db, { setId: 'what-can-i-do', progress: '', chosen }));
      expect(e.code).toBe('validation');
      expect(e.fields).toEqual({ answer: 'youth.error.answerRequired' });
    }
    const e = await errorOf(
      answerSelfPaced(ctx.db, { setId: 'what-can-i-do', progress: '1111111111', chosen: ['112'] })
    );
    expect(e.code).toBe('conflict');
  });

  it('bad progress starts from the first question', async () => {
    const out = await answerSelfPaced(ctx.db, { setId: 'what-can-i-do', progress: 'xyz', chosen: ['112'] });
    expect(out).toMatchObject({ index: 0, progress: '1' });
  });
});

describe('editors', () => {
  it('only editors and administrators may list and change sets', async () => {
    expect((await errorOf(listAllQuizzes(ctx.db, analyst))).code).toBe('forbidden');
    expect((await errorOf(listAllQuizzes(ctx.db, null))).code).toBe('unauthenticated');
    expect(await listAllQuizzes(ctx.db, editor)).toHaveLength(3);
  });

  it('an editor changes a question and unpublishes a set; the public no longer sees it', async () => {
    const set = structuredClone(await getQuiz(ctx.db, 'what-can-i-do'));
    set.questions[0]!.text.en = 'Someone may be in danger now. What do you do?';
    const saved = await saveQuiz(ctx.db, editor, set.id, { definition: JSON.stringify(set), published: false });
    expect(saved).toMatchObject({ published: false, origin: 'editor' });
    expect(saved.set.questions[0]!.text.en).toBe('Someone may be in danger now. What do you do?');
    expect((await errorOf(getQuiz(ctx.db, 'what-can-i-do'))).code).toBe('not_found');
    // A restart's seeding does not undo the editor's change.
    await seedQuizzes(ctx.db);
    expect((await listAllQuizzes(ctx.db, editor)).find((s) => s.set.id === 'what-can-i-do')?.published).toBe(false);
    await saveQuiz(ctx.db, admin, set.id, { definition: JSON.stringify(set), published: true });
    expect((await getQuiz(ctx.db, 'what-can-i-do')).questions[0]!.text.en).toContain('may be in danger');
    const audit = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'youth.quiz.update').execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses invalid JSON, a broken set and a changed id, and keeps the stored set', async () => {
    const before = await getQuiz(ctx.db, 'sectors-around-us');
    expect((await errorOf(saveQuiz(ctx.db, editor, before.id, { definition: '{', published: true }))).fields).toEqual({
      definition: 'youth.error.notJson'
    });
    const oneOption = structuredClone(before);
    oneOption.questions[1]!.options = oneOption.questions[1]!.options.slice(0, 1);
    const e = await errorOf(
      saveQuiz(ctx.db, editor, before.id, { definition: JSON.stringify(oneOption), published: true })
    );
    expect(e.message).toBe('youth.error.invalidSet');
    expect(e.params?.path).toBe('questions.1.options');
    const noSource = structuredClone(before);
    noSource.questions[0]!.sources = ['not-a-source'];
    expect(
      (await errorOf(saveQuiz(ctx.db, editor, before.id, { definition: JSON.stringify(noSource), published: true })))
        .params?.path
    ).toBe('questions.0.sources.0');
    const renamed = { ...before, id: 'other-id' };
    expect(
      (await errorOf(saveQuiz(ctx.db, editor, before.id, { definition: JSON.stringify(renamed), published: true })))
        .fields
    ).toEqual({ definition: 'youth.error.idChanged' });
    expect(await getQuiz(ctx.db, 'sectors-around-us')).toEqual(before);
  });

  it('an editor changes one question in the form (no JSON); bad fields store nothing; it is audited', async () => {
    const before = await getQuiz(ctx.db, 'what-is-trafficking');
    const q = before.questions[1]!;
    const fields = questionFields(q);
    fields['text-nb'] = 'Et endret spørsmål?';
    expect(await saveQuestion(ctx.db, editor, before.id, q.id, fields)).toEqual({ questionId: q.id });
    const after = await getQuiz(ctx.db, before.id);
    expect(after.questions[1]!.text.nb).toBe('Et endret spørsmål?');
    expect(after.questions.filter((x) => x.id !== q.id)).toEqual(before.questions.filter((x) => x.id !== q.id));
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'youth.quiz.question.update')
      .execute();
    expect(audit).toEqual([{ action: 'youth.quiz.question.update', target_id: before.id }]);

    const bad = { ...fields, 'explanation-en': '' };
    expect((await errorOf(saveQuestion(ctx.db, editor, before.id, q.id, bad))).fields).toEqual({
      'explanation-en': 'youth.editor.error.text'
    });
    expect(await getQuiz(ctx.db, before.id)).toEqual(after);
    expect((await errorOf(saveQuestion(ctx.db, editor, before.id, 'nope', fields))).code).toBe('not_found');
    expect((await errorOf(saveQuestion(ctx.db, analyst, before.id, q.id, fields))).code).toBe('forbidden');

    const added = await saveQuestion(ctx.db, admin, before.id, null, { ...fields, 'text-en': 'A new question?' });
    expect(added.questionId).toBe('a-new-question');
    expect((await getQuiz(ctx.db, before.id)).questions.at(-1)?.id).toBe('a-new-question');
  });
});
