/** Campaign materials as uploaded files (migration 202612040300_campaign_materials). See docs/campaigns.md. */
export interface CampaignMaterialFileTable {
  id: string;
  campaign_id: string;
  title: string;
  /** The image's text alternative in bokmål and English; null for a PDF. */
  alt_nb: string | null;
  alt_en: string | null;
  /** Read from the file's first bytes (materials.core.ts `sniffMaterialType`), never the browser's word. */
  content_type: string;
  /** The uploaded file's name, cleaned (materials.core.ts `cleanFileName`), for Content-Disposition. */
  file_name: string;
  byte_size: number;
  /** Lower-case hex SHA-256 of `data`: the strong ETag. */
  sha256: string;
  data: Uint8Array;
  created_by: string | null;
  created_at: string;
}

export interface CampaignMaterialsTables {
  campaign_material_file: CampaignMaterialFileTable;
}
