import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import type { TMeanResult, TQuestionResult, TResults, TTrend } from '../server/surveys/surveys.results';
import {
  breakdownItems,
  chartView,
  chooseBreakdownItem,
  questionChart,
  questionTable,
  resultsQuery,
  resultsView,
  trendView
} from './results-view';

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

describe('the breakdown: one question at a time', () => {
  const q = (id: string, type: TQuestionResult['type'] = 'single', n = 40): TQuestionResult => ({
    ...question([answer('yes', n, 0.5, 0.5), answer('no', n, 0.5, 0.5)]),
    question: id,
    text: `Text ${id}`,
    type
  });
  const mean = (id: string): TMeanResult => ({
    question: id,
    text: `Mean ${id}`,
    group: null,
    base_n: 40,
    mean: 3,
    se: 0.1,
    ci_low: 2.8,
    ci_high: 3.2,
    weighted_mean: 3.1,
    weighted_se: 0.12,
    weighted_ci_low: 2.86,
    weighted_ci_high: 3.34,
    deff: 1.1,
    effective_n: 36,
    unreliable: false
  });
  const results = (by: string | null, groups: string[], ids: [string, TQuestionResult['type']][], means: string[]) =>
    ({
      survey: { id: 's', slug: 's', title: 'S', version: 1 },
      wave: {
        id: 'w',
        name: 'W',
        method: 'online_panel',
        method_note_nb: '',
        method_note_en: '',
        opens_on: '2027-01-01',
        closes_on: '2027-02-01'
      },
      waves: [],
      weighting: 'rake',
      weighting_applied: 'rake',
      weighting_note: null,
      by,
      respondents: 80,
      questions: ids.map(([id, type]) => q(id, type)),
      means: means.map(mean),
      groups: groups.map((g) => ({
        group: g,
        label: g.toUpperCase(),
        questions: ids.map(([id, type]) => q(id, type, 20)),
        means: means.map(mean)
      })),
      notes: [],
      model_note: ''
    }) as unknown as TResults;

  it('lists the choice questions, then the number questions, and picks the first that is not a demographic', () => {
    const r = results(
      'age_group',
      ['a', 'b'],
      [
        ['sex', 'sex'],
        ['age_group', 'age_group'],
        ['q1', 'single'],
        ['q2', 'likert']
      ],
      ['hours']
    );
    expect(breakdownItems(r).map((i) => [i.value, i.kind])).toEqual([
      ['sex', 'share'],
      ['age_group', 'share'],
      ['q1', 'share'],
      ['q2', 'share'],
      ['hours', 'mean']
    ]);
    expect(chooseBreakdownItem(r, undefined)?.value).toBe('q1');
    expect(chooseBreakdownItem(r, 'hours')?.value).toBe('hours');
    expect(chooseBreakdownItem(r, 'sex')?.value).toBe('sex');
    // A question this page does not have (another version's): the default, not an error page.
    expect(chooseBreakdownItem(r, 'gone')?.value).toBe('q1');
    // Nothing but demographics: the first that is not the breakdown itself.
    expect(
      chooseBreakdownItem(
        results(
          'sex',
          ['f'],
          [
            ['sex', 'sex'],
            ['county', 'county']
          ],
          []
        ),
        null
      )?.value
    ).toBe('sex');
    expect(breakdownItems(results(null, [], [['q1', 'single']], []))).toEqual([]);
  });

  it('the view of a breakdown carries the chosen question (or number question) per group and nothing else', () => {
    const r = results(
      'sex',
      ['f', 'm'],
      [
        ['q1', 'single'],
        ['q2', 'single']
      ],
      ['hours']
    );
    const v = resultsView(r, 'nb', true, 'q2');
    expect(v.questions.map((x) => x.id)).toEqual(['q1', 'q2']);
    expect(v.means.map((x) => x.id)).toEqual(['hours']);
    expect(v.groups.map((g) => [g.label, g.questions.map((x) => x.id), g.means.length])).toEqual([
      ['F', ['q2'], 0],
      ['M', ['q2'], 0]
    ]);
    const m = resultsView(r, 'nb', true, 'hours');
    expect(m.groups.map((g) => [g.questions.length, g.means.map((x) => x.id)])).toEqual([
      [0, ['hours']],
      [0, ['hours']]
    ]);
    // The same kept figures give the same table objects (made once per generation of the counters).
    expect(resultsView(r, 'nb', true, 'q2').groups[0].questions[0]).toBe(v.groups[0].questions[0]);
    expect(resultsView(r, 'nb', true).groups[0].questions).toHaveLength(2);
  });

  it('property: the chosen item is the one asked for whenever the page has it, and always one of the items', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('sex', 'age_group', 'county', 'q1', 'q2', 'q3', 'q4'), { minLength: 1 }),
        fc.constantFrom('sex', 'age_group', 'q1', 'q3', 'nope', ''),
        fc.constantFrom('sex', 'age_group', 'county', 'q1'),
        (ids, asked, by) => {
          const types = ids.map((id) => [id, id.startsWith('q') ? 'single' : id] as [string, TQuestionResult['type']]);
          const r = results(by, ['g1', 'g2'], types, []);
          const items = breakdownItems(r).map((i) => i.value);
          const chosen = chooseBreakdownItem(r, asked)!.value;
          expect(items).toContain(chosen);
          if ((ids as string[]).includes(asked)) expect(chosen).toBe(asked);
          else if (ids.some((id) => id.startsWith('q') && id !== by))
            expect(chosen.startsWith('q') && chosen !== by).toBe(true);
        }
      )
    );
  });
});

describe('links between views of the results page', () => {
  it('keeps the other filters, changes one, leaves empty ones out', () => {
    const query = { wave: 'w1', weighting: 'rake', by: 'sex', question: 'q1', compare: '', indicator: 'q1:yes' };
    expect(resultsQuery(query, { question: 'q2' })).toBe(
      '?wave=w1&weighting=rake&by=sex&question=q2&indicator=q1%3Ayes'
    );
    expect(resultsQuery(query, { by: '', question: '' })).toBe('?wave=w1&weighting=rake&indicator=q1%3Ayes');
  });

  it('property: the link reads back as the filters it was made from', () => {
    const value = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.record({ wave: value, weighting: value, by: value, question: value, indicator: value }),
        fc.record({ question: value }),
        (query, change) => {
          const back = Object.fromEntries(new URLSearchParams(resultsQuery(query, change).slice(1)));
          const want = Object.fromEntries(Object.entries({ ...query, ...change }).filter(([, v]) => v !== ''));
          expect(back).toEqual(want);
        }
      )
    );
  });
});

describe('the chart made once per kept question', () => {
  it('draws every shown bar with its interval, escapes labels, and carries legend, summary and data table', () => {
    const q = question([answer('yes', 40, 0.8, 0.75), answer('no', 3, 0.06, 0.05)]);
    q.answers[0].label = '<b>Ja & "nei"</b>';
    const pub = questionTable(q, 'nb', true).figure!;
    expect(pub.svg).not.toContain('<b>');
    expect(pub.svg).toContain('&lt;b&gt;Ja &amp; &quot;nei&quot;&lt;/b&gt;');
    expect(pub.svg.match(/<rect /g)).toHaveLength(1); // the answer given by 3 is not drawn
    expect(pub.svg).toContain('chart__whisker');
    expect(pub.svg).not.toMatch(/ id=/);
    expect(pub.rows.map((r) => [r.share, r.note])).toEqual([
      [expect.stringMatching(/^75\s%$/), ''],
      [translate('nb', 'charts.suppressed'), translate('nb', 'charts.note.suppressed')]
    ]);
    expect(pub.summary).toMatch(/75\s%/);
    expect(pub.legend.map((l) => l.text)).toEqual([translate('nb', 'charts.legend.ci')]);
    const staff = questionTable(q, 'en', false).figure!;
    expect(staff.legend.map((l) => [l.text, l.fill])).toEqual([
      [`${translate('en', 'charts.legend.solid')}: Weighted`, '#1f4e5f'],
      [`${translate('en', 'charts.legend.hatched')}: Unweighted`, 'url(#results-fill-hatch)'],
      [translate('en', 'charts.legend.ci'), undefined]
    ]);
    expect(staff.columns.map((c) => c.key)).toEqual(['label', 'series', 'share', 'ci', 'note']);
    expect(chartView([], 'nb').svg).not.toContain('<rect');
  });
});
