import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  difference,
  differenceInDifferences,
  fromCounts,
  isSurveyStatsError,
  noWeighting,
  proportions,
  type TCellCount
} from '../../stats/survey';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin, surveyHeader, surveyQuestion } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ageGroups, type TSurveyDefinition } from '../../surveys/definition';
import { cellKey } from '../../surveys/response';
import { readSomeWaveCounters } from './surveys.counter-read';
import { effectEstimator } from './surveys.effect';
import type { TEffectCounts } from './surveys.effect-counts';
import * as repo from './surveys.repository';
import { weigh, type TWeightingMethod } from './surveys.results';
import { createSurvey, publishSurvey, saveWave, submitResponse } from './surveys.service';

// ——— The estimator on effect counts equals the engine on the same counts as TCellCounts (pure) ———

const sexes = ['female', 'male', 'other'];
const ages = ageGroups.map((a) => a.code);
const GROUPS = ['exposed', 'unexposed'];
const WAVES = ['before', 'after'];
/** Kinds of answer in TEffectCounts: the indicator's answer, another, none. */
const ANSWERS = ['yes', 'no', null];

/** Every sex × age cell of a wave (county not asked), with random respondents per kind of answer and group. */
const arbitraryCounts = fc
  .array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3 * 3, maxLength: 3 * 3 }), {
    minLength: 2 * sexes.length * ages.length,
    maxLength: 2 * sexes.length * ages.length
  })
  .map((perCell): TEffectCounts => {
    const cells = sexes.flatMap((sex) => ages.map((age) => cellKey([sex, age, ''])));
    const C = cells.length;
    return {
      waveIds: WAVES,
      groups: GROUPS,
      cells: [cells, cells],
      // Every margin category has respondents in every wave (else the weighting refuses, on both paths).
      n: [0, 1].map((s) => Float64Array.from(perCell.slice(s * C, (s + 1) * C).flatMap((x) => x.map((k) => k + 1))))
    };
  });

/** The same respondents as the engine's counts. */
function asCellCounts(counts: TEffectCounts): TCellCount[] {
  const out: TCellCount[] = [];
  const G1 = counts.groups.length + 1;
  counts.waveIds.forEach((stratum, s) =>
    counts.cells[s].forEach((key, c) => {
      const [sex, age] = key.split('|');
      for (let kind = 0; kind < 3; kind++)
        for (let g = 0; g < G1; g++) {
          const n = counts.n[s][(c * 3 + kind) * G1 + g];
          if (n > 0) out.push({ stratum, cell: [sex, age], answer: ANSWERS[kind], group: counts.groups[g] ?? null, n });
        }
    })
  );
  return out;
}

const close = (a: number | null | undefined, b: number) => {
  expect(a).not.toBeNull();
  expect(Math.abs(a! - b)).toBeLessThanOrEqual(1e-9 * Math.max(1e-3, Math.abs(b)));
};
const engine = <T>(f: () => T): T | null => {
  try {
    return f();
  } catch (e) {
    if (isSurveyStatsError(e)) return null;
    throw e;
  }
};

describe('effectEstimator on effect counts (pure)', () => {
  for (const method of ['none', 'poststratify', 'rake'] as TWeightingMethod[])
    it(`property (${method}): shares, differences and the DiD equal the engine's on the same counts`, () => {
      fc.assert(
        fc.property(arbitraryCounts, (counts) => {
          const variables = ['sex', 'age_group'] as const;
          const cellCounts = asCellCounts(counts);
          const wt = weigh([...variables], cellCounts, method);
          const data = wt.w ? fromCounts(wt.w.variables, wt.counts) : fromCounts(variables, cellCounts);
          const w = wt.w ?? noWeighting(data);
          const e = effectEstimator([...variables], counts, method);
          for (const [strata, group] of [
            [['before'], undefined],
            [['after'], undefined],
            [['after'], 'exposed'],
            [['before'], 'unexposed']
          ] as const) {
            const share = e.share('part', [...strata], group);
            const p = engine(() => proportions(data, w, { strata, group }, { codes: ['yes'] }));
            if (!p) expect(share.p).toBeNull();
            else {
              close(share.p, p.answers[0].proportion);
              close(share.se, p.answers[0].se);
              expect(share.n).toBe(p.base_n);
            }
          }
          const d = e.diff({ strata: ['after'], group: 'unexposed' }, { strata: ['after'], group: 'exposed' });
          const dRef = difference(
            data,
            w,
            'yes',
            { strata: ['after'], group: 'unexposed' },
            { strata: ['after'], group: 'exposed' }
          );
          close(d?.estimate, dRef.difference);
          close(d?.se, dRef.se);
          close(d?.ci_low, dRef.ci_low);
          close(d?.p_value, dRef.p_value);
          const did = e.didOf('before', 'after', 'exposed', 'unexposed');
          const didRef = differenceInDifferences(data, w, {
            code: 'yes',
            before: 'before',
            after: 'after',
            exposed: 'exposed',
            unexposed: 'unexposed'
          });
          close(did?.estimate, didRef.estimate);
          close(did?.se, didRef.se);
          close(did?.ci_high, didRef.ci_high);
          close(did?.p_value, didRef.p_value);
        }),
        { numRuns: 40 }
      );
    });

  it('a group nobody is in has no share, and no contrast with it', () => {
    const cells = [cellKey(['female', '16-24', ''])];
    const counts: TEffectCounts = {
      waveIds: WAVES,
      groups: GROUPS,
      cells: [cells, cells],
      // Only exposed respondents (group 0) in both waves.
      n: [Float64Array.from([5, 0, 0, 4, 0, 0, 1, 0, 0]), Float64Array.from([6, 0, 0, 2, 0, 0, 0, 0, 0])]
    };
    const e = effectEstimator(['sex', 'age_group'], counts, 'none');
    expect(e.share('after', ['after'])).toEqual({ p: 0.75, se: expect.any(Number), n: 8 });
    expect(e.share('unexposed', ['after'], 'unexposed')).toEqual({ p: null, se: null, n: 0 });
    expect(e.didOf('before', 'after', 'exposed', 'unexposed')).toBeNull();
    expect(e.too_few).toEqual(['after', 'unexposed']);
  });
});

// ——— The counters as read for an effect (SQLite: packed rows; PostgreSQL: row by row) ———

let ctx: AppContext;
let analyst: TSessionUser;
const now = new Date('2027-03-10T12:00:00Z');

const q = surveyQuestion;

const definition: TSurveyDefinition = {
  ...surveyHeader('Lesing', 'Reading'),
  sections: [
    { title_nb: 'Om deg', title_en: 'About you', questions: [q('sex', 'sex'), q('age', 'age_group')] },
    {
      title_nb: 'Spørsmål',
      title_en: 'Questions',
      questions: [
        q('problem', 'single', ['yes', 'no', 'unsure']),
        q('other', 'single', ['a', 'b']),
        q('seen', 'single', ['yes', 'no'], { breakdown: true })
      ]
    }
  ]
};

beforeAll(async () => {
  ctx = await openTestApp();
  const { admin } = await setUpAdmin(ctx);
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(() => ctx.close());

describe('readSomeWaveCounters (the counters of an effect)', () => {
  it('gives exactly the stored counters and joint counters asked for, also after more responses', async () => {
    const { id } = await createSurvey(ctx.db, analyst, { slug: 'effect-read', definition }, now);
    await publishSurvey(ctx.db, analyst, id, now);
    const { id: waveId } = await saveWave(
      ctx.db,
      analyst,
      id,
      {
        name: 'w',
        opens_on: '2027-03-01',
        closes_on: '2027-03-31',
        target_n: undefined,
        method: 'online_panel',
        method_note_nb: '',
        method_note_en: '',
        quotas: []
      },
      undefined,
      now
    );
    let k = 0;
    const respond = async (count: number) => {
      for (let i = 0; i < count; i++, k++)
        await submitResponse(
          ctx.db,
          {
            surveyId: id,
            waveId,
            answers: {
              sex: sexes[k % 3],
              age: ages[(k * 7) % ages.length],
              problem: k % 5 === 0 ? '' : ['yes', 'no', 'unsure'][k % 3],
              other: 'a',
              seen: k % 4 === 0 ? '' : k % 3 ? 'yes' : 'no'
            }
          },
          now
        );
    };
    const only = { questions: ['problem'], joint: { byQuestionId: 'seen', questions: ['problem', 'seen'] } };
    const check = async () => {
      const snap = await readSomeWaveCounters(ctx.db, waveId, only);
      const read = [...snap.counters].flatMap(([question, r]) =>
        Array.from(
          { length: r.length },
          (_, i) => `${question}|${snap.answers[r.answer[i]]}|${snap.cells[r.cell[i]]}=${r.n[i]}`
        )
      );
      const stored = (await repo.questionCounts(ctx.db, [waveId], ['problem'])).map(
        (r) => `${r.question_id}|${r.answer}|${r.cell}=${Number(r.n)}`
      );
      expect(read.sort()).toEqual(stored.sort());
      const readJoint = [...snap.joint].flatMap(([question, r]) =>
        Array.from(
          { length: r.length },
          (_, i) =>
            `${question}|${snap.answers[r.answer[i]]}|${snap.answers[r.byAnswer[i]]}|${snap.cells[r.cell[i]]}=${r.n[i]}`
        )
      );
      const storedJoint = (await repo.jointCounts(ctx.db, [waveId], 'seen', ['problem', 'seen'])).map(
        (r) => `${r.question_id}|${r.answer}|${r.by_answer}|${r.cell}=${Number(r.n)}`
      );
      expect(readJoint.length).toBeGreaterThan(0);
      expect(readJoint.sort()).toEqual(storedJoint.sort());
      const cells = (await repo.cellCounts(ctx.db, [waveId])).map((c) => `${c.cell}=${Number(c.n)}`);
      expect(snap.cellCounts.map((c) => `${c.cell}=${c.n}`).sort()).toEqual(cells.sort());
    };
    await respond(40);
    await check();
    // The same keys (only counts change), then new cells and answers (new keys): read right both times.
    await respond(1);
    await check();
    await respond(30);
    await check();
  });
});
