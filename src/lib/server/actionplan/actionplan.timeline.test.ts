import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelineLayout } from './actionplan.timeline';

const plans = [
  { slug: '2011-2014', title: 'A', periodFrom: 2011, periodTo: 2014 },
  { slug: '2016', title: 'B', periodFrom: 2016, periodTo: null }
];

describe('timelineLayout', () => {
  it('draws each plan as a bar, an open plan up to today, and today inside the chart', () => {
    const t = timelineLayout({ plans, measures: [], today: '2026-11-29' });
    expect(t.rows).toHaveLength(2);
    expect(t.rows[1].open).toBe(true);
    expect(t.rows[1].x + t.rows[1].w).toBeCloseTo(t.todayX, 5);
    expect(t.rows[0].x).toBeLessThan(t.rows[1].x);
    expect(t.todayX).toBeLessThan(t.width);
  });

  it('puts every deadline marker on its plan’s row, inside the chart, and marks overdue ones', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            deadline: fc
              .date({
                min: new Date('2011-01-01T00:00:00Z'),
                max: new Date('2035-12-31T00:00:00Z'),
                noInvalidDate: true
              })
              .map((d) => d.toISOString().slice(0, 10)),
            status: fc.constantFrom('done', 'in_progress')
          }),
          { maxLength: 10 }
        ),
        (ms) => {
          const t = timelineLayout({
            plans,
            measures: ms.map((m, i) => ({ id: String(i), plan: '2016', number: '', title: 't', ...m })),
            today: '2026-11-29'
          });
          return t.rows[1].markers.every(
            (mk, i) =>
              mk.x >= 0 && mk.x <= t.width && mk.overdue === (ms[i].deadline < '2026-11-29' && ms[i].status !== 'done')
          );
        }
      )
    );
  });
});
