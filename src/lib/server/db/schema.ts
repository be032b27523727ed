import type { CampaignsTables } from '../campaigns/campaigns.tables';
import type { CampaignMaterialsTables } from '../campaigns/materials.tables';
import type { Generated, Kysely, Transaction } from 'kysely';
import type { BuyersTables } from '../buyers/buyers.tables';
import type { ActionPlanTables } from '../actionplan/actionplan.tables';
import type { CheckTables } from '../check/check.tables';
import type { DirectoryTables } from '../directory/directory.tables';
import type { LearnTables } from '../learn/learn.tables';
import type { HelpTables } from '../help/help.tables';
import type { StatisticsTables } from '../statistics/statistics.tables';
import type { YouthTables } from '../youth/youth.tables';
import type { ReportTables } from '../report/report.tables';
import type { NotificationTables } from '../notifications/notifications.tables';
import type { SurveysTables } from '../surveys/surveys.tables';
import type { ContentTables } from '../content/content.tables';

/**
 * Column conventions (docs/architecture.md): ids are text (random UUIDs); times are ISO-8601 UTC
 * strings on both databases (connect.ts normalises PostgreSQL's timestamptz); there are no boolean
 * columns — a state is a nullable time ("deactivated_at") or a text enum; JSON is stored as text.
 */
export interface AppSecretTable {
  name: string;
  value: string;
  created_at: string;
}

export interface OrganisationTable {
  id: string;
  name: string;
  kind: string;
  org_number: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  totp_secret: string | null;
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: string | null;
  created_at: string;
  deactivated_at: string | null;
}

export interface MembershipTable {
  user_id: string;
  organisation_id: string;
  role: string;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface OneTimeTokenTable {
  id: string;
  token_hash: string;
  purpose: string;
  email: string | null;
  organisation_id: string | null;
  role: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface CountyTable {
  number: string;
  name: string;
}

export interface MunicipalityTable {
  number: string;
  name: string;
  county_number: string;
}

export interface PoliceDistrictTable {
  name: string;
}

/** The foundation's tables. Each module declares its own in `<module>/<module>.tables.ts`. */
export interface FoundationTables {
  app_secret: AppSecretTable;
  organisation: OrganisationTable;
  app_user: UserTable;
  membership: MembershipTable;
  session: SessionTable;
  one_time_token: OneTimeTokenTable;
  audit_log: AuditLogTable;
  county: CountyTable;
  municipality: MunicipalityTable;
  police_district: PoliceDistrictTable;
}

/** Every table: the foundation's plus one `extends` per module. */
export interface Database
  extends
    FoundationTables,
    DirectoryTables,
    StatisticsTables,
    CheckTables,
    BuyersTables,
    YouthTables,
    LearnTables,
    ReportTables,
    ActionPlanTables,
    HelpTables,
    NotificationTables,
    SurveysTables,
    ContentTables,
    CampaignsTables,
    CampaignMaterialsTables {}

export type DB = Kysely<Database>;
/** A database handle or an open transaction: repositories take either. */
export type Executor = Kysely<Database> | Transaction<Database>;
