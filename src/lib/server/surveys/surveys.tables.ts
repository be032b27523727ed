/** The survey module's tables (migration 202612010000_surveys). See docs/surveys.md. */
export interface SurveyTable {
  id: string;
  slug: string;
  created_at: string;
  updated_at: string;
}

/** One version of a survey's questions. `published_at` set = frozen: editing makes a new draft version. */
export interface SurveyVersionTable {
  id: string;
  survey_id: string;
  version: number;
  /** The definition as JSON (surveys.definition.ts ZSurveyDefinition): titles, sections, questions. */
  definition: string;
  published_at: string | null;
  created_at: string;
}

export interface SurveyWaveTable {
  id: string;
  survey_id: string;
  /** The published version this wave collects. */
  version_id: string;
  name: string;
  opens_on: string;
  closes_on: string;
  target_n: number | null;
  /** 'online_panel' | 'campaign_link' | 'face_to_face' | 'telephone' | 'other' */
  method: string;
  method_note_nb: string;
  method_note_en: string;
  /** JSON: [{ sex?, age_group?, county?, max }] — collection for a full cell stops. */
  quotas: string;
  created_at: string;
}

/** A public collection link of a wave: /surveys/<slug>?l=<id>; the source code is kept with each response. */
export interface SurveyLinkTable {
  id: string;
  wave_id: string;
  source_code: string | null;
  /** 'open' (same-browser cookie check) | 'panel' (one-time tokens) */
  kind: string;
  created_at: string;
}

/** One-time tokens of panel invitations: only a hash is stored; `used_at` set = answered. */
export interface SurveyPanelTokenTable {
  token_hash: string;
  link_id: string;
  created_at: string;
  used_at: string | null;
}

/** A response: the week only (no time, no IP, no user agent), the source code and the weighting cell. */
export interface SurveyResponseTable {
  id: string;
  wave_id: string;
  version_id: string;
  iso_week: string;
  source_code: string | null;
  /** The weighting cell: sex|age_group|county ('' where not answered). */
  cell: string;
}

/** One answer; a multiple-choice question has one row per option chosen. */
export interface SurveyAnswerTable {
  response_id: string;
  question_id: string;
  value: string;
}

/** Respondents per (wave, question, answer, weighting cell); multiple choice as `<question>/<option>` with '1'/'0'. */
export interface SurveyCountTable {
  wave_id: string;
  question_id: string;
  answer: string;
  cell: string;
  n: number;
}

/** Respondents per (wave, weighting cell). */
export interface SurveyCellCountTable {
  wave_id: string;
  cell: string;
  n: number;
}

/** Respondents per (wave, question, answer, breakdown question, breakdown answer, cell) (migration 202612020000). */
export interface SurveyJointCountTable {
  wave_id: string;
  question_id: string;
  answer: string;
  by_question_id: string;
  by_answer: string;
  cell: string;
  n: number;
}

/** Number questions: respondents who answered, Σy and Σy² per (wave, question, weighting cell) (migration 202612020400). */
export interface SurveyNumericSumTable {
  wave_id: string;
  question_id: string;
  cell: string;
  n: number;
  sum_y: number;
  sum_y2: number;
}

/** A generation per wave, +1 in every transaction that changes its counters (migration 202612040100). */
export interface SurveyCounterVersionTable {
  wave_id: string;
  generation: number;
}

export interface SurveysTables {
  survey: SurveyTable;
  survey_version: SurveyVersionTable;
  survey_wave: SurveyWaveTable;
  survey_link: SurveyLinkTable;
  survey_panel_token: SurveyPanelTokenTable;
  survey_response: SurveyResponseTable;
  survey_answer: SurveyAnswerTable;
  survey_count: SurveyCountTable;
  survey_cell_count: SurveyCellCountTable;
  survey_joint_count: SurveyJointCountTable;
  survey_numeric_sum: SurveyNumericSumTable;
  survey_counter_version: SurveyCounterVersionTable;
}
