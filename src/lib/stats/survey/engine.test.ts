import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  difference,
  differenceInDifferences,
  fromCounts,
  fromMicrodata,
  mean,
  noWeighting,
  pnorm,
  postStratify,
  proportions,
  qnorm,
  rake,
  SurveyStatsError,
  trimWeights,
  type TCellCount,
  type TRespondent,
  type TTarget
} from './index';

const SEXES = ['female', 'male'];
const AGES = ['16-29', '30-59', '60+'];
const ANSWERS = ['a', 'b', 'c'];

function errorOf(f: () => unknown): SurveyStatsError {
  try {
    f();
  } catch (e) {
    if (e instanceof SurveyStatsError) return e;
    throw e;
  }
  throw new Error('expected a SurveyStatsError');
}

/** Random counters: every (stratum, sex, age) cell has at least one respondent. */
const countsArb = fc
  .record({
    strata: fc.integer({ min: 1, max: 2 }),
    counts: fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 4, maxLength: 4 }), {
      minLength: 12,
      maxLength: 12
    })
  })
  .map(({ strata, counts }) => {
    const rows: TCellCount[] = [];
    let k = 0;
    for (let s = 0; s < strata; s++)
      for (const sex of SEXES)
        for (const age of AGES) {
          const c = counts[k++];
          if (c.reduce((x, y) => x + y, 0) === 0) c[0] = 1;
          if (c.reduce((x, y) => x + y, 0) < 2) c[1] += 1;
          [...ANSWERS, null].forEach((answer, i) =>
            rows.push({ stratum: `w${s + 1}`, cell: [sex, age], answer, n: c[i] })
          );
        }
    return rows;
  });

const marginsArb = fc
  .record({
    sex: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 2 }),
    age: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 3, maxLength: 3 })
  })
  .map(({ sex, age }): TTarget[] => {
    // Scale the age totals so that both margins sum to the same population.
    const total = sex.reduce((a, b) => a + b, 0);
    const ageSum = age.reduce((a, b) => a + b, 0);
    return [
      { variables: ['sex'], cells: SEXES.map((l, i) => ({ levels: [l], total: sex[i] })) },
      { variables: ['age'], cells: AGES.map((l, i) => ({ levels: [l], total: (age[i] * total) / ageSum })) }
    ];
  });

describe('normal distribution', () => {
  it('has the quantiles and tail areas of R (qnorm, pnorm)', () => {
    expect(qnorm(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(qnorm(0.5)).toBe(0);
    expect(qnorm(1e-12)).toBeCloseTo(-7.034483825301132, 12);
    expect(pnorm(-1.96)).toBeCloseTo(0.024997895148220428, 15);
    expect(pnorm(-8)).toBeCloseTo(6.220960574271785e-16, 25);
  });
  it('pnorm inverts qnorm', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }), (p) => {
        expect(Math.abs(pnorm(qnorm(p)) - p)).toBeLessThan(1e-13);
      })
    );
  });
});

describe('weighting', () => {
  it('raked weights reproduce every margin in every stratum', () => {
    fc.assert(
      fc.property(countsArb, marginsArb, (counts, margins) => {
        const data = fromCounts(['sex', 'age'], counts);
        const w = rake(data, margins, { maxit: 500, epsilon: 1e-12 });
        for (const stratum of new Set(counts.map((c) => c.stratum)))
          margins.forEach((m, mi) =>
            m.cells.forEach((cell) => {
              const got = w.cells
                .filter((c) => c.stratum === stratum && c.cell[mi] === cell.levels[0])
                .reduce((s, c) => s + c.sw * c.g, 0);
              expect(Math.abs(got - cell.total) / cell.total).toBeLessThan(1e-6);
            })
          );
      }),
      { numRuns: 60 }
    );
  });

  it('post-stratified weights reproduce the population of every cell exactly', () => {
    fc.assert(
      fc.property(
        countsArb,
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 6, maxLength: 6 }),
        (counts, t) => {
          const target: TTarget = {
            variables: ['sex', 'age'],
            cells: SEXES.flatMap((s, i) => AGES.map((a, j) => ({ levels: [s, a], total: t[i * 3 + j] })))
          };
          const w = postStratify(fromCounts(['sex', 'age'], counts), target);
          for (const c of w.cells) {
            const total = target.cells.find((x) => x.levels[0] === c.cell[0] && x.levels[1] === c.cell[1])!.total;
            expect(c.sw * c.g).toBeCloseTo(total, 6);
          }
        }
      ),
      { numRuns: 60 }
    );
  });

  it('names the cell when a margin category has no respondents', () => {
    const data = fromCounts(['sex'], [{ stratum: 'w1', cell: ['female'], answer: 'a', n: 3 }]);
    const e = errorOf(() =>
      postStratify(data, {
        variables: ['sex'],
        cells: [
          { levels: ['female'], total: 10 },
          { levels: ['male'], total: 10 }
        ]
      })
    );
    expect(e.key).toBe('surveys.error.noRespondents');
    expect(e.params.cell).toBe('sex=male (stratum w1)');
  });

  it('names the cell when respondents fall outside the margins', () => {
    const data = fromCounts(
      ['sex'],
      [
        { stratum: 'w1', cell: ['female'], answer: 'a', n: 3 },
        { stratum: 'w1', cell: ['other'], answer: 'a', n: 2 }
      ]
    );
    const e = errorOf(() => postStratify(data, { variables: ['sex'], cells: [{ levels: ['female'], total: 10 }] }));
    expect(e.key).toBe('surveys.error.notInMargins');
    expect(e.message).toContain('sex=other (stratum w1)');
  });

  it('refuses margins that do not sum to the same total', () => {
    const data = fromCounts(['sex', 'age'], [{ stratum: 'w1', cell: ['female', '16-29'], answer: 'a', n: 3 }]);
    const e = errorOf(() =>
      rake(data, [
        { variables: ['sex'], cells: [{ levels: ['female'], total: 10 }] },
        { variables: ['age'], cells: [{ levels: ['16-29'], total: 11 }] }
      ])
    );
    expect(e.key).toBe('surveys.error.marginTotals');
    expect(e.params).toMatchObject({ firstTotal: 10, otherTotal: 11 });
  });

  it('reports the last change when raking does not converge', () => {
    const counts: TCellCount[] = [
      { stratum: 'w1', cell: ['female', 'young'], answer: 'a', n: 30 },
      { stratum: 'w1', cell: ['female', 'old'], answer: 'a', n: 5 },
      { stratum: 'w1', cell: ['male', 'young'], answer: 'a', n: 2 },
      { stratum: 'w1', cell: ['male', 'old'], answer: 'a', n: 40 }
    ];
    const margins: TTarget[] = [
      {
        variables: ['sex'],
        cells: [
          { levels: ['female'], total: 500 },
          { levels: ['male'], total: 500 }
        ]
      },
      {
        variables: ['age'],
        cells: [
          { levels: ['young'], total: 300 },
          { levels: ['old'], total: 700 }
        ]
      }
    ];
    const e = errorOf(() => rake(fromCounts(['sex', 'age'], counts), margins, { maxit: 2, epsilon: 1e-9 }));
    expect(e.key).toBe('surveys.error.notConverged');
    expect(e.params.iterations).toBe(2);
    expect(Number(e.params.lastChange)).toBeGreaterThan(0);
    // With enough sweeps the same margins converge.
    expect(rake(fromCounts(['sex', 'age'], counts), margins).iterations).toBeGreaterThan(2);
  });

  it('trimming keeps the total and the bounds (strict)', () => {
    fc.assert(
      fc.property(countsArb, marginsArb, (counts, margins) => {
        const data = fromCounts(['sex', 'age'], counts);
        const w = rake(data, margins, { maxit: 500, epsilon: 1e-12 });
        const unit = w.cells.map((c) => (c.sw / c.n) * c.g);
        const avg = w.cells.reduce((s, c) => s + c.sw * c.g, 0) / w.cells.reduce((s, c) => s + c.n, 0);
        const upper = Math.max(avg * 1.5, ...unit.map((u) => u * 0.9));
        const t = trimWeights(w, { upper, lower: 0, strict: true });
        const before = w.cells.reduce((s, c) => s + c.sw * c.g, 0);
        const after = t.cells.reduce((s, c) => s + c.sw * c.g * c.t, 0);
        expect(Math.abs(after - before) / before).toBeLessThan(1e-9);
        for (const c of t.cells) expect((c.sw / c.n) * c.g * c.t).toBeLessThanOrEqual(upper * (1 + 1e-9));
      }),
      { numRuns: 40 }
    );
  });
});

describe('estimates', () => {
  it('proportions and their logit intervals lie in [0, 1] and add up to 1', () => {
    fc.assert(
      fc.property(countsArb, marginsArb, (counts, margins) => {
        const data = fromCounts(['sex', 'age'], counts);
        const res = proportions(data, rake(data, margins, { maxit: 500, epsilon: 1e-12 }));
        expect(res.answers.reduce((s, a) => s + a.proportion, 0)).toBeCloseTo(1, 12);
        for (const a of res.answers) {
          expect(a.proportion).toBeGreaterThanOrEqual(0);
          expect(a.proportion).toBeLessThanOrEqual(1);
          expect(a.logit_ci_low).toBeGreaterThanOrEqual(0);
          expect(a.logit_ci_high).toBeLessThanOrEqual(1);
          expect(a.logit_ci_low).toBeLessThanOrEqual(a.proportion);
          expect(a.se).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 60 }
    );
  });

  it('unweighted: the textbook p = k/n, SE = √(p(1−p)/(n−1)), deff 1, Wald interval p ± 1.96·SE', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 2, max: 500 }), (k0, n) => {
        const k = k0 % (n + 1);
        const data = fromCounts(
          ['all'],
          [
            { stratum: 's', cell: ['x'], answer: 'yes', n: k },
            { stratum: 's', cell: ['x'], answer: 'no', n: n - k }
          ]
        );
        const a = proportions(data, noWeighting(data), {}, { codes: ['yes', 'no'] }).answers[0];
        const p = k / n;
        expect(a.proportion).toBeCloseTo(p, 14);
        expect(a.se).toBeCloseTo(Math.sqrt((p * (1 - p)) / (n - 1)), 12);
        if (k > 0 && k < n) expect(a.deff).toBeCloseTo(1, 10);
        expect(a.ci_low).toBeCloseTo(p - 1.959963984540054 * a.se, 12);
        expect(a.n).toBe(k);
      })
    );
  });

  it('unweighted difference between two waves: SE² = p₁q₁/(n₁−1) + p₂q₂/(n₂−1), two-sided z-test', () => {
    const data = fromCounts(
      ['all'],
      [
        { stratum: '2017', cell: ['x'], answer: 'yes', n: 140 },
        { stratum: '2017', cell: ['x'], answer: 'no', n: 860 },
        { stratum: '2018', cell: ['x'], answer: 'yes', n: 160 },
        { stratum: '2018', cell: ['x'], answer: 'no', n: 840 }
      ]
    );
    const d = difference(data, noWeighting(data), 'yes', { strata: ['2017'] }, { strata: ['2018'] });
    const se = Math.sqrt((0.14 * 0.86) / 999 + (0.16 * 0.84) / 999);
    expect(d.difference).toBeCloseTo(0.02, 14);
    expect(d.se).toBeCloseTo(se, 14);
    expect(d.p_value).toBeCloseTo(2 * pnorm(-0.02 / se), 14);
    expect(d.significant).toBe(false);
  });

  it('the counter path equals the microdata path (weights, estimates, SEs, differences)', () => {
    fc.assert(
      fc.property(countsArb, marginsArb, (counts, margins) => {
        const people: TRespondent[] = counts.flatMap((c) =>
          Array.from({ length: c.n }, () => ({
            stratum: c.stratum,
            cell: c.cell,
            value: c.answer,
            group: c.cell[0]
          }))
        );
        const withGroups = counts.map((c) => ({ ...c, group: c.cell[0] }));
        const a = fromCounts(['sex', 'age'], withGroups);
        const b = fromMicrodata(['sex', 'age'], people);
        const wa = rake(a, margins, { maxit: 500, epsilon: 1e-12 });
        const wb = rake(b, margins, { maxit: 500, epsilon: 1e-12 });
        for (const c of wa.cells) expect(wb.cells[wb.index.get(c.key)!].g).toBeCloseTo(c.g, 9);
        const pa = proportions(a, wa, {}, { codes: ANSWERS });
        const pb = proportions(b, wb, {}, { codes: ANSWERS });
        pa.answers.forEach((x, i) => {
          expect(pb.answers[i].proportion).toBeCloseTo(x.proportion, 12);
          expect(pb.answers[i].se).toBeCloseTo(x.se, 12);
        });
        const da = difference(a, wa, 'a', { group: 'female' }, { group: 'male' });
        const db = difference(b, wb, 'a', { group: 'female' }, { group: 'male' });
        expect(db.se).toBeCloseTo(da.se, 12);
      }),
      { numRuns: 40 }
    );
  });

  it('counters with Σw and Σw² equal microdata with the same base weights', () => {
    const people: TRespondent[] = [
      { stratum: 'w1', cell: ['f'], value: 'a', weight: 1.5 },
      { stratum: 'w1', cell: ['f'], value: 'a', weight: 0.5 },
      { stratum: 'w1', cell: ['f'], value: 'b', weight: 2 },
      { stratum: 'w1', cell: ['m'], value: 'a', weight: 1 },
      { stratum: 'w1', cell: ['m'], value: 'b', weight: 3 },
      { stratum: 'w1', cell: ['m'], value: null, weight: 1 }
    ];
    const counts: TCellCount[] = [
      { stratum: 'w1', cell: ['f'], answer: 'a', n: 2, sw: 2, sw2: 2.5 },
      { stratum: 'w1', cell: ['f'], answer: 'b', n: 1, sw: 2, sw2: 4 },
      { stratum: 'w1', cell: ['m'], answer: 'a', n: 1, sw: 1, sw2: 1 },
      { stratum: 'w1', cell: ['m'], answer: 'b', n: 1, sw: 3, sw2: 9 },
      { stratum: 'w1', cell: ['m'], answer: null, n: 1 }
    ];
    const target: TTarget = {
      variables: ['sex'],
      cells: [
        { levels: ['f'], total: 60 },
        { levels: ['m'], total: 40 }
      ]
    };
    const a = fromCounts(['sex'], counts);
    const b = fromMicrodata(['sex'], people);
    const ra = proportions(a, postStratify(a, target));
    const rb = proportions(b, postStratify(b, target));
    expect(rb.answers[0].se).toBeCloseTo(ra.answers[0].se, 14);
    expect(rb.answers[0].proportion).toBeCloseTo(ra.answers[0].proportion, 14);
    expect(ra.base_n).toBe(5);
  });

  it('a numeric mean: the unweighted case is the sample mean with SE s/√n', () => {
    const ys = [1, 2, 2, 3, 5, 7, 7];
    const data = fromMicrodata(
      ['all'],
      ys.map((y) => ({ stratum: 's', cell: ['x'], value: y })),
      'numeric'
    );
    const m = mean(data, noWeighting(data));
    const avg = ys.reduce((a, b) => a + b, 0) / ys.length;
    const s2 = ys.reduce((a, y) => a + (y - avg) ** 2, 0) / (ys.length - 1);
    expect(m.mean).toBeCloseTo(avg, 14);
    expect(m.se).toBeCloseTo(Math.sqrt(s2 / ys.length), 14);
    expect(m.deff).toBeCloseTo(1, 12);
  });

  it('refuses a stratum with a single respondent (its variance is unknown), naming it', () => {
    const data = fromCounts(
      ['all'],
      [
        { stratum: 'w1', cell: ['x'], answer: 'a', n: 1 },
        { stratum: 'w2', cell: ['x'], answer: 'a', n: 3 },
        { stratum: 'w2', cell: ['x'], answer: 'b', n: 2 }
      ]
    );
    const e = errorOf(() => proportions(data, noWeighting(data)));
    expect(e.key).toBe('surveys.error.singleRespondentStratum');
    expect(e.params.stratum).toBe('w1');
    // Another wave's estimate does not depend on it.
    expect(proportions(data, noWeighting(data), { strata: ['w2'] }).base_n).toBe(5);
  });
});

describe('difference-in-differences', () => {
  const cellsOf = (counts: readonly (readonly [string, string, number, number])[]): TCellCount[] =>
    counts.flatMap(([stratum, group, yes, no]) => [
      { stratum, cell: ['x'], answer: 'yes', group, n: yes },
      { stratum, cell: ['x'], answer: 'no', group, n: no }
    ]);
  const args = { code: 'yes', before: 'w1', after: 'w2', exposed: 'e', unexposed: 'u' };

  it('unweighted, one cell: the textbook DiD of four proportions, SE² = Σ_wave n/(n−1)·(pₑqₑ/nₑ + pᵤqᵤ/nᵤ)', () => {
    const domain = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }));
    const nonEmpty = domain.filter(([a, b]) => a + b > 0);
    fc.assert(
      fc.property(nonEmpty, nonEmpty, nonEmpty, nonEmpty, (be, bu, ae, au) => {
        const data = fromCounts(
          ['all'],
          cellsOf([
            ['w1', 'e', ...be],
            ['w1', 'u', ...bu],
            ['w2', 'e', ...ae],
            ['w2', 'u', ...au]
          ])
        );
        const d = differenceInDifferences(data, noWeighting(data), args);
        const p = ([y, n]: readonly [number, number]) => y / (y + n);
        const v = ([y, n]: readonly [number, number]) => (p([y, n]) * (1 - p([y, n]))) / (y + n);
        const est = p(ae) - p(au) - (p(be) - p(bu));
        const nb = be[0] + be[1] + bu[0] + bu[1];
        const na = ae[0] + ae[1] + au[0] + au[1];
        const se = Math.sqrt((nb / (nb - 1)) * (v(be) + v(bu)) + (na / (na - 1)) * (v(ae) + v(au)));
        expect(d.estimate).toBeCloseTo(est, 12);
        expect(d.se).toBeCloseTo(se, 12);
        // Each part is a share in [0, 1], so the DiD lies in [−2, 2] (not [−1, 1]: 0 − 1 − (1 − 0) = −2).
        expect(d.estimate).toBeGreaterThanOrEqual(-2 - 1e-12);
        expect(d.estimate).toBeLessThanOrEqual(2 + 1e-12);
        expect(d.n).toEqual({
          before_exposed: be[0] + be[1],
          before_unexposed: bu[0] + bu[1],
          after_exposed: ae[0] + ae[1],
          after_unexposed: au[0] + au[1]
        });
        expect(d.parts.after_exposed).toBeCloseTo(p(ae), 14);
      })
    );
  });

  it('weighted: the parts lie in [0, 1] and the estimate equals the four weighted domain shares combined', () => {
    fc.assert(
      fc.property(countsArb, marginsArb, (counts, margins) => {
        const withGroups = counts.map((c) => ({ ...c, group: c.cell[1] === '60+' ? 'e' : 'u' }));
        const twoWaves = [...withGroups, ...withGroups.map((c) => ({ ...c, stratum: 'w2' }))].filter(
          (c, i, all) =>
            all.findIndex(
              (x) => x.stratum === c.stratum && x.cell.join() === c.cell.join() && x.answer === c.answer
            ) === i
        );
        const data = fromCounts(['sex', 'age'], twoWaves);
        const w = rake(data, margins, { maxit: 500, epsilon: 1e-12 });
        let d;
        try {
          d = differenceInDifferences(data, w, { code: 'a', before: 'w1', after: 'w2', exposed: 'e', unexposed: 'u' });
        } catch (e) {
          if (e instanceof SurveyStatsError && e.key === 'surveys.error.noRespondents') return;
          throw e;
        }
        for (const part of Object.values(d.parts)) expect(part).toBeGreaterThanOrEqual(-1e-12);
        for (const part of Object.values(d.parts)) expect(part).toBeLessThanOrEqual(1 + 1e-12);
        expect(Math.abs(d.estimate)).toBeLessThanOrEqual(2 + 1e-12);
        const share = (stratum: string, group: string) =>
          proportions(data, w, { strata: [stratum], group }, { codes: ANSWERS }).answers[0].proportion;
        expect(d.estimate).toBeCloseTo(share('w2', 'e') - share('w2', 'u') - share('w1', 'e') + share('w1', 'u'), 12);
        expect(d.ci_low).toBeLessThanOrEqual(d.estimate);
        expect(d.p_value).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 40 }
    );
  });

  it('a domain without respondents is a clear error naming it', () => {
    const data = fromCounts(
      ['all'],
      cellsOf([
        ['w1', 'e', 3, 4],
        ['w1', 'u', 5, 6],
        ['w2', 'u', 7, 8]
      ])
    );
    const e = errorOf(() => differenceInDifferences(data, noWeighting(data), args));
    expect(e.key).toBe('surveys.error.noRespondents');
    expect(e.params.cell).toBe('stratum w2, group e');
  });
});
