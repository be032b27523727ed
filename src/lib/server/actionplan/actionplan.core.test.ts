import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chainLinks,
  changedFields,
  comparePlan,
  deadlineBeforePlan,
  measureFlags,
  measureStatuses,
  planScorecard,
  repeatedRecommendations,
  sdgTargets,
  twelveMonthsBefore,
  type TMeasureFacts
} from './actionplan.core';

const today = '2026-11-29';

function measure(over: Partial<TMeasureFacts> = {}): TMeasureFacts {
  return {
    id: 'm1',
    deadline: null,
    status: 'unknown',
    indicator: '',
    lastAssessedOn: null,
    enteredOn: '2026-11-01',
    chainLink: 'unassigned',
    budgetNok: null,
    sdgTargets: [],
    ...over
  };
}

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const arbMeasure: fc.Arbitrary<TMeasureFacts> = fc.record({
  id: fc.uuid(),
  deadline: fc.option(isoDate, { nil: null }),
  status: fc.constantFrom(...measureStatuses),
  indicator: fc.constantFrom('', '  ', 'Andel som kjenner tegnene'),
  lastAssessedOn: fc.option(isoDate, { nil: null }),
  enteredOn: isoDate,
  chainLink: fc.constantFrom(...chainLinks),
  budgetNok: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null }),
  sdgTargets: fc.subarray([...sdgTargets])
});

describe('measureFlags', () => {
  it('names the report’s criticisms: no deadline, no indicator', () => {
    expect(measureFlags(measure(), today)).toEqual({
      noDeadline: true,
      overdue: false,
      stale: false,
      noIndicator: true
    });
  });

  it('a deadline in the past makes an unfinished measure overdue, not a finished one', () => {
    expect(measureFlags(measure({ deadline: '2026-01-01', status: 'in_progress' }), today).overdue).toBe(true);
    expect(measureFlags(measure({ deadline: '2026-01-01', status: 'done' }), today).overdue).toBe(false);
    expect(measureFlags(measure({ deadline: '2026-01-01', status: 'discontinued' }), today).overdue).toBe(false);
    expect(measureFlags(measure({ deadline: today, status: 'not_started' }), today).overdue).toBe(false);
  });

  it('a measure is stale after 12 months without an assessment, counted from entry when never assessed', () => {
    expect(measureFlags(measure({ lastAssessedOn: '2025-11-28' }), today).stale).toBe(true);
    expect(measureFlags(measure({ lastAssessedOn: '2025-11-29' }), today).stale).toBe(false);
    expect(measureFlags(measure({ enteredOn: '2024-01-01' }), today).stale).toBe(true);
    expect(measureFlags(measure({ enteredOn: '2024-01-01', status: 'done' }), today).stale).toBe(false);
  });

  it('twelve months before 29 February is 28 February', () => {
    expect(twelveMonthsBefore('2028-02-29')).toBe('2027-02-28');
    expect(twelveMonthsBefore('2026-11-29')).toBe('2025-11-29');
  });

  it('a measure marked done is never overdue', () => {
    fc.assert(fc.property(arbMeasure, isoDate, (m, day) => !measureFlags({ ...m, status: 'done' }, day).overdue));
  });

  it('adding a deadline in the future never makes a measure overdue', () => {
    fc.assert(
      fc.property(arbMeasure, isoDate, fc.integer({ min: 0, max: 5000 }), (m, day, ahead) => {
        const deadline = new Date(Date.parse(day) + ahead * 86_400_000).toISOString().slice(0, 10);
        return !measureFlags({ ...m, deadline }, day).overdue;
      })
    );
  });

  it('only a measure without a deadline is flagged as having none, and an overdue one has one', () => {
    fc.assert(
      fc.property(arbMeasure, isoDate, (m, day) => {
        const f = measureFlags(m, day);
        return f.noDeadline === (m.deadline === null) && (!f.overdue || !f.noDeadline);
      })
    );
  });
});

describe('planScorecard', () => {
  it('says “not yet entered” rather than showing zeros as facts', () => {
    const card = planScorecard({ declaredMeasures: 26 }, [], today);
    expect(card.notEntered).toBe(true);
    expect(card.declared).toBe(26);
    expect(card.byChainLink.prevention.share).toBeNull();
    expect(card.byChainLink.prevention.budgetShare).toBeNull();
  });

  it('shares measures and earmarked budget by link of the chain', () => {
    const card = planScorecard(
      { declaredMeasures: null },
      [
        measure({ id: 'a', chainLink: 'intelligence', budgetNok: 15_000_000, sdgTargets: ['16.2'] }),
        measure({ id: 'b', chainLink: 'prevention', budgetNok: 7_000_000, sdgTargets: ['8.7', '16.2'] }),
        measure({ id: 'c', chainLink: 'prevention', deadline: '2025-01-01', status: 'in_progress', indicator: 'x' })
      ],
      today
    );
    expect(card.entered).toBe(3);
    expect(card.byChainLink.prevention).toEqual({
      measures: 2,
      share: 2 / 3,
      budgetNok: 7_000_000,
      budgetShare: 7 / 22
    });
    expect(card.byChainLink.intelligence.budgetShare).toBeCloseTo(15 / 22);
    expect(card).toMatchObject({
      noDeadline: 2,
      overdue: 1,
      noIndicator: 2,
      withBudget: 2,
      totalBudgetNok: 22_000_000
    });
    expect(card.bySdg).toEqual({ '5.2': [], '8.7': ['b'], '16.2': ['a', 'b'] });
    expect(comparePlan(card)).toMatchObject({ withDeadline: 1, withIndicator: 1, preventionShare: 2 / 3 });
  });

  it('counts every measure once by status and once by chain link, and shares add up to one', () => {
    fc.assert(
      fc.property(fc.array(arbMeasure, { maxLength: 40 }), isoDate, (ms, day) => {
        const card = planScorecard({ declaredMeasures: null }, ms, day);
        const statusSum = Object.values(card.byStatus).reduce((a, b) => a + b, 0);
        const linkSum = Object.values(card.byChainLink).reduce((a, b) => a + b.measures, 0);
        const shareSum = Object.values(card.byChainLink).reduce((a, b) => a + (b.share ?? 0), 0);
        return (
          statusSum === ms.length &&
          linkSum === ms.length &&
          card.overdue <= ms.length - card.noDeadline &&
          (ms.length === 0 || Math.abs(shareSum - 1) < 1e-9)
        );
      })
    );
  });
});

describe('GRETA and deadlines', () => {
  it('keeps only themes raised in more than one round', () => {
    const groups = repeatedRecommendations([
      { code: 'R1-2', theme: 'children', round: '1' },
      { code: 'R2-4', theme: 'children', round: '2' },
      { code: 'R1-4', theme: 'prosecution', round: '1' },
      { code: 'R1-3', theme: '', round: '1' }
    ]);
    expect(groups.map(([theme, list]) => [theme, list.map((r) => r.code)])).toEqual([['children', ['R1-2', 'R2-4']]]);
  });

  it('refuses a deadline before the plan starts', () => {
    expect(deadlineBeforePlan('2015-12-31', 2016)).toBe(true);
    expect(deadlineBeforePlan('2016-01-01', 2016)).toBe(false);
    expect(deadlineBeforePlan(null, 2016)).toBe(false);
  });
});

describe('history', () => {
  it('lists the fields that changed, ignoring timestamps', () => {
    expect(
      changedFields(
        { title: 'A', deadline: null, updated_at: '1' },
        { title: 'A', deadline: '2027-01-01', updated_at: '2' }
      )
    ).toEqual([{ field: 'deadline', before: null, after: '2027-01-01' }]);
    expect(changedFields(null, { title: 'A' })).toEqual([{ field: 'title', before: null, after: 'A' }]);
  });

  it('a row compared with itself has no changes', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (row) => changedFields(row, row).length === 0));
  });
});
