import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TQuestionResult, TTrend } from '../server/surveys/surveys.results';
import { questionChart, questionTable, trendView } from './results-view';

const answer = (code: string, n: number, p: number, weighted: number | null): TQuestionResult['answers'][number] => ({
  code,
  label: code.toUpperCase(),
  n,
  proportion: p,
  se: 0.05,
  ci_low: p - 0.1,
  ci_high: p + 0.1,
  weighted_proportion: weighted,
  weighted_se: weighted === null ? null : 0.06,
  weighted_ci_low: weighted === null ? null : weighted - 0.12,
  weighted_ci_high: weighted === null ? null : weighted + 0.12,
  interval: 'wald',
  deff: weighted === null ? null : 1.2,
  effective_n: null
});

const question = (answers: TQuestionResult['answers']): TQuestionResult => ({
  question: 'q',
  text: 'Q',
  type: 'single',
  group: null,
  group_label: null,
  base_n: answers.reduce((a, x) => a + x.n, 0),
  effective_n: null,
  deff: null,
  unreliable: answers.reduce((a, x) => a + x.n, 0) < 30,
  answers
});

describe('the charts of a question', () => {
  it('public: one bar per answer at the weighted share and its interval, an answer under 5 not drawn', () => {
    const q = question([answer('yes', 40, 0.8, 0.75), answer('no', 3, 0.06, 0.05), answer('x', 7, 0.14, 0.2)]);
    const bars = questionChart(q, 'nb', true);
    expect(bars.map((b) => [b.label, b.value, b.suppressed])).toEqual([
      ['YES', 0.75, false],
      ['NO', 0, true],
      ['X', 0.2, false]
    ]);
    expect(bars[0]).toMatchObject({ low: 0.63, high: expect.closeTo(0.87, 9), unreliable: false });
    expect(bars[1].low).toBeUndefined();
  });

  it('staff: weighted and unweighted as two series, nothing suppressed; unweighted only when not weighted', () => {
    const q = question([answer('yes', 20, 0.8, 0.7), answer('no', 3, 0.2, 0.3)]);
    const bars = questionChart(q, 'en', false);
    expect(bars.map((b) => [b.label, b.series, b.value, b.suppressed, b.unreliable])).toEqual([
      ['YES', 'Weighted', 0.7, false, true],
      ['YES', 'Unweighted', 0.8, false, true],
      ['NO', 'Weighted', 0.3, false, true],
      ['NO', 'Unweighted', 0.2, false, true]
    ]);
    const plain = questionChart(question([answer('yes', 20, 0.8, null)]), 'en', false);
    expect(plain.map((b) => b.series)).toEqual(['Unweighted']);
  });

  it('a question whose base is under 5 has no chart on the public page', () => {
    expect(questionTable(question([answer('yes', 2, 1, 1)]), 'nb', true).chart).toEqual([]);
    expect(questionTable(question([answer('yes', 2, 1, 1)]), 'nb', false).chart).toHaveLength(2);
  });

  it('property: a public bar never carries the share of an answer given by 1–4', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ n: fc.nat(60), p: fc.double({ min: 0, max: 1, noNaN: true }) }), {
          minLength: 1,
          maxLength: 8
        }),
        (xs) => {
          const q = question(xs.map((x, i) => answer(`a${i}`, x.n, x.p, x.p)));
          for (const [i, b] of questionChart(q, 'nb', true).entries()) {
            const n = xs[i].n;
            expect(b.suppressed).toBe(n > 0 && n < 5);
            if (b.suppressed) expect([b.value, b.low, b.high]).toEqual([0, undefined, undefined]);
            else expect(b.value).toBe(xs[i].p);
          }
        }
      )
    );
  });
});

describe('the trend of an answer', () => {
  const tr = (ns: [number, number][]): TTrend => ({
    question: 'q',
    text: 'Q',
    answer: 'yes',
    label: 'Yes',
    weighting: 'rake',
    waves: ns.map(([base, n], i) => ({
      wave_id: `w${i}`,
      name: `W${i}`,
      date: `202${i}-01-01`,
      method: i ? 'online_panel' : 'face_to_face',
      base_n: base,
      n,
      proportion: base ? n / base : 0,
      se: 0.05,
      ci_low: 0,
      ci_high: 1,
      weighted: i !== 1,
      unreliable: base < 30
    })),
    reference: null,
    notes: []
  });

  it('suppresses for the public a wave where fewer than 5 gave the answer, names unweighted waves', () => {
    const v = trendView(
      tr([
        [40, 20],
        [40, 3],
        [4, 4]
      ]),
      'en',
      true,
      null
    );
    expect(v.points.map((p) => [p.label, p.suppressed, p.value])).toEqual([
      ['W0', false, 0.5],
      ['W1', true, 0],
      ['W2', true, 0]
    ]);
    expect(v.notes.join(' ')).toContain('W1');
    expect(trendView(tr([[40, 3]]), 'en', false, null).points[0]).toMatchObject({ suppressed: false, value: 3 / 40 });
  });

  it('carries the reference series with its sources and caveats in the reader language', () => {
    const v = trendView(tr([[40, 20]]), 'nb', true, {
      label: 'Ville meldt fra',
      points: [
        { year: 2017, value: 0.8, source: 'S1', url: 'https://a.example', caveat: { nb: 'Merk', en: 'Note' } },
        { year: 2018, value: 0.87, source: 'S2', url: 'https://b.example', caveat: { nb: 'Merk', en: 'Note' } }
      ]
    });
    expect(v.reference?.label).toContain('Ville meldt fra');
    expect(v.reference?.points.map((p) => [p.label, p.value, p.source])).toEqual([
      ['2017', 0.8, 'S1'],
      ['2018', 0.87, 'S2']
    ]);
    expect(v.caveats).toEqual(['Merk']);
  });
});
