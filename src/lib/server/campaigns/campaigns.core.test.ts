import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityMetrics,
  activityRows,
  activityUplift,
  activityWeeks,
  costPerPoint,
  isSignificant,
  knowledgeGain,
  knowledgeGainActivity,
  MAX_ACTIVITY_WEEKS,
  roundPoints,
  slugOf,
  verdictOf
} from './campaigns.core';

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('activity weeks', () => {
  it('covers the campaign weeks and as many weeks right before', () => {
    expect(activityWeeks('2026-09-07', '2026-10-04')).toEqual({
      before: ['2026-W33', '2026-W34', '2026-W35', '2026-W36'],
      during: ['2026-W37', '2026-W38', '2026-W39', '2026-W40']
    });
    // Across a new year, a Sunday start and a one-day campaign.
    expect(activityWeeks('2026-12-27', '2027-01-05')).toEqual({
      before: ['2026-W49', '2026-W50', '2026-W51'],
      during: ['2026-W52', '2026-W53', '2027-W01']
    });
    expect(activityWeeks('2026-10-01', '2026-10-01').during).toEqual(['2026-W40']);
    expect(activityWeeks('2026-10-02', '2026-10-01')).toEqual({ before: [], during: [] });
  });

  it('property: equal lengths, no overlap, consecutive distinct weeks, start and end weeks included', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 400 }), (start, days) => {
        const end = new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const { before, during } = activityWeeks(start, end);
        expect(before.length).toBe(during.length);
        expect(during.length).toBeLessThanOrEqual(MAX_ACTIVITY_WEEKS);
        const all = [...before, ...during];
        expect(new Set(all).size).toBe(all.length);
        expect([...all].sort()).toEqual(all);
        expect(during.length).toBeGreaterThan(0);
      })
    );
  });
});

describe('activity rows and uplift', () => {
  const weeks = { before: ['2026-W01', '2026-W02'], during: ['2026-W03', '2026-W04'] };

  it('fills zeros, suppresses 1–4 for counts about people, and sums', () => {
    const rows = activityRows(weeks, {
      checks: [
        { week: '2026-W01', n: 10 },
        { week: '2026-W03', n: 30 }
      ],
      reports: [{ week: '2026-W03', n: 2 }],
      quiz_answers: [{ week: '2026-W02', n: '3' }]
    });
    expect(rows).toHaveLength(activityMetrics.length * 4);
    expect(rows.find((r) => r.metric === 'reports' && r.week === '2026-W03')).toMatchObject({
      value: null,
      suppressed: true
    });
    expect(rows.find((r) => r.metric === 'quiz_answers' && r.week === '2026-W02')).toMatchObject({ value: 3 });
    const up = activityUplift(rows);
    expect(up.find((u) => u.metric === 'checks')).toEqual({
      metric: 'checks',
      before: 10,
      during: 30,
      ratio: 2,
      unit: 'count',
      difference: null,
      suppressed: false
    });
    expect(up.find((u) => u.metric === 'reports')?.ratio).toBeNull();
    expect(up.find((u) => u.metric === 'letters')).toMatchObject({ before: 0, during: 0, ratio: null });
  });

  it('property: no public count between 1 and 4 ever leaves as a number', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 20 }), { minLength: 4, maxLength: 4 }), (ns) => {
        const all = [...weeks.before, ...weeks.during];
        const rows = activityRows(weeks, {
          reports: all.map((week, i) => ({ week, n: ns[i] })),
          checks: all.map((week, i) => ({ week, n: ns[i] }))
        });
        for (const r of rows.filter((x) => x.metric === 'reports' || x.metric === 'checks'))
          expect(r.value === null || r.value === 0 || r.value >= 5).toBe(true);
      })
    );
  });
});

describe('knowledge gain of the classroom quizzes', () => {
  const weeks = { before: ['2026-W01', '2026-W02'], during: ['2026-W03', '2026-W04'] };
  const tally = (week: string, run: string, answered: number, correct: number) => ({ week, run, answered, correct });

  it('is the share right after minus before in points, per week and pooled per period', () => {
    const tallies = [
      tally('2026-W01', 'before', 40, 20),
      tally('2026-W01', 'after', 40, 30),
      tally('2026-W02', 'before', 3, 1),
      tally('2026-W02', 'after', 10, 9),
      tally('2026-W03', 'before', 50, 20),
      tally('2026-W03', 'after', '50' as unknown as number, 40)
    ];
    const { rows, uplift } = knowledgeGainActivity(weeks, tallies);
    const r9 = (x: number | null) => (x === null ? null : Math.round(x * 1e9) / 1e9);
    expect(rows.map((r) => [r.week, r9(r.value), r.suppressed, r.during])).toEqual([
      ['2026-W01', 25, false, false],
      // 3 answers before: the share of so few is not shown.
      ['2026-W02', null, true, false],
      ['2026-W03', 40, false, true],
      // No class: no gain, nothing hidden.
      ['2026-W04', null, false, true]
    ]);
    // The weeks before hold a suppressed week: their pooled gain would give it away by subtraction.
    expect(uplift).toMatchObject({ before: null, difference: null, ratio: null, suppressed: true });
    expect(uplift.during).toBeCloseTo(40, 10);
    const clean = knowledgeGainActivity(weeks, tallies.slice(0, 2).concat(tallies.slice(4)));
    expect(clean.uplift).toMatchObject({ metric: 'knowledge_gain', unit: 'points', before: 25 });
    expect(clean.uplift.during).toBeCloseTo(40, 10);
    expect(clean.uplift.difference).toBeCloseTo(15, 10);
  });

  it('property: a gain lies in [−100, 100] and is shown only when both runs have 0 or at least 5 answers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ run: fc.constantFrom('before', 'after'), answered: fc.nat({ max: 40 }) }).chain((r) =>
            fc.record({
              run: fc.constant(r.run),
              answered: fc.constant(r.answered),
              correct: fc.nat({ max: r.answered })
            })
          )
        ),
        (list) => {
          const g = knowledgeGain(list.map((t) => ({ ...t, week: '2026-W01' })));
          const n = (run: string) => list.filter((t) => t.run === run).reduce((s, t) => s + t.answered, 0);
          const few = (x: number) => x > 0 && x < 5;
          expect(g.suppressed).toBe(few(n('before')) || few(n('after')));
          if (g.points !== null) {
            expect(g.points).toBeGreaterThanOrEqual(-100);
            expect(g.points).toBeLessThanOrEqual(100);
            expect(n('before')).toBeGreaterThanOrEqual(5);
            expect(n('after')).toBeGreaterThanOrEqual(5);
          }
        }
      )
    );
  });
});

describe('cost per point', () => {
  it('is budget ÷ change, the interval from the bounds, only for a significant rise', () => {
    expect(costPerPoint(600_000, { estimate: 6, ci_low: 1, ci_high: 11 })).toEqual({
      estimate: 100_000,
      ci_low: 600_000 / 11,
      ci_high: 600_000
    });
    expect(costPerPoint(600_000, { estimate: 2, ci_low: -2, ci_high: 5 })).toBeNull();
    expect(costPerPoint(600_000, { estimate: -6, ci_low: -11, ci_high: -1 })).toBeNull();
    expect(costPerPoint(null, { estimate: 6, ci_low: 1, ci_high: 11 })).toBeNull();
    expect(costPerPoint(600_000, { estimate: 6, ci_low: null, ci_high: null })).toBeNull();
    expect(isSignificant({ estimate: 6, ci_low: 1, ci_high: 11 })).toBe(true);
    expect(isSignificant({ estimate: -6, ci_low: -11, ci_high: -1 })).toBe(true);
    expect(isSignificant({ estimate: 2, ci_low: -2, ci_high: 5 })).toBe(false);
  });

  it('property: the estimate lies inside its interval and a larger change never costs more per point', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        (budget, low, width) => {
          const change = { estimate: low + width / 2, ci_low: low, ci_high: low + width };
          const c = costPerPoint(budget, change)!;
          expect(c.ci_low).toBeLessThanOrEqual(c.estimate * (1 + 1e-12));
          expect(c.estimate).toBeLessThanOrEqual(c.ci_high * (1 + 1e-12));
          const bigger = costPerPoint(budget, { ...change, estimate: change.estimate * 2 })!;
          expect(bigger.estimate).toBeLessThanOrEqual(c.estimate);
        }
      )
    );
  });
});

describe('slugs', () => {
  it('makes a readable ASCII address', () => {
    expect(slugOf('Se tegnene – på flyplassen!')).toBe('se-tegnene-pa-flyplassen');
    expect(slugOf('Ærlig øl')).toBe('aerlig-ol');
    expect(slugOf('???')).toBe('kampanje');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(slugOf(s)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      })
    );
  });
});

describe('verdict', () => {
  it('reads a rise, a fall, no change and too few answers', () => {
    expect(verdictOf({ estimate: 6, ci_low: 1, ci_high: 11 }, false)).toEqual({
      kind: 'rise',
      points: 6,
      low: 1,
      high: 11
    });
    expect(verdictOf({ estimate: -6, ci_low: -11, ci_high: -1 }, false)).toMatchObject({ kind: 'fall' });
    expect(verdictOf({ estimate: 1.5, ci_low: -2, ci_high: 5 }, false)).toMatchObject({ kind: 'no_change' });
    expect(verdictOf({ estimate: 6, ci_low: 1, ci_high: 11 }, true)).toEqual({ kind: 'too_few' });
    expect(verdictOf({ estimate: 6, ci_low: null, ci_high: null }, false)).toEqual({ kind: 'too_few' });
    expect(verdictOf(null, false)).toEqual({ kind: 'none' });
    expect(roundPoints(6.04)).toBe(6);
    expect(roundPoints(14.6)).toBe(15);
  });

  it('property: "rise" or "fall" exactly when the interval excludes zero', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (lo, w) => {
          const v = verdictOf({ estimate: lo + w / 2, ci_low: lo, ci_high: lo + w }, false);
          expect(v.kind === 'rise' || v.kind === 'fall').toBe(lo > 0 || lo + w < 0);
        }
      )
    );
  });
});
