import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, lineRuns, niceScale, renderChart, type TChartInput } from './chart';

const base: TChartInput = {
  kind: 'line',
  idPrefix: 'c1',
  title: 'Anmeldelser <test> & "sitat"',
  description: 'Beskrivelse',
  categories: ['2013', '2014', '2015', '2016', '2017'],
  series: [
    {
      label: 'I alt',
      points: [{ value: 70 }, { value: 106 }, { value: null }, { value: null }, { value: 46, alternatives: [45] }]
    }
  ],
  unit: 'anmeldelser',
  gapLabel: 'ingen data',
  alternativeLabel: 'annen kilde:',
  formatValue: (n) => String(n)
};

describe('renderChart', () => {
  it('is an img with a title and description, and escapes every text', () => {
    const svg = renderChart(base);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Anmeldelser &lt;test&gt; &amp; &quot;sitat&quot;</title>');
    expect(svg).not.toContain('<test>');
  });

  it('never draws a line across a gap and labels missing years', () => {
    const svg = renderChart(base);
    // 2013–2014 is one segment; 2017 stands alone: exactly one path.
    expect(svg.match(/<path d="M[^"]*" fill="none"/g)).toHaveLength(1);
    expect(svg.match(/ingen data/g)).toHaveLength(2);
  });

  it('shows another source’s figure as a hollow marker with its value', () => {
    const svg = renderChart(base);
    expect(svg).toContain('<title>annen kilde: 45</title>');
  });

  it('draws bars for a bar chart', () => {
    const svg = renderChart({ ...base, kind: 'bar' });
    expect(svg.match(/<rect x="[^"]*" y="[^"]*" width="[^"]*" height="[^"]*" fill="#1f4e5f"\/>/g)).toHaveLength(3);
  });
});

describe('chart helpers', () => {
  it('a nice scale covers the maximum with at most ~6 ticks', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e7, noNaN: true }), (max) => {
        const { top, step } = niceScale(max);
        return top >= max && top / step <= 6 && step > 0;
      })
    );
  });

  it('line runs cover exactly the non-null points, each run consecutive', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer(), { nil: null }), { maxLength: 40 }), (vals) => {
        const runs = lineRuns(vals.map((value) => ({ value })));
        const flat = runs.flat();
        const expected = vals.flatMap((v, i) => (v === null ? [] : [i]));
        return (
          JSON.stringify(flat) === JSON.stringify(expected) &&
          runs.every((r) => r.every((x, k) => k === 0 || x === r[k - 1] + 1))
        );
      })
    );
  });

  it('escaped text contains no markup characters', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (s) => !/[<>"']/.test(escapeXml(s)) && !/&(?!amp;|lt;|gt;|quot;|#39;)/.test(escapeXml(s))
      )
    );
  });
});

describe('bars with another source’s figure', () => {
  it('draws the other figure as an outlined bar beside, both labelled', () => {
    const svg = renderChart({
      ...base,
      kind: 'bar',
      categories: ['2017'],
      series: [{ label: 'I alt', points: [{ value: 40, alternatives: [43] }] }]
    });
    expect(svg).toContain('stroke-dasharray="4 2"');
    expect(svg).toContain('<title>annen kilde: 43</title>');
    expect(svg).toMatch(/>40<\/text>.*>43<\/text>/);
  });
});
