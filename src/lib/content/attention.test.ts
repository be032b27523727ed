import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueItems, oldSourceItems, type TAttentionItem } from './attention';

const item = (label: string, status: Partial<TAttentionItem['status']>): TAttentionItem => ({
  label,
  href: `/admin/content/${label}`,
  status: { exists: true, due: null, reviewBy: '2027-06-01', oldSources: [], ...status }
});

describe('studio attention lists', () => {
  it('lists every kind that is due, overdue first and then by date; items not due or missing are left out', () => {
    const items = [
      item('checklist car-wash', { due: 'due', reviewBy: '2026-12-20' }),
      item('learn page', { due: null }),
      item('help ar', { due: 'overdue', reviewBy: '2026-10-01' }),
      item('home lead (nb)', { due: 'due', reviewBy: '2026-12-05' }),
      item('quiz gone', { exists: false, due: 'overdue', reviewBy: '2020-01-01' })
    ];
    expect(dueItems(items).map((i) => i.label)).toEqual(['help ar', 'home lead (nb)', 'checklist car-wash']);
  });

  it('lists the items citing old sources', () => {
    const items = [item('a', {}), item('b', { oldSources: [{ number: 2, year: 2012 }] })];
    expect(oldSourceItems(items).map((i) => i.label)).toEqual(['b']);
  });

  it('never drops or invents a due item (property)', () => {
    const status = fc.record({
      exists: fc.boolean(),
      due: fc.constantFrom('due' as const, 'overdue' as const, null),
      reviewBy: fc.option(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
      oldSources: fc.constant([])
    });
    fc.assert(
      fc.property(fc.array(fc.record({ label: fc.string(), href: fc.constant('/x'), status })), (items) => {
        const due = dueItems(items);
        expect(due.length).toBe(items.filter((i) => i.status.exists && i.status.due).length);
        const firstDue = due.findIndex((i) => i.status.due === 'due');
        if (firstDue >= 0) expect(due.slice(firstDue).every((i) => i.status.due === 'due')).toBe(true);
      })
    );
  });
});
