import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPORT_KINDS, routeReport, RULE_SCOPES, type TRoutingRule } from './report.routing';

const oslo = { kind: 'labour_exploitation' as const, municipality: '0301', county: '03' };
const rule = (r: Partial<TRoutingRule> & Pick<TRoutingRule, 'organisationId' | 'scope'>): TRoutingRule => ({
  kind: 'labour_exploitation',
  area: null,
  ...r
});

describe('routeReport', () => {
  const rules = [
    rule({ scope: 'national', organisationId: 'nat' }),
    rule({ scope: 'county', area: '03', organisationId: 'county' }),
    rule({ scope: 'municipality', area: '0301', organisationId: 'muni' }),
    rule({ scope: 'municipality', area: '0301', organisationId: 'muni2' }),
    rule({ scope: 'municipality', area: '4601', organisationId: 'bergen' })
  ];
  const all = new Set(['nat', 'county', 'muni', 'muni2', 'bergen']);

  it('prefers a municipality rule over a county rule over the national one', () => {
    expect(routeReport(rules, all, oslo)).toEqual({ level: 'municipality', organisationIds: ['muni', 'muni2'] });
    expect(routeReport(rules, all, { ...oslo, municipality: '0302' })).toEqual({
      level: 'county',
      organisationIds: ['county']
    });
    expect(routeReport(rules, all, { ...oslo, municipality: '1103', county: '11' })).toEqual({
      level: 'national',
      organisationIds: ['nat']
    });
  });

  it('skips organisations without an active inbox and falls back to the next level', () => {
    expect(routeReport(rules, new Set(['county', 'nat']), oslo)).toEqual({
      level: 'county',
      organisationIds: ['county']
    });
    expect(routeReport(rules, new Set(['nat']), oslo)).toEqual({ level: 'national', organisationIds: ['nat'] });
  });

  it('answers "no active receiver" when nobody active covers the kind', () => {
    expect(routeReport(rules, new Set(), oslo)).toEqual({ level: 'none', organisationIds: [] });
    expect(routeReport(rules, all, { ...oslo, kind: 'child' })).toEqual({ level: 'none', organisationIds: [] });
    expect(routeReport([], all, oslo)).toEqual({ level: 'none', organisationIds: [] });
  });

  const arbRule = fc.record({
    kind: fc.constantFrom(...REPORT_KINDS),
    scope: fc.constantFrom(...RULE_SCOPES),
    area: fc.constantFrom('0301', '0302', '4601', '03', '46', null),
    organisationId: fc.constantFrom('a', 'b', 'c', 'd')
  });
  const arbReport = fc.record({
    kind: fc.constantFrom(...REPORT_KINDS),
    municipality: fc.constantFrom('0301', '0302', '4601'),
    county: fc.constantFrom('03', '46')
  });
  const arbActive = fc.subarray(['a', 'b', 'c', 'd']).map((a) => new Set(a));

  it('always resolves to a set of active organisations or to "no active receiver" (property)', () => {
    fc.assert(
      fc.property(fc.array(arbRule, { maxLength: 12 }), arbActive, arbReport, (rs, active, report) => {
        const route = routeReport(rs, active, report);
        if (route.level === 'none') return route.organisationIds.length === 0;
        return (
          route.organisationIds.length > 0 &&
          route.organisationIds.every((id) => active.has(id)) &&
          new Set(route.organisationIds).size === route.organisationIds.length
        );
      })
    );
  });

  it('is "none" exactly when no active rule of the kind matches at any level (property)', () => {
    fc.assert(
      fc.property(fc.array(arbRule, { maxLength: 12 }), arbActive, arbReport, (rs, active, report) => {
        const any = rs.some(
          (r) =>
            r.kind === report.kind &&
            active.has(r.organisationId) &&
            (r.scope === 'national' ||
              (r.scope === 'county' && r.area === report.county) ||
              (r.scope === 'municipality' && r.area === report.municipality))
        );
        return (routeReport(rs, active, report).level === 'none') === !any;
      })
    );
  });

  it('adding a more specific active rule makes it win; rule order never matters (property)', () => {
    fc.assert(
      fc.property(fc.array(arbRule, { maxLength: 12 }), arbActive, arbReport, (rs, active, report) => {
        const reversed = routeReport([...rs].reverse(), active, report);
        expect(routeReport(rs, active, report)).toEqual(reversed);
        const withMuni = routeReport(
          [...rs, { kind: report.kind, scope: 'municipality', area: report.municipality, organisationId: 'z' }],
          new Set([...active, 'z']),
          report
        );
        expect(withMuni.level).toBe('municipality');
        expect(withMuni.organisationIds).toContain('z');
      })
    );
  });
});
