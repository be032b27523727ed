import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buyerSectors,
  buyerTypes,
  contractTypes,
  payThresholds,
  ruleIds,
  rulesFor,
  transparencyLimits,
  transparencyScope,
  type TPurchase,
  type TRuleId
} from './rules';

const applies = (p: TPurchase, id: TRuleId) => rulesFor(p).find((r) => r.id === id)?.applies;
const arbPurchase = fc.record({
  buyerType: fc.constantFrom(...buyerTypes),
  sector: fc.constantFrom(...buyerSectors),
  contractType: fc.constantFrom(...contractTypes),
  value: fc.integer({ min: 0, max: 10_000_000_000 })
});

describe('rulesFor: the pay-and-conditions thresholds', () => {
  const cases = [
    { buyerType: 'state', limit: payThresholds.state },
    { buyerType: 'municipal', limit: payThresholds.other },
    { buyerType: 'other_public', limit: payThresholds.other }
  ] as const;
  for (const { buyerType, limit } of cases) {
    it(`${buyerType}: just below ${limit} no, at and above yes`, () => {
      const p = (value: number): TPurchase => ({ buyerType, sector: 'cleaning', contractType: 'service', value });
      for (const id of ['pay-conditions', 'serious-2024', 'chain-limit'] as const) {
        expect(applies(p(limit - 1), id), `${id} below`).toBe(false);
        expect(applies(p(limit), id), `${id} at`).toBe(true);
        expect(applies(p(limit + 1), id), `${id} above`).toBe(true);
      }
      const below = rulesFor(p(limit - 1)).find((r) => r.id === 'pay-conditions');
      expect(below).toMatchObject({ reason: 'below_threshold', threshold: limit, uncertain: true });
    });
  }

  it('a municipality buying cleaning for 2.05 million gets the regulation, the 2024 terms, the chain limit and the register', () => {
    const r = rulesFor({ buyerType: 'municipal', sector: 'cleaning', contractType: 'service', value: 2_050_000 });
    const ids = r.filter((x) => x.applies).map((x) => x.id);
    expect(ids).toEqual([
      'pay-conditions',
      'serious-2024',
      'chain-limit',
      'procurement-act-5',
      'general-application',
      'cleaning-register',
      'hms-card',
      'transparency-right'
    ]);
  });

  it('goods contracts are outside the regulation however large', () => {
    const r = rulesFor({ buyerType: 'state', sector: 'textiles', contractType: 'goods', value: 500_000_000 });
    expect(r.find((x) => x.id === 'pay-conditions')).toMatchObject({ applies: false, reason: 'goods_not_covered' });
    expect(
      applies({ buyerType: 'state', sector: 'textiles', contractType: 'goods', value: 1 }, 'procurement-act-5')
    ).toBe(true);
  });

  it('a private company is outside the public-contract rules but has the cleaning register and påseplikt', () => {
    const p: TPurchase = { buyerType: 'private', sector: 'cleaning', contractType: 'service', value: 90_000_000 };
    expect(applies(p, 'pay-conditions')).toBe(false);
    expect(applies(p, 'procurement-act-5')).toBe(false);
    expect(applies(p, 'cleaning-register')).toBe(true);
    expect(applies(p, 'general-application')).toBe(true);
  });

  it('the 2024 terms and the chain limit do not reach transport services', () => {
    const p: TPurchase = { buyerType: 'state', sector: 'transport', contractType: 'service', value: 50_000_000 };
    expect(applies(p, 'pay-conditions')).toBe(true);
    expect(applies(p, 'serious-2024')).toBe(false);
    expect(applies(p, 'chain-limit')).toBe(false);
  });
});

describe('rulesFor: properties', () => {
  it('returns every rule once, applying ones first, each with a source', () => {
    fc.assert(
      fc.property(arbPurchase, (p) => {
        const r = rulesFor(p);
        expect(r.map((x) => x.id).sort()).toEqual([...ruleIds].sort());
        const firstNot = r.findIndex((x) => !x.applies);
        if (firstNot >= 0) expect(r.slice(firstNot).every((x) => !x.applies)).toBe(true);
        for (const x of r) expect(x.sources.length).toBeGreaterThan(0);
      })
    );
  });

  it('raising the value never removes a rule (monotone in value)', () => {
    fc.assert(
      fc.property(arbPurchase, fc.integer({ min: 0, max: 1_000_000_000 }), (p, more) => {
        const before = rulesFor(p)
          .filter((x) => x.applies)
          .map((x) => x.id);
        const after = new Set(
          rulesFor({ ...p, value: p.value + more })
            .filter((x) => x.applies)
            .map((x) => x.id)
        );
        for (const id of before) expect(after.has(id)).toBe(true);
      })
    );
  });

  it('public-contract rules apply only to public buyers, never to goods, and only at or above the threshold', () => {
    fc.assert(
      fc.property(arbPurchase, (p) => {
        for (const x of rulesFor(p).filter((r) => ['pay-conditions', 'serious-2024', 'chain-limit'].includes(r.id))) {
          if (!x.applies) continue;
          expect(p.buyerType).not.toBe('private');
          expect(p.contractType).not.toBe('goods');
          expect(p.value).toBeGreaterThanOrEqual(x.threshold as number);
        }
      })
    );
  });
});

describe('transparencyScope', () => {
  const L = transparencyLimits;
  it('needs two of three limits exceeded; being at a limit is not exceeding it', () => {
    expect(transparencyScope({ revenue: L.revenue, balance: L.balance, employees: L.employees }).covered).toBe(false);
    expect(transparencyScope({ revenue: L.revenue + 1, balance: L.balance, employees: L.employees }).covered).toBe(
      false
    );
    expect(transparencyScope({ revenue: L.revenue + 1, balance: L.balance + 1, employees: 0 }).covered).toBe(true);
    expect(transparencyScope({ revenue: 0, balance: L.balance + 1, employees: L.employees + 1 }).covered).toBe(true);
    expect(transparencyScope({ revenue: L.revenue + 1, balance: 0, employees: 50.5 })).toMatchObject({
      covered: true,
      exceededCount: 2,
      exceeded: { revenue: true, balance: false, employees: true }
    });
  });

  it('covered exactly when at least two limits are exceeded, and monotone in each figure', () => {
    const arb = fc.record({
      revenue: fc.integer({ min: 0, max: 200_000_000 }),
      balance: fc.integer({ min: 0, max: 100_000_000 }),
      employees: fc.integer({ min: 0, max: 200 })
    });
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const s = transparencyScope(a);
        const n = [a.revenue > L.revenue, a.balance > L.balance, a.employees > L.employees].filter(Boolean).length;
        expect(s.covered).toBe(n >= 2);
        const bigger = {
          revenue: Math.max(a.revenue, b.revenue),
          balance: Math.max(a.balance, b.balance),
          employees: Math.max(a.employees, b.employees)
        };
        if (s.covered) expect(transparencyScope(bigger).covered).toBe(true);
      })
    );
  });
});
