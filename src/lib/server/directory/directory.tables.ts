/** The directory's tables (migration 202611290100_directory). Organisations themselves are the foundation's. */
export interface DirectoryProfileTable {
  organisation_id: string;
  service_type: string;
  summary_nb: string;
  summary_en: string;
  not_done_nb: string;
  not_done_en: string;
  website: string | null;
  /** 'verified' | 'unverified' */
  verification: string;
  verification_note_nb: string;
  verification_note_en: string;
  verified_at: string | null;
  source_url: string;
  source_note: string;
  published_at: string | null;
  updated_at: string;
}

export interface DirectoryTagTable {
  organisation_id: string;
  facet: string;
  value: string;
}

export interface DirectoryChannelTable {
  id: string;
  organisation_id: string;
  position: number;
  kind: string;
  purpose: string;
  value: string;
  label_nb: string;
  label_en: string;
  availability: string;
  hours_nb: string;
  hours_en: string;
  anonymity: string;
  verification: string;
  note_nb: string;
  note_en: string;
}

export interface DirectoryCoverageTable {
  organisation_id: string;
  level: string;
  code: string;
}

export interface PoliceDistrictMunicipalityTable {
  municipality_number: string;
  police_district_name: string;
  source: string;
  imported_at: string;
}

export interface DirectoryRevisionTable {
  id: string;
  organisation_id: string;
  at: string;
  actor_id: string | null;
  action: string;
  changes: string;
}

export interface DirectorySettingTable {
  name: string;
  value: string;
  updated_at: string;
}

export interface DirectoryTables {
  directory_profile: DirectoryProfileTable;
  directory_tag: DirectoryTagTable;
  directory_channel: DirectoryChannelTable;
  directory_coverage: DirectoryCoverageTable;
  police_district_municipality: PoliceDistrictMunicipalityTable;
  directory_revision: DirectoryRevisionTable;
  directory_setting: DirectorySettingTable;
}
