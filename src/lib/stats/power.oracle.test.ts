/**
 * The planner's formulas against R's power.prop.test: tests/oracle/power.R wrote the golden file
 * (committed); `npm run test:oracle` regenerates it with Rscript and runs this file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdeBeforeAfter, sampleBeforeAfter, twoProportionPower } from './power';

type TCase =
  | { kind: 'n'; p1: number; p2: number; alpha: number; power: number; n: number }
  | { kind: 'p2'; p1: number; n: number; alpha: number; power: number; p2: number | null }
  | { kind: 'power'; p1: number; p2: number; n: number; alpha: number; power: number };

const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../tests/oracle/golden/power.json'), 'utf8')
) as { cases: TCase[] };

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('power.prop.test oracle', () => {
  it('has cases of every kind', () => {
    for (const kind of ['n', 'p2', 'power'])
      expect(golden.cases.filter((c) => c.kind === kind).length).toBeGreaterThan(20);
  });

  it('gives the sample per wave R gives (≤ 1e-6 relative)', () => {
    for (const c of golden.cases)
      if (c.kind === 'n') expect(relErr(sampleBeforeAfter(c.p1, c.p2, c), c.n), JSON.stringify(c)).toBeLessThan(1e-6);
  });

  it('gives the detectable p2 R gives (≤ 1e-8 absolute)', () => {
    for (const c of golden.cases)
      if (c.kind === 'p2') {
        const { mde } = mdeBeforeAfter(c.p1, c.n, c.n, c);
        if (c.p2 === null) expect(mde, JSON.stringify(c)).toBeNull();
        else expect(Math.abs(c.p1 + mde! - c.p2), JSON.stringify(c)).toBeLessThan(1e-8);
      }
  });

  it('gives the power R gives (≤ 1e-12 absolute)', () => {
    for (const c of golden.cases)
      if (c.kind === 'power')
        expect(Math.abs(twoProportionPower(c.p1, c.p2, c.n, c.n, { alpha: c.alpha }) - c.power)).toBeLessThan(1e-12);
  });
});
