import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { openTestApp } from '../testing/test-app';
import { createInProcessBus } from '../youth/event-bus';
import { startClassSession } from '../youth/classroom.service';
import { answerSelfPaced, getQuiz } from '../youth/youth.service';
import { ZActivityRow } from '../../schemas/campaigns';
import { campaignActivity } from './campaigns.service';

// Weekly quiz sessions in a campaign's platform activity: classroom sessions started by a teacher and solo
// quizzes started (their first answer), counted per ISO week by the youth module in the same transaction.
let ctx: AppContext;
const bus = createInProcessBus();
const c = () => ({ db: ctx.db, tokenKey: ctx.tokenKey, bus });
/** The campaign of the tests: weeks 2026-W37 to W40, and W33 to W36 before. */
const period = { startsOn: '2026-09-07', endsOn: '2026-10-04', sourceCodes: [] };

beforeAll(async () => {
  ctx = await openTestApp();
});
afterAll(() => ctx.close());

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const started = async () =>
  (await ctx.db.selectFrom('youth_session_week').selectAll().execute()).reduce((s, r) => s + Number(r.started), 0);

async function soloQuiz(day: string, answers: number) {
  const set = await getQuiz(ctx.db, 'what-is-trafficking');
  let progress = '';
  for (let i = 0; i < answers; i++) {
    const q = set.questions[i]!;
    const r = await answerSelfPaced(ctx.db, { setId: set.id, progress, chosen: [q.options[0]!.id] }, at(day));
    progress = r.progress;
  }
}

describe('quiz sessions per week', () => {
  it('counts a classroom session when a teacher starts it, in its ISO week, and nothing about it', async () => {
    for (let i = 0; i < 6; i++)
      await startClassSession(c(), { setId: 'what-can-i-do', municipality: '0301' }, at('2026-09-08'));
    for (let i = 0; i < 2; i++)
      await startClassSession(c(), { setId: 'what-can-i-do', municipality: null }, at('2026-08-18'));
    const rows = await ctx.db.selectFrom('youth_session_week').selectAll().where('kind', '=', 'class').execute();
    // Only the kind, the week, the count (and the shard on PostgreSQL): no session, set or municipality.
    expect(Object.keys(rows[0]!).sort()).toEqual(['iso_week', 'kind', 'shard', 'started']);
    const byWeek = new Map<string, number>();
    for (const r of rows) byWeek.set(r.iso_week, (byWeek.get(r.iso_week) ?? 0) + Number(r.started));
    expect(Object.fromEntries(byWeek)).toEqual({ '2026-W37': 6, '2026-W34': 2 });
  });

  it('stores no count when a start is refused', async () => {
    const before = await started();
    await expect(
      startClassSession(c(), { setId: 'what-can-i-do', municipality: '9999' }, at('2026-09-08'))
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      startClassSession(c(), { setId: 'no-such-set', municipality: null }, at('2026-09-08'))
    ).rejects.toMatchObject({
      code: 'not_found'
    });
    expect(await started()).toBe(before);
  });

  it('counts a solo quiz at its first answer only', async () => {
    // Five pupils start in W38 (two of them answer three questions), one in W39.
    for (let i = 0; i < 5; i++) await soloQuiz('2026-09-15', i < 2 ? 3 : 1);
    await soloQuiz('2026-09-22', 2);
    const solo = await ctx.db.selectFrom('youth_session_week').selectAll().where('kind', '=', 'self').execute();
    const byWeek = new Map<string, number>();
    for (const r of solo) byWeek.set(r.iso_week, (byWeek.get(r.iso_week) ?? 0) + Number(r.started));
    expect(Object.fromEntries(byWeek)).toEqual({ '2026-W38': 5, '2026-W39': 1 });
  });

  it('shows both as weekly activity rows, counts of 1–4 suppressed, and in the API schema', async () => {
    const a = await campaignActivity(ctx.db, period);
    const row = (metric: string, week: string) => a.rows.find((r) => r.metric === metric && r.week === week)!;
    expect(row('class_sessions', '2026-W37')).toMatchObject({ value: 6, suppressed: false, during: true });
    expect(row('class_sessions', '2026-W34')).toMatchObject({ value: null, suppressed: true, during: false });
    expect(row('class_sessions', '2026-W38')).toMatchObject({ value: 0, suppressed: false });
    expect(row('quiz_sessions', '2026-W38')).toMatchObject({ value: 5, suppressed: false, during: true });
    expect(row('quiz_sessions', '2026-W39')).toMatchObject({ value: null, suppressed: true });
    expect(a.rows.filter((r) => r.metric === 'class_sessions')).toHaveLength(8);
    // A suppressed week makes the period's sum a lower bound and hides the relative change.
    expect(a.uplift.find((u) => u.metric === 'class_sessions')).toMatchObject({
      unit: 'count',
      before: 0,
      during: 6,
      ratio: null,
      suppressed: true
    });
    expect(a.uplift.find((u) => u.metric === 'quiz_sessions')).toMatchObject({ during: 5, suppressed: true });
    for (const r of a.rows) expect(ZActivityRow.safeParse(r).success).toBe(true);
  });

  it('sums the shards of a week (PostgreSQL spreads writes over several rows)', async () => {
    await ctx.db
      .insertInto('youth_session_week')
      .values([
        { kind: 'class', iso_week: '2026-W40', started: 3, shard: 5 },
        { kind: 'class', iso_week: '2026-W40', started: 4, shard: 9 }
      ])
      .execute();
    const a = await campaignActivity(ctx.db, period);
    expect(a.rows.find((r) => r.metric === 'class_sessions' && r.week === '2026-W40')).toMatchObject({ value: 7 });
  });
});
