import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { loadSessionUser } from '../auth/session.service';
import type { TSessionUser } from '../auth/auth.types';
import { AppError } from '../errors';
import { errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import type { TChecklist } from '../../check/checklist';
import {
  checklistVersion,
  checklistVersions,
  checksSummary,
  countLetter,
  letterCounts,
  requireCheckViewer,
  runCheck,
  syncChecklists
} from './check.service';
import { currentChecklist, readChecklists } from './checklists';

let ctx: AppContext;
let admin: TSessionUser;
const carWash = currentChecklist('car-wash') as TChecklist;

function answers(c: TChecklist, risk: string[] = [], unknown: string[] = []) {
  return Object.fromEntries(
    c.questions.map((q) => [
      q.id,
      risk.includes(q.id) ? q.riskAnswer : unknown.includes(q.id) ? 'unknown' : q.riskAnswer === 'yes' ? 'no' : 'yes'
    ])
  ) as Record<string, 'yes' | 'no' | 'unknown'>;
}

beforeAll(async () => {
  ctx = await openTestApp();
  ({ admin } = await setUpAdmin(ctx));
});
afterAll(() => ctx.close());

describe('checklists at start', () => {
  it('every current version is recorded, and syncing again changes nothing', async () => {
    const before = await checklistVersions(ctx.db);
    expect(before.map((v) => v.sector).sort()).toEqual(
      readChecklists()
        .map((c) => c.id)
        .sort()
    );
    await syncChecklists(ctx.db);
    expect(await checklistVersions(ctx.db)).toEqual(before);
  });

  it('a wrong file stops loading with a message naming the file and the field', async () => {
    const { mkdtempSync, writeFileSync, copyFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'checklists-'));
    copyFileSync('data/checklists/cleaning.json', join(dir, 'cleaning.json'));
    const broken = structuredClone(carWash) as unknown as { thresholds: unknown };
    broken.thresholds = { some: 'three' };
    writeFileSync(join(dir, 'car-wash.json'), JSON.stringify(broken));
    expect(() => readChecklists(dir)).toThrow(/^data\/checklists\/car-wash\.json: thresholds\.some: /);
    writeFileSync(join(dir, 'car-wash.json'), '{ not json');
    expect(() => readChecklists(dir)).toThrow(/^data\/checklists\/car-wash\.json: not valid JSON/);
  });

  it('another known version is scored with its own questions and recorded with its number; an unknown one is a 409', async () => {
    // A version of the car-wash list without the "fearful" question, known to the database only.
    const other: TChecklist = {
      ...carWash,
      version: carWash.version + 1,
      questions: carWash.questions.filter((q) => q.id !== 'fearful'),
      indicators: carWash.indicators.filter((i) => i.id !== 'fearful-workers')
    };
    await syncChecklists(ctx.db, [other]);
    const loaded = await checklistVersion(ctx.db, 'car-wash', other.version);
    expect(loaded.questions.map((q) => q.id)).not.toContain('fearful');
    const { fearful: _f, ...withoutFearful } = answers(carWash, ['living-on-site']);
    void _f;
    const out = await runCheck(
      ctx.db,
      { sector: 'car-wash', version: other.version, answers: withoutFearful },
      new Date('2026-01-07T12:00:00Z')
    );
    expect(out.checklist.version).toBe(other.version);
    const row = await ctx.db
      .selectFrom('check_result')
      .select('checklist_version')
      .where('checklist_version', '=', other.version)
      .executeTakeFirst();
    expect(row).toBeTruthy();
    const stale = await errorOf(checklistVersion(ctx.db, 'car-wash', 99));
    expect(stale.code).toBe('conflict');
    expect(stale.status).toBe(409);
    // Beyond any database integer (PostgreSQL would refuse to compare it): the same 409, not a 500.
    for (const huge of [2 ** 31, 1e111])
      expect((await errorOf(checklistVersion(ctx.db, 'car-wash', huge))).status).toBe(409);
  });
});

describe('runCheck', () => {
  it('stores one anonymous row with its indicators, in the current ISO week', async () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const out = await runCheck(
      ctx.db,
      { sector: 'car-wash', answers: answers(carWash, ['living-on-site', 'no-ppe']), municipality: '0301' },
      now
    );
    expect(out.stored).toBe(true);
    expect(out.result.level).toBe('some');
    const row = await ctx.db
      .selectFrom('check_result')
      .selectAll()
      .where('iso_week', '=', '2026-W48')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sector: 'car-wash', checklist_version: 1, level: 'some', municipality_number: '0301' });
    expect(Object.keys(row).sort()).toEqual(
      ['checklist_version', 'id', 'iso_week', 'level', 'municipality_number', 'sector'].sort()
    );
    const indicators = await ctx.db
      .selectFrom('check_result_indicator')
      .select('indicator_id')
      .where('result_id', '=', row.id)
      .execute();
    expect(indicators.map((i) => i.indicator_id).sort()).toEqual(['lives-at-workplace', 'no-protective-equipment']);
  });

  it('a demo check stores nothing', async () => {
    const count = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('check_result')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      );
    const before = await count();
    const out = await runCheck(ctx.db, {
      sector: 'cleaning',
      answers: answers(currentChecklist('cleaning')!),
      demo: true
    });
    expect(out.stored).toBe(false);
    expect(await count()).toBe(before);
  });

  it('refuses bad input with 4xx and a message per answer', async () => {
    const unknown = await errorOf(runCheck(ctx.db, { sector: 'spa', answers: {} }));
    expect([unknown.code, unknown.status]).toEqual(['not_found', 404]);
    const info = await errorOf(runCheck(ctx.db, { sector: 'buying-sex', answers: {} }));
    expect(info.status).toBe(400);
    const bad = await errorOf(
      runCheck(ctx.db, {
        sector: 'car-wash',
        answers: { ...answers(carWash), bogus: 'yes', fearful: 'maybe' as 'yes' }
      })
    );
    expect(bad.status).toBe(400);
    expect(bad.fields).toEqual({
      'answers.bogus': 'check.error.unknownQuestion',
      'answers.fearful': 'check.error.answerRequired'
    });
    const { fearful: _f, ...missing } = answers(carWash);
    void _f;
    expect((await errorOf(runCheck(ctx.db, { sector: 'car-wash', answers: missing }))).fields).toEqual({
      'answers.fearful': 'check.error.answerRequired'
    });
    const place = await errorOf(
      runCheck(ctx.db, { sector: 'car-wash', answers: answers(carWash), municipality: '9999' })
    );
    expect(place.fields).toEqual({ municipality: 'check.error.municipality' });
  });
});

describe('aggregates', () => {
  it('counts by sector, week, level, indicator and county, and suppresses counts under 5', async () => {
    const w = new Date('2026-06-03T12:00:00Z'); // 2026-W23
    const cleaning = currentChecklist('cleaning')!;
    for (let i = 0; i < 6; i++)
      await runCheck(
        ctx.db,
        { sector: 'cleaning', answers: answers(cleaning, ['in-register']), municipality: '4601' },
        w
      );
    for (let i = 0; i < 2; i++)
      await runCheck(ctx.db, { sector: 'cleaning', answers: answers(cleaning, ['child-working']) }, w);

    const filter = { from: '2026-W23', to: '2026-W23', sector: 'cleaning' };
    const open = await checksSummary(ctx.db, filter, { suppress: false });
    expect(open.total).toEqual({ count: 8, suppressed: false, display: '8' });
    expect(open.byLevel.map((l) => [l.level, l.count.count])).toEqual([
      ['low', 0],
      ['some', 6],
      ['strong', 2]
    ]);
    expect(open.topIndicators[0]).toMatchObject({ indicator: 'not-in-cleaning-register', count: { count: 6 } });
    expect(open.byCounty).toEqual([
      { county: '46', name: expect.any(String), count: { count: 6, suppressed: false, display: '6' } },
      { county: null, name: null, count: { count: 2, suppressed: false, display: '2' } }
    ]);

    const pub = await checksSummary(ctx.db, filter);
    expect(pub.byLevel.find((l) => l.level === 'strong')).toEqual({
      level: 'strong',
      count: { count: null, suppressed: true, display: '<5' },
      share: null
    });
    // 8 = 0 + 6 + 2: with the total shown, the 6 is hidden too ("*"), or the 2 could be worked out.
    expect(pub.total.display).toBe('8');
    expect(pub.byLevel.map((l) => l.count.display)).toEqual(['0', '*', '<5']);
    expect(pub.byLevel.find((l) => l.level === 'some')?.share).toBeNull();
    expect(pub.byCounty.map((c) => c.count.display)).toEqual(['*', '<5']);
    expect(pub.topIndicators.find((i) => i.indicator === 'child-working')?.count.display).toBe('<5');
    expect(JSON.stringify(pub)).not.toMatch(/"count":[1-4][,}]/);

    const byCounty = await checksSummary(ctx.db, { ...filter, county: '46' }, { suppress: false });
    expect(byCounty.total.count).toBe(6);
  });

  it('only analysts, editors and administrators may see the staff view', async () => {
    expect(() => requireCheckViewer(admin)).not.toThrow();
    expect(() => requireCheckViewer(null)).toThrow(AppError);
    const handler = { ...admin, roles: ['case_handler' as const] };
    expect(() => requireCheckViewer(handler)).toThrow(/forbidden/);
    expect(await loadSessionUser(ctx.db, admin.id)).toBeTruthy();
  });

  it('counts letters by sector and week, unknown sectors as "other"', async () => {
    const now = new Date('2026-11-25T10:00:00Z');
    await countLetter(ctx.db, 'restaurant', now);
    await countLetter(ctx.db, 'restaurant', now);
    await countLetter(ctx.db, 'whatever', now);
    const counts = await letterCounts(ctx.db);
    expect(counts).toContainEqual({ sector: 'restaurant', week: '2026-W48', count: 2 });
    expect(counts).toContainEqual({ sector: 'other', week: '2026-W48', count: 1 });
  });
});
