import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import {
  answerInClass,
  joinClassSession,
  knowledgeGain,
  knowledgeGainByMunicipality,
  knowledgeGainReport,
  purgeExpiredClassrooms,
  pupilView,
  sessionForTeacher,
  startClassSession,
  stepClassSession,
  teacherView
} from './classroom.service';
import { addClassTally } from './classroom.repository';
import { createInProcessBus } from './event-bus';

let ctx: AppContext;
const bus = createInProcessBus();
const c = () => ({ db: ctx.db, tokenKey: ctx.tokenKey, bus });

beforeAll(async () => {
  ctx = await openTestApp();
});
afterAll(() => ctx.close());

describe('a classroom session', () => {
  it('runs before and after with 60 pupils joining at once, counts each pupil once, and keeps only aggregates', async () => {
    const { id, code, teacherKey } = await startClassSession(c(), { setId: 'what-can-i-do', municipality: '0301' });
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    const events: string[] = [];
    const stop = bus.subscribe(id, (m) => events.push(m));

    // 60 pupils join at the same moment; the code is typed loosely by some.
    const pupils = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        joinClassSession(c(), { code: i % 2 ? code.toLowerCase() : code, nickname: i < 3 ? `Pupil ${i}` : '' })
      )
    );
    expect(new Set(pupils.map((p) => p.pupilToken)).size).toBe(60);
    let view = await teacherView(c(), await sessionForTeacher(c(), teacherKey));
    expect(view.pupils).toBe(60);

    await stepClassSession(c(), teacherKey, 'start');
    const first = (await pupilView(c(), pupils[0]!.pupilToken))!;
    expect(first.state).toEqual({ phase: 'question', run: 'before', index: 0 });
    expect(first.question?.id).toBe('danger-now');

    // Before: 20 right ("112"), 40 wrong; everyone answers at once, and 10 send a second answer.
    await Promise.all(
      pupils.map((p, i) =>
        answerInClass(c(), p.pupilToken, { questionId: 'danger-now', run: 'before', chosen: [i < 20 ? '112' : 'wait'] })
      )
    );
    const seconds = await Promise.all(
      pupils
        .slice(20, 30)
        .map((p) => answerInClass(c(), p.pupilToken, { questionId: 'danger-now', run: 'before', chosen: ['112'] }))
    );
    expect(seconds.every((s) => !s.stored)).toBe(true);
    view = await teacherView(c(), await sessionForTeacher(c(), teacherKey));
    expect(view.question?.answered).toBe(60);
    expect(view.question?.distribution).toEqual([
      { id: '112', count: 20 },
      { id: 'post', count: 0 },
      { id: 'wait', count: 40 }
    ]);
    expect(events.filter((e) => e === 'answer')).toHaveLength(60);

    // A pupil cannot answer once the answer is shown, nor a question that is not open.
    await stepClassSession(c(), teacherKey, 'reveal');
    expect(
      (
        await errorOf(
          answerInClass(c(), pupils[59]!.pupilToken, { questionId: 'danger-now', run: 'before', chosen: ['112'] })
        )
      ).code
    ).toBe('conflict');
    expect((await errorOf(stepClassSession(c(), teacherKey, 'reveal'))).code).toBe('conflict');

    // Through the rest of the before-run without answers, then the after-run's first question.
    for (let i = 0; i < 9; i++) {
      await stepClassSession(c(), teacherKey, 'next');
      await stepClassSession(c(), teacherKey, 'reveal');
    }
    expect((await stepClassSession(c(), teacherKey, 'next')).phase).toBe('between');
    expect(await stepClassSession(c(), teacherKey, 'start')).toEqual({ phase: 'question', run: 'after', index: 0 });
    await Promise.all(
      pupils.map((p, i) =>
        answerInClass(c(), p.pupilToken, { questionId: 'danger-now', run: 'after', chosen: [i < 54 ? '112' : 'post'] })
      )
    );
    view = await teacherView(c(), await sessionForTeacher(c(), teacherKey));
    expect(view.results[0]).toMatchObject({ before: 20 / 60, after: 54 / 60, changePoints: 56.7 });

    await stepClassSession(c(), teacherKey, 'end');
    stop();
    // Pupils and nicknames are gone; the class's own result is still there for the teacher.
    expect(await ctx.db.selectFrom('youth_class_pupil').selectAll().where('session_id', '=', id).execute()).toEqual([]);
    expect(await ctx.db.selectFrom('youth_class_answer').selectAll().where('session_id', '=', id).execute()).toEqual(
      []
    );
    view = await teacherView(c(), await sessionForTeacher(c(), teacherKey));
    expect(view.state.phase).toBe('ended');
    expect(view.results[0]).toMatchObject({ before: 20 / 60, after: 54 / 60 });
    expect(await pupilView(c(), pupils[0]!.pupilToken)).toBeNull();

    const tally = await ctx.db.selectFrom('youth_class_tally').selectAll().execute();
    expect(tally.map((t) => ({ ...t, answered: Number(t.answered), correct: Number(t.correct) }))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          question_id: 'danger-now',
          run: 'before',
          municipality: '0301',
          answered: 60,
          correct: 20
        }),
        expect.objectContaining({ question_id: 'danger-now', run: 'after', answered: 60, correct: 54 })
      ])
    );
    // `shard` is a random row number for spreading writes (tally-shard.ts), nothing about a pupil.
    expect(Object.keys(tally[0]!).sort()).toEqual(
      ['answered', 'correct', 'iso_week', 'municipality', 'question_id', 'run', 'set_id', 'shard'].sort()
    );

    const gainRows = await knowledgeGain(ctx.db, {});
    expect(gainRows.find((g) => g.questionId === 'danger-now')).toMatchObject({
      setId: 'what-can-i-do',
      answeredBefore: { suppressed: false, count: 60 },
      shareAfter: 0.9,
      changePoints: 56.7
    });
  });

  it('a wrong, badly typed or ended code gets a clear message', async () => {
    expect((await errorOf(joinClassSession(c(), { code: 'ABC', nickname: '' }))).fields).toEqual({
      code: 'youth.class.error.codeFormat'
    });
    const wrong = await errorOf(joinClassSession(c(), { code: 'ZZZZZZ', nickname: '' }));
    expect([wrong.code, wrong.fields]).toEqual(['not_found', { code: 'youth.class.error.wrongCode' }]);
    const { code, teacherKey } = await startClassSession(c(), { setId: 'what-is-trafficking', municipality: null });
    expect((await errorOf(joinClassSession(c(), { code, nickname: 'x'.repeat(31) }))).fields).toEqual({
      nickname: 'youth.class.error.nickname'
    });
    await stepClassSession(c(), teacherKey, 'end');
    const ended = await errorOf(joinClassSession(c(), { code, nickname: '' }));
    expect([ended.code, ended.message]).toEqual(['gone', 'youth.class.error.expired']);
  });

  it('an unknown set, municipality or teacher key is refused', async () => {
    expect((await errorOf(startClassSession(c(), { setId: 'nope', municipality: null }))).code).toBe('not_found');
    expect(
      (await errorOf(startClassSession(c(), { setId: 'what-is-trafficking', municipality: '9999' }))).fields
    ).toEqual({ municipality: 'youth.class.error.municipality' });
    expect((await errorOf(sessionForTeacher(c(), 'x'.repeat(43)))).message).toBe('youth.class.error.unknownTeacherKey');
    expect((await errorOf(sessionForTeacher(c(), '../../etc'))).code).toBe('not_found');
  });

  it('sessions expire after 24 hours: answers are rolled up and everything about the pupils deleted', async () => {
    const start = new Date('2026-11-02T09:00:00Z');
    const { id, code, teacherKey } = await startClassSession(
      c(),
      { setId: 'sectors-around-us', municipality: null },
      start
    );
    const pupil = await joinClassSession(c(), { code, nickname: 'Kim' }, start);
    await stepClassSession(c(), teacherKey, 'start', start);
    await answerInClass(c(), pupil.pupilToken, { questionId: 'sectors', run: 'before', chosen: ['none'] }, start);
    const later = new Date(start.getTime() + 24 * 60 * 60 * 1000 + 1);
    expect((await errorOf(joinClassSession(c(), { code, nickname: '' }, later))).code).toBe('gone');
    expect((await errorOf(sessionForTeacher(c(), teacherKey, later))).code).toBe('not_found');
    expect(await purgeExpiredClassrooms(ctx.db, later)).toBeGreaterThanOrEqual(1);
    expect(await ctx.db.selectFrom('youth_class_session').selectAll().where('id', '=', id).execute()).toEqual([]);
    expect(await ctx.db.selectFrom('youth_class_pupil').selectAll().where('session_id', '=', id).execute()).toEqual([]);
    const kept = await ctx.db
      .selectFrom('youth_class_tally')
      .selectAll()
      .where('set_id', '=', 'sectors-around-us')
      .execute();
    expect(kept.map((k) => [k.question_id, k.run, k.iso_week, Number(k.answered), Number(k.correct)])).toEqual([
      ['sectors', 'before', '2026-W45', 1, 0]
    ]);
    // One class answer is under 5: the public figure hides it.
    const g = (await knowledgeGain(ctx.db, { from: '2026-W45', to: '2026-W45' }))[0]!;
    expect(g.answeredBefore).toEqual({ suppressed: true, count: null, lessThan: 5 });
    expect(g.shareBefore).toBeNull();
  });

  it('two purges at once roll an expired class up once, and delete its pupils and nicknames', async () => {
    const start = new Date('2026-06-01T09:00:00Z');
    const { id, code, teacherKey } = await startClassSession(
      c(),
      { setId: 'what-is-trafficking', municipality: '0301' },
      start
    );
    const pupils = await Promise.all(
      Array.from({ length: 6 }, (_, i) => joinClassSession(c(), { code, nickname: `Nick ${i}` }, start))
    );
    await stepClassSession(c(), teacherKey, 'start', start);
    const q = (await pupilView(c(), pupils[0]!.pupilToken, start))!.question!;
    await Promise.all(
      pupils.map((p) =>
        answerInClass(c(), p.pupilToken, { questionId: q.id, run: 'before', chosen: [q.correct[0]!] }, start)
      )
    );
    const later = new Date(start.getTime() + 24 * 60 * 60 * 1000 + 1);
    const [a, b] = await Promise.all([purgeExpiredClassrooms(ctx.db, later), purgeExpiredClassrooms(ctx.db, later)]);
    expect(a + b).toBe(1);
    expect(await ctx.db.selectFrom('youth_class_session').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(
      await ctx.db.selectFrom('youth_class_pupil').select('nickname').where('nickname', 'like', 'Nick %').execute()
    ).toEqual([]);
    const kept = await ctx.db
      .selectFrom('youth_class_tally')
      .selectAll()
      .where('iso_week', '=', '2026-W23')
      .where('question_id', '=', q.id)
      .execute();
    expect(kept.map((k) => [k.run, k.municipality, Number(k.answered), Number(k.correct)])).toEqual([
      ['before', '0301', 6, 6]
    ]);
  });

  it('knowledge gain per school municipality: filtered by municipality, counts under 5 suppressed', async () => {
    const tally = (municipality: string, questionId: string, run: string, answered: number, correct: number) =>
      addClassTally(
        ctx.db,
        { set_id: 'what-is-trafficking', question_id: questionId, run, iso_week: '2025-W10', municipality },
        answered,
        correct
      );
    await tally('0301', 'q-a', 'before', 12, 3);
    await tally('0301', 'q-a', 'after', 12, 9);
    await tally('0301', 'q-b', 'before', 12, 6);
    await tally('0301', 'q-b', 'after', 10, 10);
    await tally('4601', 'q-a', 'before', 3, 1);
    await tally('4601', 'q-a', 'after', 3, 3);
    await tally('', 'q-a', 'before', 8, 4);
    await tally('', 'q-a', 'after', 8, 6);
    const week = { from: '2025-W10', to: '2025-W10' };

    const all = await knowledgeGainByMunicipality(ctx.db, week);
    expect(all.map((m) => [m.municipality, m.name])).toEqual([
      ['4601', 'Bergen'],
      ['0301', 'Oslo-Oslove'],
      [null, null]
    ]);
    // Oslo: 24 answers before (9 right), 22 after (19 right), summed over both questions.
    expect(all[1]).toMatchObject({
      answeredBefore: { suppressed: false, count: 24 },
      answeredAfter: { suppressed: false, count: 22 },
      shareBefore: 9 / 24,
      shareAfter: 19 / 22,
      changePoints: 48.9
    });
    // Bergen: 3 answers, under 5: neither the count nor the share is shown.
    expect(all[0]).toMatchObject({
      answeredBefore: { suppressed: true, count: null },
      shareBefore: null,
      shareAfter: null,
      changePoints: null
    });

    const oslo = await knowledgeGain(ctx.db, { ...week, municipality: '0301' });
    expect(oslo.map((r) => [r.questionId, r.answeredBefore.count, r.shareAfter])).toEqual([
      ['q-a', 12, 0.75],
      ['q-b', 12, 1]
    ]);
    expect(await knowledgeGainByMunicipality(ctx.db, { ...week, municipality: '0301' })).toHaveLength(1);
    // All municipalities together: q-a has 12 + 3 + 8 = 23 answers before.
    const together = await knowledgeGain(ctx.db, week);
    expect(together.find((r) => r.questionId === 'q-a')?.answeredBefore.count).toBe(23);
    expect(await knowledgeGain(ctx.db, { ...week, municipality: '5001' })).toEqual([]);
  });

  it('the staff report is for analysts, editors and administrators', async () => {
    const { admin } = await setUpAdmin(ctx);
    const analyst = await createStaffUser(ctx, admin, 'analyst');
    const first = (await knowledgeGainReport(ctx.db, analyst, { from: '2025-W10', to: '2025-W10' })).byQuestion;
    expect(first.map((r) => r.questionId)).toEqual(['q-a', 'q-b']);
    expect(first[0]!.set?.id).toBe('what-is-trafficking');
    expect((await errorOf(knowledgeGainReport(ctx.db, null, {}))).code).toBe('unauthenticated');
    const handler = { ...analyst, roles: ['case_handler' as const] };
    expect((await errorOf(knowledgeGainReport(ctx.db, handler, {}))).code).toBe('forbidden');
  });
});

describe('a class keeps the version of the quiz it was given', () => {
  it('a publish during the lesson changes new classes and the public set, not the class already running', async () => {
    const { getQuiz, applyPublishedQuiz } = await import('./youth.service');
    const before = await getQuiz(ctx.db, 'what-can-i-do');
    const { teacherKey } = await startClassSession(c(), { setId: 'what-can-i-do', municipality: null });
    const pupil = await joinClassSession(c(), { code: (await sessionForTeacher(c(), teacherKey)).code, nickname: '' });
    await stepClassSession(c(), teacherKey, 'start');

    // An editor publishes a new first question text and moves the second question first.
    const changed = structuredClone(before) as typeof before;
    changed.questions[0] = { ...changed.questions[0]!, text: { nb: 'Ny tekst?', en: 'New text?' } };
    changed.questions.reverse();
    await applyPublishedQuiz(ctx.db, 'what-can-i-do', changed, new Date().toISOString());
    expect((await getQuiz(ctx.db, 'what-can-i-do')).questions[0]!.id).toBe(before.questions.at(-1)!.id);

    // The running class still asks the first question as it was when the lesson began.
    const view = (await pupilView(c(), pupil.pupilToken))!;
    expect(view.question?.id).toBe(before.questions[0]!.id);
    expect(view.question?.text).toEqual(before.questions[0]!.text);
    expect(
      await answerInClass(c(), pupil.pupilToken, {
        questionId: before.questions[0]!.id,
        run: 'before',
        chosen: [before.questions[0]!.correct[0]!]
      })
    ).toEqual({ stored: true });
    await stepClassSession(c(), teacherKey, 'reveal');
    await stepClassSession(c(), teacherKey, 'next');
    expect((await pupilView(c(), pupil.pupilToken))!.question?.id).toBe(before.questions[1]!.id);

    // A class started now gets the published version.
    const later = await startClassSession(c(), { setId: 'what-can-i-do', municipality: null });
    const stored = await ctx.db
      .selectFrom('youth_class_session')
      .select(['quiz_definition'])
      .where('id', '=', later.id)
      .executeTakeFirstOrThrow();
    const given = JSON.parse(stored.quiz_definition!) as typeof before;
    expect(given.questions[0]!.id).toBe(before.questions.at(-1)!.id);
    expect(given.questions.at(-1)!.text).toEqual({ nb: 'Ny tekst?', en: 'New text?' });
    await applyPublishedQuiz(ctx.db, 'what-can-i-do', before, new Date().toISOString());
  });
});
