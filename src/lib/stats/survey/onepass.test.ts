/**
 * The one-pass path (`proportionsMany`: every answer of every domain from one pass, the residualization as a
 * linear operator made once per weighting) against the per-answer path it replaced (`proportionsPerAnswer`:
 * one linearization over all groups per answer and domain), on random counters, weightings and domains.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromCounts,
  noWeighting,
  postStratify,
  proportions,
  proportionsMany,
  proportionsPerAnswer,
  rake,
  SurveyStatsError,
  trimWeights,
  type TCellCount,
  type TDomain,
  type TProportions,
  type TTarget,
  type TWeighting
} from './index';

const SEXES = ['female', 'male'];
const AGES = ['16-29', '30-59', '60+'];
const ANSWERS = ['a', 'b', 'c', 'd'];
const GROUPS = ['g1', 'g2', 'g3'];

/** Counters per (stratum, sex, age, answer or none, group), a few with unequal base weights. */
const countsArb = fc
  .record({
    strata: fc.integer({ min: 1, max: 3 }),
    n: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 3 * 6 * 5 * 3, maxLength: 3 * 6 * 5 * 3 }),
    weights: fc.array(fc.double({ min: 0.2, max: 5, noNaN: true }), { minLength: 16, maxLength: 16 }),
    unequal: fc.boolean()
  })
  .map(({ strata, n, weights, unequal }) => {
    const rows: TCellCount[] = [];
    let k = 0;
    for (let s = 0; s < strata; s++)
      for (const sex of SEXES)
        for (const age of AGES) {
          let inCell = 0;
          for (const answer of [...ANSWERS.slice(0, 3), null])
            for (const group of [...GROUPS, null].slice(0, 3)) {
              const count = n[k++ % n.length];
              inCell += count;
              const w = weights[k % weights.length];
              const sw = unequal ? count * w : undefined;
              rows.push({ stratum: `w${s + 1}`, cell: [sex, age], answer, group, n: count, sw, sw2: sw && sw * w });
            }
          // Every cell has respondents who answered, so every margin category can be weighted.
          if (inCell < 2)
            rows.push({ stratum: `w${s + 1}`, cell: [sex, age], answer: 'a', group: 'g1', n: 2 - inCell });
        }
    return rows;
  });

const targetsArb = fc
  .record({
    sex: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 2 }),
    age: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 3, maxLength: 3 }),
    cells: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 6, maxLength: 6 })
  })
  .map(({ sex, age, cells }) => {
    const total = sex.reduce((a, b) => a + b, 0);
    const ageSum = age.reduce((a, b) => a + b, 0);
    const margins: TTarget[] = [
      { variables: ['sex'], cells: SEXES.map((l, i) => ({ levels: [l], total: sex[i] })) },
      { variables: ['age'], cells: AGES.map((l, i) => ({ levels: [l], total: (age[i] * total) / ageSum })) }
    ];
    const post: TTarget = {
      variables: ['sex', 'age'],
      cells: SEXES.flatMap((s, i) => AGES.map((a, j) => ({ levels: [s, a], total: cells[i * 3 + j] })))
    };
    return { margins, post };
  });

/**
 * Shares and sums agree to 1e-12; figures made from the variance to 1e-9 relative, because the variance is a
 * difference of sums (Σx² − (Σx)²/n) that magnifies the different order of the floating-point additions.
 * (R's oracle allows 1e-6 for SEs.)
 */
function expectClose(a: number, b: number, what: string, tol = 1e-12) {
  if (Number.isNaN(b)) return expect(a, what).toBeNaN();
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
}

function expectSame(got: TProportions | SurveyStatsError, want: TProportions | SurveyStatsError) {
  if (want instanceof SurveyStatsError) {
    expect(got).toBeInstanceOf(SurveyStatsError);
    expect((got as SurveyStatsError).key).toBe(want.key);
    expect((got as SurveyStatsError).message).toBe(want.message);
    return;
  }
  expect(got).not.toBeInstanceOf(SurveyStatsError);
  const g = got as TProportions;
  expect(g.base_n).toBe(want.base_n);
  for (const k of ['sum_weights', 'effective_n', 'deff'] as const) expectClose(g[k], want[k], k);
  expect(g.answers.map((x) => x.code)).toEqual(want.answers.map((x) => x.code));
  g.answers.forEach((x, i) => {
    const y = want.answers[i];
    expect(x.n).toBe(y.n);
    expectClose(x.proportion, y.proportion, `${y.code} proportion`);
    for (const k of ['se', 'ci_low', 'ci_high', 'logit_ci_low', 'logit_ci_high', 'deff', 'effective_n'] as const)
      expectClose(x[k], y[k], `${y.code} ${k}`, 1e-9);
  });
}

function reference(data: ReturnType<typeof fromCounts>, w: TWeighting, d: TDomain, codes?: string[]) {
  try {
    return proportionsPerAnswer(data, w, d, { codes });
  } catch (e) {
    if (e instanceof SurveyStatsError) return e;
    throw e;
  }
}

describe('one pass over all answers and domains', () => {
  it('equals the per-answer path for every weighting, domain and answer (random counters)', () => {
    fc.assert(
      fc.property(
        countsArb,
        targetsArb,
        fc.constantFrom('none', 'poststratify', 'rake', 'rake-trimmed'),
        fc.boolean(),
        (counts, targets, method, givenCodes) => {
          const data = fromCounts(['sex', 'age'], counts);
          let w: TWeighting;
          try {
            w =
              method === 'none'
                ? noWeighting(data)
                : method === 'poststratify'
                  ? postStratify(data, targets.post)
                  : rake(data, targets.margins, { maxit: 500, epsilon: 1e-12 });
            if (method === 'rake-trimmed' && counts.every((c) => c.sw === undefined))
              w = trimWeights(w, { upper: 2 * Math.min(...w.cells.map((c) => (c.sw / c.n) * c.g)) });
          } catch (e) {
            if (e instanceof SurveyStatsError) return;
            throw e;
          }
          const strata = [...new Set(counts.map((c) => c.stratum))];
          const domains: TDomain[] = [
            {},
            ...strata.map((s) => ({ strata: [s] })),
            ...strata.flatMap((s) => [...GROUPS, 'missing'].map((group) => ({ strata: [s], group }))),
            { group: null }
          ];
          const codes = givenCodes ? ['d', 'c', 'a', 'b'] : undefined;
          const many = proportionsMany(data, w, domains, { codes });
          expect(many).toHaveLength(domains.length);
          domains.forEach((d, i) => expectSame(many[i], reference(data, w, d, codes)));
        }
      ),
      { numRuns: 80 }
    );
  });

  it('throws like the per-answer path for a single domain (proportions)', () => {
    const data = fromCounts(['sex'], [{ stratum: 'w1', cell: ['female'], answer: null, n: 3 }]);
    expect(() => proportions(data, noWeighting(data))).toThrow(
      reference(data, noWeighting(data), {}) as SurveyStatsError
    );
  });

  it('equals the per-answer path when the weighting has too many cells for the operator (passes per answer)', () => {
    const levels = Array.from({ length: 40 }, (_, i) => `l${i}`);
    const counts: TCellCount[] = [];
    levels.forEach((x, i) =>
      levels.forEach((y, j) =>
        ANSWERS.forEach((answer, k) =>
          counts.push({
            stratum: 'w1',
            cell: [x, y],
            answer,
            group: GROUPS[(i + j) % 3],
            n: 1 + ((i * 7 + j * 3 + k) % 5)
          })
        )
      )
    );
    const data = fromCounts(['x', 'y'], counts);
    const margins: TTarget[] = ['x', 'y'].map((v) => ({
      variables: [v],
      cells: levels.map((l, i) => ({ levels: [l], total: 100 + i }))
    }));
    const w = rake(data, margins, { maxit: 500, epsilon: 1e-12 });
    expect(w.cells.length).toBeGreaterThan(1500);
    const domains: TDomain[] = [{}, { group: 'g2' }];
    proportionsMany(data, w, domains).forEach((got, i) => expectSame(got, reference(data, w, domains[i])));
  });
});
