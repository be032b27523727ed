import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan, planStages } from './plan';
import { buyerSectors, buyerTypes, contractTypes, payThresholds } from './rules';

const ids = (p: ReturnType<typeof buildPlan>) => p.stages.flatMap((s) => s.items.map((i) => i.id));

describe('buildPlan', () => {
  it('a municipality’s cleaning contract above the threshold gets the full set of clauses and checks', () => {
    const plan = buildPlan({ buyerType: 'municipal', sector: 'cleaning', contractType: 'service', value: 3_000_000 });
    expect(plan.stages.map((s) => s.stage)).toEqual(['before', 'choosing', 'during']);
    expect(ids(plan)).toEqual(
      expect.arrayContaining([
        'clause-pay',
        'clause-2024',
        'clause-chain',
        'clause-sanctions',
        'cleaning-register',
        'id-cards',
        'pay-records',
        'subcontractor-list',
        'warning-signs',
        'sanction-ladder'
      ])
    );
    expect(plan.checklistId).toBe('cleaning');
    const sanctions = plan.stages[0].items.find((i) => i.id === 'clause-sanctions');
    expect(sanctions?.required).toBe(true);
  });

  it('below the threshold the regulation clauses drop out and the sanctions become a recommendation', () => {
    const plan = buildPlan({
      buyerType: 'municipal',
      sector: 'cleaning',
      contractType: 'service',
      value: payThresholds.other - 1
    });
    expect(ids(plan)).not.toContain('clause-pay');
    expect(ids(plan)).not.toContain('clause-chain');
    expect(ids(plan)).toContain('cleaning-register');
    expect(plan.stages[0].items.find((i) => i.id === 'clause-sanctions')?.required).toBe(false);
  });

  it('always has three stages, each with items, no duplicates, and sourced items (but the warning signs)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...buyerTypes),
        fc.constantFrom(...buyerSectors),
        fc.constantFrom(...contractTypes),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (buyerType, sector, contractType, value) => {
          const plan = buildPlan({ buyerType, sector, contractType, value });
          expect(plan.stages.map((s) => s.stage)).toEqual([...planStages]);
          for (const s of plan.stages) expect(s.items.length).toBeGreaterThan(0);
          const all = ids(plan);
          expect(new Set(all).size).toBe(all.length);
          for (const s of plan.stages)
            for (const i of s.items) if (i.id !== 'warning-signs') expect(i.sources.length).toBeGreaterThan(0);
          expect(all.includes('warning-signs')).toBe(plan.checklistId !== null);
        }
      )
    );
  });
});
