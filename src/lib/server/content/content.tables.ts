/** The content studio's tables (migration 202612020200_content). */
export interface ContentItemTable {
  id: string;
  /** `learn_page` today; `checklist`, `quiz_set`, `help_text`, `home_text` slot in later. */
  kind: string;
  /** The item's key within its kind (a learning page's slug). */
  key: string;
  locale: string;
  /** ISO date by which an editor should check the item again. */
  review_by: string;
  created_at: string;
  updated_at: string;
}

export interface ContentVersionTable {
  id: string;
  item_id: string;
  number: number;
  /** The published number the draft started from (null for the first version). */
  base_number: number | null;
  state: string;
  /** The item id while draft or in review, else null (unique: one open version per item). */
  open_key: string | null;
  /** Bumped by every save of a draft: the concurrency check. */
  revision: number;
  /** JSON text, validated by the kind's zod schema. */
  body: string;
  author_id: string | null;
  /** JSON array of the ids of everyone who saved this version. */
  edited_by: string;
  reviewer_id: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  published_at: string | null;
  archived_at: string | null;
}

export interface ContentSettingTable {
  key: string;
  value: string;
  updated_by: string | null;
  updated_at: string;
}

export interface ContentTables {
  content_item: ContentItemTable;
  content_version: ContentVersionTable;
  content_setting: ContentSettingTable;
}
