import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import * as repo from './youth.repository';
import {
  answerSelfPaced,
  getQuiz,
  listAllQuizzes,
  listQuizzes,
  publicQuiz,
  readQuizFiles,
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
  it('only editors and administrators may list the sets (they change them in the content studio)', async () => {
    expect((await errorOf(listAllQuizzes(ctx.db, analyst))).code).toBe('forbidden');
    expect((await errorOf(listAllQuizzes(ctx.db, null))).code).toBe('unauthenticated');
    expect(await listAllQuizzes(ctx.db, editor)).toHaveLength(3);
  });
});
