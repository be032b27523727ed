/**
 * The engine against R's survey package: tests/oracle/oracle.R wrote the data and R's results
 * (golden files, committed); `npm run test:oracle` regenerates them with Rscript and runs this file.
 * Tolerances of issue 7: weights 1e-6 relative, estimates 1e-9 absolute, SEs 1e-6 relative.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  cellKeyOf,
  difference,
  differenceInDifferences,
  fromMicrodata,
  mean,
  noWeighting,
  postStratify,
  proportions,
  proportionsBy,
  rake,
  trimWeights,
  weightOf,
  type TTarget,
  type TWeighting
} from './index';

const root = join(import.meta.dirname, '../../../../tests/oracle');

interface TGoldenEstimate {
  method: 'none' | 'poststratify' | 'rake';
  kind: 'proportion' | 'proportion_by' | 'mean' | 'group_difference' | 'wave_difference' | 'did';
  wave: string;
  group: string | null;
  code: string | null;
  estimate: number;
  se: number;
  deff?: number;
  ci_low?: number;
  ci_high?: number;
  logit_ci_low?: number;
  logit_ci_high?: number;
}
interface TGolden {
  name: string;
  rake_variables: string[];
  poststratify_variables: string | string[];
  poststratify_cells: { sex: string; age: string; population: number }[] | Record<string, never>;
  weights: Record<string, number[]>;
  estimates: TGoldenEstimate[];
}

type TRow = Record<string, string>;

const deviations = { weight: 0, estimate: 0, se: 0, ci: 0, deff: 0, did_estimate: 0, did_se: 0 };
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

function expectRelative(kind: 'weight' | 'se' | 'ci' | 'deff', actual: number, expected: number, tol: number) {
  const d = expected === 0 ? Math.abs(actual) : relative(actual, expected);
  deviations[kind] = Math.max(deviations[kind], d);
  expect(d, `${kind}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(tol);
}

function load(name: string) {
  const csv = (file: string) => parse(readFileSync(join(root, 'data', file)), { columns: true }) as TRow[];
  const rows = csv(`${name}.responses.csv`);
  const margins = csv(`${name}.margins.csv`);
  const golden = JSON.parse(readFileSync(join(root, 'golden', `${name}.json`), 'utf8')) as TGolden;
  return { rows, margins, golden };
}

for (const name of ['small', 'unequal', 'medium', 'large']) {
  describe(`oracle: ${name}`, () => {
    const { rows, margins, golden } = load(name);
    const variables = golden.rake_variables;
    const cellOf = (r: TRow) => variables.map((v) => r[v]);
    const q = fromMicrodata(
      variables,
      rows.map((r) => ({
        stratum: r.wave,
        cell: cellOf(r),
        value: r.q === '' ? null : r.q,
        group: r.exposed,
        weight: Number(r.w0)
      }))
    );
    const x = fromMicrodata(
      variables,
      rows.map((r) => ({
        stratum: r.wave,
        cell: cellOf(r),
        value: r.x === '' ? null : Number(r.x),
        weight: Number(r.w0)
      })),
      'numeric'
    );
    const marginOf = (v: string): TTarget => ({
      variables: [v],
      cells: margins.filter((m) => m.variable === v).map((m) => ({ levels: [m.level], total: Number(m.total) }))
    });
    const psTarget: TTarget = Array.isArray(golden.poststratify_cells)
      ? {
          variables: ['sex', 'age'],
          cells: golden.poststratify_cells.map((c) => ({ levels: [c.sex, c.age], total: c.population }))
        }
      : marginOf(String(golden.poststratify_variables));
    const control = { maxit: 50, epsilon: 1e-9 };
    const weightings = (data: typeof q): Record<string, TWeighting> => ({
      none: noWeighting(data),
      poststratify: postStratify(data, psTarget),
      rake: rake(data, variables.map(marginOf), control)
    });
    const wq = weightings(q);
    const wx = weightings(x);

    it('weights: post-stratified and raked weights of every respondent agree with R (≤ 1e-6 relative)', () => {
      for (const method of ['poststratify', 'rake'] as const)
        rows.forEach((r, i) =>
          expectRelative(
            'weight',
            weightOf(wq[method], cellKeyOf(r.wave, cellOf(r)), Number(r.w0)),
            golden.weights[method][i],
            1e-6
          )
        );
      if (golden.weights.rake_trim) {
        const [lower, upper] = golden.weights.rake_trim_bounds;
        const trimmed = trimWeights(wq.rake, { lower, upper });
        rows.forEach((r, i) =>
          expectRelative(
            'weight',
            weightOf(trimmed, cellKeyOf(r.wave, cellOf(r)), Number(r.w0)),
            golden.weights.rake_trim[i],
            1e-6
          )
        );
      }
    });

    it('estimates, SEs, design effects and intervals agree with R', () => {
      for (const g of golden.estimates) {
        const w = g.kind === 'mean' || (g.kind === 'wave_difference' && g.code === null) ? wx[g.method] : wq[g.method];
        const check = (est: number, se: number) => {
          deviations.estimate = Math.max(deviations.estimate, Math.abs(est - g.estimate));
          expect(
            Math.abs(est - g.estimate),
            `${g.method} ${g.kind} ${g.wave} ${g.code}: ${est} vs R ${g.estimate}`
          ).toBeLessThanOrEqual(1e-9);
          expectRelative('se', se, g.se, 1e-6);
        };
        if (g.kind === 'proportion') {
          const a = proportions(q, w, { strata: [g.wave] }, { codes: ['a', 'b', 'c', 'd'] }).answers.find(
            (p) => p.code === g.code
          )!;
          check(a.proportion, a.se);
          expectRelative('deff', a.deff, g.deff!, 1e-6);
          expectRelative('ci', a.ci_low, g.ci_low!, 1e-6);
          expectRelative('ci', a.ci_high, g.ci_high!, 1e-6);
          expectRelative('ci', a.logit_ci_low, g.logit_ci_low!, 1e-6);
          expectRelative('ci', a.logit_ci_high, g.logit_ci_high!, 1e-6);
        } else if (g.kind === 'proportion_by') {
          const by = proportionsBy(q, w, { strata: [g.wave] }, { codes: ['a', 'b', 'c', 'd'] });
          const a = by.find((b) => b.group === g.group)!.result.answers.find((p) => p.code === g.code)!;
          check(a.proportion, a.se);
        } else if (g.kind === 'mean') {
          const m = mean(x, w, { strata: [g.wave] });
          check(m.mean, m.se);
          expectRelative('deff', m.deff, g.deff!, 1e-6);
          expectRelative('ci', m.ci_low, g.ci_low!, 1e-6);
          expectRelative('ci', m.ci_high, g.ci_high!, 1e-6);
        } else if (g.kind === 'group_difference') {
          const d = difference(q, w, g.code, { strata: [g.wave], group: 'no' }, { strata: [g.wave], group: 'yes' });
          check(d.difference, d.se);
        } else if (g.kind === 'did') {
          // svyglm(I(q == code) ~ wave * exposed): the wave:exposed interaction.
          const d = differenceInDifferences(q, w, {
            code: g.code,
            before: 'w1',
            after: 'w2',
            exposed: 'yes',
            unexposed: 'no'
          });
          check(d.estimate, d.se);
          deviations.did_estimate = Math.max(deviations.did_estimate, Math.abs(d.estimate - g.estimate));
          deviations.did_se = Math.max(deviations.did_se, relative(d.se, g.se));
        } else {
          const data = g.code === null ? x : q;
          const d = difference(data, w, g.code, { strata: ['w1'] }, { strata: ['w2'] });
          check(d.difference, d.se);
        }
      }
    });
  });
}

describe('oracle: largest deviations', () => {
  it('are within the tolerances (printed for docs/surveys.md)', () => {
    console.log(`oracle largest deviations: ${JSON.stringify(deviations)}`);
    expect(deviations.estimate).toBeLessThanOrEqual(1e-9);
    expect(deviations.did_se).toBeGreaterThan(0);
  });
});
