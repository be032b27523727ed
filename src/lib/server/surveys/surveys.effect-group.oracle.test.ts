/**
 * Difference-in-differences against a comparison group, checked against R: tests/oracle/did_group.R fitted
 * svyglm(I(q == code) ~ wave * target) on the oracle's generated data (medium, large) with the target group
 * formed from a weighting variable (counties against the rest or a chosen set; an age group against the rest)
 * and wrote tests/oracle/golden/did_group.json (committed; `npm run test:oracle` regenerates it with Rscript).
 * Here the same respondents go the way the counters go — summed per wave, cell, answer and group answer, then
 * relabelled target / comparison / other by `regroupCounts` — and the engine's DiD must agree with R within the
 * survey oracle's tolerances: estimates 1e-9 absolute, SEs 1e-6 relative.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  differenceInDifferences,
  fromCounts,
  noWeighting,
  postStratify,
  rake,
  type TCellCount,
  type TTarget,
  type TWeighting
} from '../../stats/survey';
import { COMPARISON, groupLabelOf, regroupCounts, resolveDidGroup, TARGET } from './surveys.effect-group';

const root = join(import.meta.dirname, '../../../../tests/oracle');
type TRow = Record<string, string>;
interface TGolden {
  name: string;
  estimates: {
    case: string;
    variable: 'county' | 'age';
    target: string[];
    comparison: string[];
    method: 'none' | 'poststratify' | 'rake';
    code: string;
    estimate: number;
    se: number;
  }[];
}

const golden = JSON.parse(readFileSync(join(root, 'golden', 'did_group.json'), 'utf8')) as Record<string, TGolden>;
const deviations = { estimate: 0, se: 0 };

for (const name of ['medium', 'large']) {
  describe(`group DiD oracle: ${name}`, () => {
    const csv = (file: string) => parse(readFileSync(join(root, 'data', file)), { columns: true }) as TRow[];
    const rows = csv(`${name}.responses.csv`);
    const margins = csv(`${name}.margins.csv`);
    const base = JSON.parse(readFileSync(join(root, 'golden', `${name}.json`), 'utf8')) as {
      poststratify_cells: { sex: string; age: string; population: number }[];
    };
    const variables = ['sex', 'age', 'county'];
    const marginOf = (v: string): TTarget => ({
      variables: [v],
      cells: margins.filter((m) => m.variable === v).map((m) => ({ levels: [m.level], total: Number(m.total) }))
    });
    const psTarget: TTarget = {
      variables: ['sex', 'age'],
      cells: base.poststratify_cells.map((c) => ({ levels: [c.sex, c.age], total: c.population }))
    };

    /** The respondents as counters: per (wave, cell, answer, answer of the group variable), n, Σw0 and Σw0². */
    const countsBy = (variable: string): TCellCount[] => {
      const sums = new Map<string, TCellCount & { sw: number; sw2: number }>();
      for (const r of rows) {
        const answer = r.q === '' ? null : r.q;
        const key = [r.wave, r.sex, r.age, r.county, answer ?? '', r[variable]].join('|');
        const w0 = Number(r.w0);
        const c = sums.get(key);
        if (c) {
          c.n += 1;
          c.sw += w0;
          c.sw2 += w0 * w0;
        } else
          sums.set(key, {
            stratum: r.wave,
            cell: [r.sex, r.age, r.county],
            answer,
            group: r[variable],
            n: 1,
            sw: w0,
            sw2: w0 * w0
          });
      }
      return [...sums.values()];
    };

    it('the DiD of a target group against the rest or a chosen comparison agrees with R', () => {
      const g = golden[name];
      expect(g.estimates.length).toBe(18);
      for (const e of g.estimates) {
        const target = [e.target].flat();
        const chosen = [e.comparison].flat();
        const levels = [...new Set(rows.map((r) => r[e.variable]))].sort();
        const split = resolveDidGroup(levels, target, chosen);
        expect(split.problem).toBeNull();
        const counts = regroupCounts(countsBy(e.variable), groupLabelOf(split.target, split.comparison));
        const data = fromCounts(variables, counts);
        const w: TWeighting =
          e.method === 'none'
            ? noWeighting(data)
            : e.method === 'poststratify'
              ? postStratify(data, psTarget)
              : rake(data, variables.map(marginOf), { maxit: 50, epsilon: 1e-9 });
        const d = differenceInDifferences(data, w, {
          code: e.code,
          before: 'w1',
          after: 'w2',
          exposed: TARGET,
          unexposed: COMPARISON
        });
        const what = `${e.case} ${e.method} ${e.code}`;
        deviations.estimate = Math.max(deviations.estimate, Math.abs(d.estimate - e.estimate));
        deviations.se = Math.max(deviations.se, Math.abs(d.se - e.se) / e.se);
        expect(Math.abs(d.estimate - e.estimate), `${what}: ${d.estimate} vs R ${e.estimate}`).toBeLessThanOrEqual(
          1e-9
        );
        expect(Math.abs(d.se - e.se) / e.se, `${what}: SE ${d.se} vs R ${e.se}`).toBeLessThanOrEqual(1e-6);
      }
    });
  });
}

describe('group DiD oracle: largest deviations', () => {
  it('are within the tolerances (printed for docs/campaigns.md)', () => {
    console.log(`group DiD oracle largest deviations: ${JSON.stringify(deviations)}`);
    expect(deviations.estimate).toBeLessThanOrEqual(1e-9);
    expect(deviations.se).toBeLessThanOrEqual(1e-6);
  });
});
