/**
 * Routing of reports to receiving organisations: a pure function over the administrators' rules.
 * A municipality rule wins over a county rule, which wins over a national one. Only organisations with
 * an active inbox (a case handler with keys set up) count; if none covers the report at any level, the
 * answer is "no active receiver" and Forebygg shows the official channels instead of accepting it.
 */

import { REPORT_KINDS } from '../../schemas/report';
export { REPORT_KINDS };
export type TReportKind = (typeof REPORT_KINDS)[number];

export const RULE_SCOPES = ['municipality', 'county', 'national'] as const;
export type TRuleScope = (typeof RULE_SCOPES)[number];

export interface TRoutingRule {
  kind: TReportKind;
  scope: TRuleScope;
  /** Municipality number for `municipality`, county number for `county`, null for `national`. */
  area: string | null;
  organisationId: string;
}

export interface TRoutable {
  kind: TReportKind;
  municipality: string;
  county: string;
}

export type TRoute = { level: TRuleScope; organisationIds: string[] } | { level: 'none'; organisationIds: [] };

function matches(rule: TRoutingRule, report: TRoutable, scope: TRuleScope): boolean {
  if (rule.kind !== report.kind || rule.scope !== scope) return false;
  if (scope === 'municipality') return rule.area === report.municipality;
  if (scope === 'county') return rule.area === report.county;
  return true;
}

/**
 * The organisations a report goes to: the active organisations of the most specific level that has
 * any, sorted and without duplicates.
 */
export function routeReport(rules: readonly TRoutingRule[], active: ReadonlySet<string>, report: TRoutable): TRoute {
  for (const level of RULE_SCOPES) {
    const ids = [
      ...new Set(
        rules.filter((r) => matches(r, report, level) && active.has(r.organisationId)).map((r) => r.organisationId)
      )
    ].sort();
    if (ids.length) return { level, organisationIds: ids };
  }
  return { level: 'none', organisationIds: [] };
}
