import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { isPostgres } from '../jobs/jobs';
import { openTestApp } from '../testing/test-app';
import {
  answerInClass,
  joinClassSession,
  projectorView,
  startClassSession,
  stepClassSession
} from './classroom.service';
import { createInProcessBus } from './event-bus';
import * as repo from './youth.repository';
import { answerSelfPaced, getQuiz } from './youth.service';
import { TALLY_SHARDS, tallyShards } from './tally-shard';

/**
 * The sharded answer counters (tally-shard.ts) on SQLite and, with `npm run test:pg`, PostgreSQL: whatever
 * shard each concurrent write picks, the summed counters equal a recount of the answers given, and the
 * classroom projector shows the same totals.
 */
let ctx: AppContext;
const bus = createInProcessBus();
const c = () => ({ db: ctx.db, tokenKey: ctx.tokenKey, bus });
const setIds = ['what-is-trafficking', 'sectors-around-us', 'what-can-i-do'];
const now = new Date('2026-11-25T10:00:00Z');

beforeAll(async () => {
  ctx = await openTestApp();
});
afterAll(() => ctx.close());

type TLedger = { questions: Map<string, { answered: number; correct: number }>; options: Map<string, number> };
const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

async function storedCounts(mode: string): Promise<TLedger> {
  const questions = new Map<string, { answered: number; correct: number }>();
  const options = new Map<string, number>();
  for (const r of await repo.questionTallies(ctx.db, { mode }))
    questions.set(`${r.set_id}/${r.question_id}`, { answered: r.answered, correct: r.correct });
  for (const setId of setIds)
    for (const r of await repo.optionTallies(ctx.db, { setId, mode }))
      options.set(`${setId}/${r.question_id}/${r.option_id}`, r.count);
  return { questions, options };
}

describe('sharded answer counters', () => {
  it('YOUTH_TALLY_SHARDS sets the number of shards (1–64), 16 when not set; a bad value is an error', () => {
    expect(tallyShards({})).toBe(TALLY_SHARDS);
    expect(tallyShards({ YOUTH_TALLY_SHARDS: '1' })).toBe(1);
    expect(tallyShards({ YOUTH_TALLY_SHARDS: '64' })).toBe(64);
    for (const bad of ['0', '65', '2.5', 'many'])
      expect(() => tallyShards({ YOUTH_TALLY_SHARDS: bad })).toThrow(/YOUTH_TALLY_SHARDS must be 1–64/);
  });

  it('property: concurrent self-paced answers — the summed counters equal a recount of the answers', async () => {
    const sets = await Promise.all(setIds.map((id) => getQuiz(ctx.db, id)));
    const ledger: TLedger = { questions: new Map(), options: new Map() };
    const answer = fc.record({ set: fc.nat(2), question: fc.nat(9), option: fc.nat(4) });
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 40 }), async (batch) => {
        const outcomes = await Promise.all(
          batch.map((a) => {
            const set = sets[a.set]!;
            const q = set.questions[a.question % set.questions.length]!;
            const option = q.options[a.option % q.options.length]!;
            const progress = '1'.repeat(set.questions.indexOf(q));
            return answerSelfPaced(ctx.db, { setId: set.id, progress, chosen: [option.id] }, now).then((o) => ({
              setId: set.id,
              o
            }));
          })
        );
        for (const { setId, o } of outcomes) {
          const key = `${setId}/${o.question.id}`;
          const e = ledger.questions.get(key) ?? { answered: 0, correct: 0 };
          ledger.questions.set(key, { answered: e.answered + 1, correct: e.correct + (o.correct ? 1 : 0) });
          for (const id of o.chosen) add(ledger.options, `${key}/${id}`, 1);
        }
        expect(await storedCounts('self')).toEqual(ledger);
      }),
      { numRuns: 12 }
    );
  });

  it('a hot question spreads over shards on PostgreSQL and stays in one row on SQLite', async () => {
    const set = await getQuiz(ctx.db, 'what-can-i-do');
    const q = set.questions[0]!;
    const hotWeek = new Date('2026-06-10T10:00:00Z');
    await Promise.all(
      Array.from({ length: 80 }, () =>
        answerSelfPaced(ctx.db, { setId: set.id, progress: '', chosen: [q.correct[0]!] }, hotWeek)
      )
    );
    const rows = await ctx.db
      .selectFrom('youth_answer_tally')
      .select(['shard', 'answered'])
      .where('set_id', '=', set.id)
      .where('question_id', '=', q.id)
      .where('iso_week', '=', '2026-W24')
      .execute();
    expect(rows.reduce((n, r) => n + Number(r.answered), 0)).toBe(80);
    for (const r of rows) expect(r.shard >= 0 && r.shard < TALLY_SHARDS).toBe(true);
    if (isPostgres(ctx.db)) expect(rows.length).toBeGreaterThan(4);
    else expect(rows.map((r) => r.shard)).toEqual([0]);
  });

  it('property: classes answering and ending at once — projector totals and kept tallies equal a recount', async () => {
    const set = await getQuiz(ctx.db, 'what-is-trafficking');
    const q = set.questions[0]!;
    const klass = fc.array(fc.nat(q.options.length - 1), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.array(klass, { minLength: 1, maxLength: 4 }), async (classes) => {
        const optionsBefore = await storedCounts('before');
        const sessions = await Promise.all(
          classes.map(async (choices) => {
            const s = await startClassSession(c(), { setId: set.id, municipality: null });
            const pupils = await Promise.all(choices.map(() => joinClassSession(c(), { code: s.code, nickname: '' })));
            await stepClassSession(c(), s.teacherKey, 'start');
            await Promise.all(
              pupils.map((p, i) =>
                answerInClass(c(), p.pupilToken, {
                  questionId: q.id,
                  run: 'before',
                  chosen: [q.options[choices[i]!]!.id]
                })
              )
            );
            // The projector shows exactly the answers given.
            const view = (await projectorView(c(), s.id))!;
            expect(view.question?.answered).toBe(choices.length);
            expect(view.question?.distribution).toEqual(
              q.options.map((o, k) => ({ id: o.id, count: choices.filter((x) => x === k).length }))
            );
            return s;
          })
        );
        await Promise.all(sessions.map((s) => stepClassSession(c(), s.teacherKey, 'end')));

        const answered = classes.flat();
        const right = answered.filter((k) => q.correct.includes(q.options[k]!.id)).length;
        // Recount through the kept class tally (summed over shards and weeks).
        const tallies = await ctx.db
          .selectFrom('youth_class_tally')
          .select((eb) => [eb.fn.sum<number>('answered').as('a'), eb.fn.sum<number>('correct').as('r')])
          .where('set_id', '=', set.id)
          .where('question_id', '=', q.id)
          .where('run', '=', 'before')
          .executeTakeFirstOrThrow();
        expect(Number(tallies.a)).toBe(classTotal.answered + answered.length);
        expect(Number(tallies.r)).toBe(classTotal.correct + right);
        classTotal.answered += answered.length;
        classTotal.correct += right;
        const optionsAfter = await storedCounts('before');
        q.options.forEach((o, k) => {
          const key = `${set.id}/${q.id}/${o.id}`;
          expect((optionsAfter.options.get(key) ?? 0) - (optionsBefore.options.get(key) ?? 0)).toBe(
            answered.filter((x) => x === k).length
          );
        });
      }),
      { numRuns: 6 }
    );
  });
});

const classTotal = { answered: 0, correct: 0 };
