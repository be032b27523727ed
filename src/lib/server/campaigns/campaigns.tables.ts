/** The Campaigns module's table (migration 202612020100_campaigns). See docs/campaigns.md. */
export interface CampaignTable {
  id: string;
  /** The public page's address: /campaigns/<slug>. */
  slug: string;
  name: string;
  goal: string;
  target_group: string;
  /** JSON array of check sector ids (the check module's checklists). */
  sectors: string;
  /** JSON array of channel codes (campaigns.core.ts `channels`). */
  channels: string;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  starts_on: string;
  ends_on: string;
  /** Whole NOK, ≥ 0; null when not known. */
  budget_nok: number | null;
  /** The indicator: a published survey's choice question and the answer the campaign hopes to move. */
  survey_id: string | null;
  question_id: string | null;
  answer_code: string | null;
  /** JSON array of `5.2`, `8.7`, `16.2`. */
  sdg_targets: string;
  /** JSON array of action-plan measure ids. */
  measure_ids: string;
  /** One partner per line. */
  partners: string;
  /** JSON array of `{title, url}` (http or https only). */
  materials: string;
  /** 'before_after' | 'exposure' | 'did' | 'did_group' — the design the result is read by. */
  design: string;
  baseline_wave_id: string | null;
  followup_wave_id: string | null;
  /** A choice question of the follow-up wave's version (aided recall) and the answer that means "exposed". */
  exposure_question_id: string | null;
  exposure_answer_code: string | null;
  /**
   * Design 'did_group' (migration 202612040200_campaign_did_group): the group question (a weighting variable or
   * a breakdown question), the target group's answers and the comparison's answers (JSON arrays; comparison
   * empty = every other answer). Null for other designs.
   */
  did_group_question_id: string | null;
  did_target_codes: string | null;
  did_comparison_codes: string | null;
  /** JSON array of the campaign's collection-link source codes. */
  source_codes: string;
  /** 'none' | 'poststratify' | 'rake' */
  weighting: string;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignsTables {
  campaign: CampaignTable;
}
