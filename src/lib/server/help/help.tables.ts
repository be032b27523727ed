/** The help pages' tables (migration 202611300400_help). The texts themselves live in code (texts/*.ts). */
export interface HelpReviewTable {
  id: string;
  /** The language code (help.text.ts helpLanguages). */
  lang: string;
  /** The fingerprint of the source texts and the translation the reviewer checked (help.core.ts). */
  fingerprint: string;
  reviewer_id: string;
  reviewed_at: string;
}

export interface HelpTables {
  help_review: HelpReviewTable;
}
