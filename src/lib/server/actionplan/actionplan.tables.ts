/**
 * Action plan tables (migration 202611300300_action_plan). A plan has parts (hoveddeler, innsatsområder
 * or chapters) and measures; a measure's status comes from its latest dated assessment. Every editor
 * change is kept in `ap_version` (who, when, before/after) and shown as history on the public pages.
 */
export interface ApPlanTable {
  id: string;
  /** URL-safe, such as `2016`, `2025-2030`. */
  slug: string;
  title: string;
  /** `action_plan` or `strategy`. */
  kind: string;
  /** First and last year of the period; `period_to` null for an open-ended plan. */
  period_from: number;
  period_to: number | null;
  /** Responsible ministries as the source words them, one per line. */
  responsible: string;
  source_url: string;
  /** The number of measures the plan itself states, or null when the source gives none. */
  declared_measures: number | null;
  /** Where the stated number comes from, and any disagreement between sources. */
  declared_note: string;
  note: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface ApPartTable {
  id: string;
  plan_id: string;
  number: number;
  title: string;
  /** The part's goal as the source words it ('' when none). */
  goal: string;
  source_url: string;
  note: string;
}

export interface ApMeasureTable {
  id: string;
  plan_id: string;
  part_id: string | null;
  /** The measure's number in the plan ('' when the source lists it unnumbered). */
  number: string;
  title: string;
  /** Responsible bodies, one per line. */
  responsible: string;
  /** `prevention` | `intelligence` | `victim_follow_up` | `coordination` | `unassigned`. */
  chain_link: string;
  target_group: string;
  /** ISO date, or null when the plan sets no deadline. */
  deadline: string | null;
  /** Earmarked budget in NOK, or null when none is stated. */
  budget_nok: number | null;
  budget_note: string;
  /** The indicator that would show progress ('' when the plan sets none). */
  indicator: string;
  /** A statistics series slug the indicator is measured by, or null. */
  indicator_series: string | null;
  /** SDG targets the measure serves, as a JSON array of `5.2`, `8.7`, `16.2`. */
  sdg_targets: string;
  source_url: string;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface ApAssessmentTable {
  id: string;
  measure_id: string;
  /** `not_started` | `in_progress` | `done` | `discontinued` | `unknown`. */
  status: string;
  /** ISO date the assessment is of. */
  assessed_on: string;
  evidence_url: string;
  evidence_quote: string;
  /** Who made the assessment (a person or body, as the editor records it). */
  assessed_by: string;
  created_by: string | null;
  created_at: string;
}

export interface ApGretaRecommendationTable {
  id: string;
  /** The source's paragraph or number, such as `R1-1`; unique. */
  code: string;
  /** Evaluation round as the source states it ('' when not stated). */
  round: string;
  year: number | null;
  summary: string;
  /** A theme code shared by recommendations that repeat across rounds ('' when none). */
  theme: string;
  source_url: string;
  note: string;
  /** `addressed` | `partly` | `not_addressed` | `not_assessed`. */
  assessment: string;
  assessment_evidence: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface ApMeasureRecommendationTable {
  measure_id: string;
  recommendation_id: string;
}

export interface ApCommentTable {
  id: string;
  /** `measure` or `recommendation`. */
  target_type: string;
  target_id: string;
  organisation_id: string;
  author_id: string | null;
  /** `comment` or `proposal`. */
  kind: string;
  body: string;
  evidence_url: string;
  /** `pending` | `published` | `rejected`. */
  state: string;
  created_at: string;
  moderated_at: string | null;
  moderated_by: string | null;
}

export interface ApVersionTable {
  id: string;
  entity_type: string;
  entity_id: string;
  /** The plan the entity belongs to (null for GRETA recommendations). */
  plan_id: string | null;
  at: string;
  actor_id: string | null;
  /** `created` | `updated` | `deleted`. */
  change: string;
  before_json: string | null;
  after_json: string | null;
}

export interface ActionPlanTables {
  ap_plan: ApPlanTable;
  ap_part: ApPartTable;
  ap_measure: ApMeasureTable;
  ap_assessment: ApAssessmentTable;
  ap_greta_recommendation: ApGretaRecommendationTable;
  ap_measure_recommendation: ApMeasureRecommendationTable;
  ap_comment: ApCommentTable;
  ap_version: ApVersionTable;
}
