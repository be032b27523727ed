import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { layoutProportions, type TProportionItem } from './proportion-layout';
import { linearScale, niceDomain, niceStep } from './scale';
import { proportionSummary, shareFormatter, trendSummary } from './summary';
import { wrapLabel } from './text';
import { layoutTrend, type TTrendPoint } from './trend-layout';

const nb = translator('nb');
const en = translator('en');
const pct = shareFormatter('nb');
/** Intl writes a no-break space before %; compare with plain spaces. */
const sp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('scales and ticks', () => {
  it('rounds steps to 1, 2, 2.5 or 5 × 10^k', () => {
    expect(niceStep(1, 5)).toBe(0.2);
    expect(niceStep(0.46, 5)).toBe(0.1);
    expect(niceStep(730, 5)).toBe(200);
  });

  it('a proportion axis stays within 0–100 %', () => {
    const d = niceDomain(0, 0.46, { floor: 0, ceiling: 1 });
    expect(d).toMatchObject({ lo: 0, hi: 0.5, step: 0.1 });
    expect(d.ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(niceDomain(0.3, 0.99, { floor: 0, ceiling: 1 }).hi).toBe(1);
  });

  it('maps the domain onto the range', () => {
    const x = linearScale([0, 0.5], [100, 600]);
    expect(x(0)).toBe(100);
    expect(x(0.25)).toBe(350);
  });

  it('property: the ticks cover the domain, start at lo, end at hi, and increase by the step', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (a, b) => {
          const d = niceDomain(a, b);
          expect(d.lo).toBeLessThanOrEqual(Math.min(a, b));
          expect(d.hi).toBeGreaterThanOrEqual(Math.max(a, b));
          expect(d.ticks[0]).toBe(d.lo);
          expect(d.ticks[d.ticks.length - 1]).toBeCloseTo(d.hi, 6);
          expect(d.ticks.length).toBeGreaterThanOrEqual(2);
          expect(d.ticks.length).toBeLessThanOrEqual(12);
          for (let i = 1; i < d.ticks.length; i++) expect(d.ticks[i]).toBeGreaterThan(d.ticks[i - 1]);
        }
      )
    );
  });

  it('property: a proportion domain never leaves [0, 1] and covers the values', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const d = niceDomain(Math.min(a, b), Math.max(a, b), { floor: 0, ceiling: 1 });
        expect(d.lo).toBeGreaterThanOrEqual(0);
        expect(d.hi).toBeLessThanOrEqual(1);
        expect(d.lo).toBeLessThanOrEqual(Math.min(a, b));
        expect(d.hi).toBeGreaterThanOrEqual(Math.max(a, b) - 1e-12);
      })
    );
  });
});

describe('label wrapping', () => {
  it('breaks at spaces and marks a cut with an ellipsis', () => {
    expect(wrapLabel('Ville meldt fra til politiet', 12)).toEqual(['Ville meldt', 'fra til', 'politiet']);
    expect(wrapLabel('Ville meldt fra til politiet', 12, 2)).toEqual(['Ville meldt', 'fra til…']);
  });

  it('property: no line is longer than the width, and the words come back in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.integer({ min: 1, max: 40 }), (text, width) => {
        const lines = wrapLabel(text, width);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      })
    );
  });
});

const itemArb = fc.record({
  label: fc.constantFrom(
    'I stor grad',
    'I noen grad',
    'I liten grad',
    'Ikke i det hele tatt',
    'Vet ikke – et svært langt svaralternativ som må brytes over flere linjer'
  ),
  series: fc.constantFrom('Uvektet', 'Vektet'),
  value: fc.double({ min: 0, max: 1, noNaN: true }),
  spread: fc.double({ min: 0, max: 0.3, noNaN: true }),
  suppressed: fc.boolean(),
  unreliable: fc.boolean()
});
const itemsArb = fc
  .uniqueArray(itemArb, { minLength: 1, maxLength: 10, selector: (i) => `${i.label}|${i.series}` })
  .map((xs) =>
    xs.map(({ spread, ...i }): TProportionItem => ({
      ...i,
      low: Math.max(0, i.value - spread),
      high: Math.min(1, i.value + spread)
    }))
  );

describe('proportion chart layout', () => {
  it('draws no bar for a suppressed answer and keeps the whisker around the value', () => {
    const l = layoutProportions([
      { label: 'A', value: 0.42, low: 0.38, high: 0.46 },
      { label: 'B', value: 0.02, low: 0, high: 0.05, suppressed: true }
    ]);
    const [a, b] = l.groups.map((g) => g.bars[0]);
    expect(b.w).toBe(0);
    expect(a.whisker!.x1).toBeLessThan(a.x + a.w);
    expect(a.whisker!.x2).toBeGreaterThan(a.x + a.w);
    expect(l.domain).toEqual([0, 0.5]);
  });

  it('property: every bar and whisker lies in the plot area, groups do not overlap, the chart holds them all', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const l = layoutProportions(items);
        let prev = -Infinity;
        for (const g of l.groups) {
          expect(g.y0).toBeGreaterThan(prev);
          prev = g.y1;
          for (const b of g.bars) {
            expect(b.x).toBeGreaterThanOrEqual(l.plot.x0);
            expect(b.x + b.w).toBeLessThanOrEqual(l.plot.x1 + 1e-9);
            expect(b.y).toBeGreaterThanOrEqual(g.y0 - 0.1);
            expect(b.y + b.h).toBeLessThanOrEqual(g.y1 + 0.1);
            if (b.item.suppressed) expect(b.w).toBe(0);
            if (b.whisker) {
              expect(b.whisker.x1).toBeGreaterThanOrEqual(l.plot.x0);
              expect(b.whisker.x2).toBeLessThanOrEqual(l.plot.x1);
              expect(b.whisker.x1).toBeLessThanOrEqual(b.whisker.x2);
            }
          }
          for (const line of g.lines) expect(line.text.length).toBeLessThanOrEqual(26);
        }
        expect(l.height).toBeGreaterThan(prev);
        expect(l.groups.flatMap((g) => g.bars)).toHaveLength(items.length);
      })
    );
  });

  it('property: the summary names the highest shown answer of every series', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const text = proportionSummary(items, nb, pct);
        for (const s of ['Uvektet', 'Vektet']) {
          const shown = items.filter((i) => i.series === s && !i.suppressed);
          if (!shown.length) continue;
          const max = Math.max(...shown.map((i) => i.value));
          const top = shown.filter((i) => i.value === max).map((i) => i.label);
          expect(top.some((label) => text.includes(`${s}: Høyest: ${label}, ${pct(max)}`))).toBe(true);
        }
        if (items.some((i) => i.suppressed)) expect(text).toContain('færre enn 5');
      })
    );
  });

  it('tells a count under 5 from one hidden only to protect it', () => {
    const text = proportionSummary(
      [
        { label: 'A', value: 0.9 },
        { label: 'B', value: 0.004, suppressed: true },
        { label: 'C', value: 0.096, suppressed: true, secondary: true }
      ],
      nb,
      pct
    );
    expect(text).toContain('1 tall vises ikke fordi færre enn 5 svarte.');
    expect(text).toContain('1 tall er skjult slik at et tall under 5 ikke kan regnes ut.');
  });

  it('writes the summary with the interval in both languages', () => {
    const items = [
      { label: 'I stor grad', value: 0.42, low: 0.38, high: 0.46 },
      { label: 'Vet ikke', value: 0.08, low: 0.06, high: 0.1, unreliable: true }
    ];
    expect(sp(proportionSummary(items, nb, pct))).toBe(
      'Høyest: I stor grad, 42 % (95 % KI 38 %–46 %). Lavest: Vet ikke, 8 % (95 % KI 6 %–10 %). 1 tall bygger på færre enn 30 svar og er usikre.'
    );
    expect(proportionSummary(items, en, shareFormatter('en'))).toMatch(/^Highest: I stor grad, 42% \(95% CI 38%–46%\)/);
  });
});

const waveArb = fc
  .array(
    fc.record({
      value: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      spread: fc.double({ min: 0, max: 0.2, noNaN: true }),
      method: fc.constantFrom('face_to_face', 'online'),
      suppressed: fc.boolean()
    }),
    { minLength: 1, maxLength: 8 }
  )
  .map((ws) =>
    ws.map((w, i): TTrendPoint => ({
      label: `Bølge ${i + 1}`,
      date: `2027-0${i + 1}-01`,
      value: w.value,
      low: Math.max(0, w.value - w.spread),
      high: Math.min(1, w.value + w.spread),
      method: w.method,
      suppressed: w.suppressed
    }))
  );

describe('trend chart layout', () => {
  const waves: TTrendPoint[] = [
    { label: 'Bølge 1', date: '2027-03-01', value: 0.2, low: 0.17, high: 0.23, method: 'face_to_face' },
    { label: 'Bølge 2', date: '2027-09-01', value: 0.25, low: 0.22, high: 0.28, method: 'face_to_face' },
    { label: 'Bølge 3', date: '2028-03-01', value: 0.3, low: 0.26, high: 0.34, method: 'online', suppressed: true },
    { label: 'Bølge 4', date: '2028-09-01', value: 0.28, low: 0.25, high: 0.31, method: 'online' }
  ];
  const reference = {
    label: 'Skottland',
    points: [
      { label: '2017', value: 0.14, source: 'Holyrood' },
      { label: '2018', value: 0.16, source: 'Holyrood' }
    ]
  };

  it('orders reference years before the waves, breaks the line at a suppressed wave and marks the method change', () => {
    const l = layoutTrend(waves, reference);
    expect(l.categories.map((c) => c.label)).toEqual(['2017', '2018', 'Bølge 1', 'Bølge 2', 'Bølge 3', 'Bølge 4']);
    expect(l.linePaths).toHaveLength(1);
    expect(l.bandPaths).toHaveLength(1);
    expect(l.suppressed.map((s) => s.point.label)).toEqual(['Bølge 3']);
    expect(l.methodChanges).toEqual([
      expect.objectContaining({ number: 1, before: 'Bølge 2', after: 'Bølge 3', from: 'face_to_face', to: 'online' })
    ]);
    expect(l.reference!.points).toHaveLength(2);
    const text = sp(trendSummary(waves, nb, pct, reference, l.methodChanges.length));
    expect(text).toContain('Fra 20 % (95 % KI 17 %–23 %) (Bølge 1) til 28 %');
    expect(text).toContain('Innsamlingsmetoden endret seg 1 gang(er)');
    expect(text).toContain('Referanse, Skottland: 2017: 14 %, 2018: 16 %.');
  });

  it('property: points, whiskers and reference markers lie in the plot; one marker per method change', () => {
    fc.assert(
      fc.property(waveArb, fc.boolean(), (ws, withRef) => {
        const l = layoutTrend(ws, withRef ? reference : null);
        for (const p of [...l.points, ...(l.reference?.points ?? [])]) {
          expect(p.x).toBeGreaterThanOrEqual(l.plot.x0);
          expect(p.x).toBeLessThanOrEqual(l.plot.x1);
          expect(p.y).toBeGreaterThanOrEqual(l.plot.y0);
          expect(p.y).toBeLessThanOrEqual(l.plot.y1);
        }
        for (const p of l.points) expect(p.yHigh).toBeLessThanOrEqual(p.yLow);
        let changes = 0;
        for (let i = 1; i < ws.length; i++) if (ws[i].method !== ws[i - 1].method) changes++;
        expect(l.methodChanges).toHaveLength(changes);
        expect(l.points.length + l.suppressed.length).toBe(ws.length);
        for (const path of l.linePaths) expect(path).not.toMatch(/NaN/);
      })
    );
  });
});
