import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { fakeActionEvent } from '../testing/fake-event';
import { chartGallery } from './gallery';

describe('chart gallery', () => {
  const g = chartGallery('nb');

  it('computes the example with the engine: weighted differs from unweighted, intervals around every shown share', () => {
    const great = g.example.items.filter((i) => i.label === 'I stor grad');
    expect(great).toHaveLength(2);
    expect(great[0].value).not.toBeCloseTo(great[1].value, 6);
    for (const i of g.example.items.filter((i) => !i.suppressed)) {
      expect(i.low!).toBeLessThanOrEqual(i.value);
      expect(i.high!).toBeGreaterThanOrEqual(i.value);
    }
  });

  it('suppresses the answer given by fewer than 5 (and one more, so it cannot be worked out), and marks n < 30', () => {
    const hidden = g.example.items.filter((i) => i.suppressed).map((i) => i.label);
    expect(hidden).toContain('Ikke i det hele tatt');
    expect(new Set(hidden).size).toBe(2);
    const secondary = g.example.items.filter((i) => i.secondary).map((i) => i.label);
    expect(secondary).not.toContain('Ikke i det hele tatt');
    expect(secondary.length).toBe(2);
    const young = g.example.byAge.items.find((i) => i.label === 'Alder 16-29')!;
    expect(young).toMatchObject({ unreliable: true, suppressed: false });
    expect(g.example.byAge.items.find((i) => i.label === 'Alder 45-64')!.unreliable).toBe(false);
  });

  it('shows four waves with a method change and the Scottish published figures as reference, with sources', () => {
    expect(g.example.trend.points.map((p) => p.method)).toEqual(['face_to_face', 'face_to_face', 'online', 'online']);
    expect(g.example.trend.reference.points.map((p) => [p.label, p.value])).toEqual([
      ['2017', 0.14],
      ['2018', 0.16]
    ]);
    expect(
      g.scotland.report.items.find((i) => i.series === '2018' && i.label === 'Ville meldt fra til politiet')!.value
    ).toBe(0.87);
    expect(g.scotland.report.sources.map((s) => s.url)).toEqual([
      'https://www.holyrood.com/news/view,increase-in-number-of-scots-willing-to-report-human-trafficking-concerns_8746.htm'
    ]);
    expect(g.scotland.understanding.caveats.length).toBeGreaterThan(0);
  });

  it('is the same every time (fixed seed) and translated', () => {
    expect(chartGallery('nb')).toEqual(g);
    expect(chartGallery('en').example.title).toMatch(/^Example:/);
  });

  it('the page is for signed-in staff only', async () => {
    const { load } = await import('../../../routes/(staff)/admin/charts/+page.server');
    const { event } = fakeActionEvent('/admin/charts', null, null, { user: null });
    await expect((load as (e: never) => Promise<unknown>)(event as never)).rejects.toSatisfy(isRedirect);
  });
});
