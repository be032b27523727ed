import type { Generated } from 'kysely';

/**
 * The report module's tables (migration 202611300000_report). Only routing fields (kind, municipality,
 * county, week, status) are in clear; everything a reporter or a case handler wrote is a ciphertext
 * from report.crypto.ts. Times that concern a reporter are rounded to the day.
 */

/** A member's X25519 key pair; the private key only wrapped under their password (argon2id). */
export interface ReportUserKeyTable {
  user_id: string;
  public_key: string;
  wrapped_private_key: string;
  created_at: string;
  updated_at: string;
}

/** An organisation's public key and its retention settings. */
export interface ReportOrgKeyTable {
  organisation_id: string;
  public_key: string;
  /** Days after closing a report is deleted. */
  closed_retention_days: Generated<number>;
  /** Days of reporter inactivity after which the receipt stops working. */
  reporter_retention_days: Generated<number>;
  created_at: string;
}

/** The organisation's private key sealed to one member's public key. */
export interface ReportOrgGrantTable {
  organisation_id: string;
  user_id: string;
  sealed_private_key: string;
  granted_by: string | null;
  created_at: string;
}

export interface ReportRouteRuleTable {
  id: string;
  kind: string;
  /** 'municipality' | 'county' | 'national' */
  scope: string;
  area: string | null;
  organisation_id: string;
  created_at: string;
}

export interface ReportTable {
  id: string;
  kind: string;
  municipality_number: string;
  county_number: string;
  /** ISO week, e.g. 2026-W48. */
  received_week: string;
  /** The day received, at 00:00 UTC. */
  received_on: string;
  /** 'new' | 'in_review' | 'forwarded' | 'referred' | 'closed' */
  status: string;
  closed_at: string | null;
  receipt_lookup: string | null;
  receipt_salt: string | null;
  reporter_wrapped_key: string | null;
  /** The day the reporter last followed up, at 00:00 UTC. */
  reporter_seen_on: string | null;
  /** Encrypted JSON: what was seen, where, who (see report.service.ts TReportContent). */
  content: string;
}

export interface ReportRecipientTable {
  report_id: string;
  organisation_id: string;
  sealed_data_key: string;
  created_at: string;
}

export interface ReportMessageTable {
  id: string;
  report_id: string;
  position: number;
  /** 'reporter' | 'organisation' */
  author: string;
  organisation_id: string | null;
  body: string;
  /** Day for reporter messages. */
  created_at: string;
  read_at: string | null;
}

export interface ReportEventTable {
  id: string;
  report_id: string;
  organisation_id: string;
  user_id: string;
  status: string;
  note: string | null;
  created_at: string;
}

export interface ReportJobLockTable {
  name: string;
  locked_until: string;
  holder: string;
}

/** The unlocked organisation keys of a session, encrypted under a key only the cookie carries. */
export interface ReportSessionKeyTable {
  session_id: string;
  keys: string;
}

/** A report passed from one organisation to another (migration 202612010300_report_more). */
export interface ReportForwardTable {
  id: string;
  report_id: string;
  from_organisation_id: string;
  to_organisation_id: string;
  user_id: string;
  /** 'kept' | 'dropped': whether the first organisation kept access. */
  first_access: string;
  /** The day, at 00:00 UTC. */
  created_on: string;
}

/** The organisation's private key wrapped under a key derived from its printed recovery key. */
export interface ReportOrgRecoveryTable {
  organisation_id: string;
  wrapped_private_key: string;
  created_by: string;
  created_at: string;
}

export interface ReportTables {
  report_user_key: ReportUserKeyTable;
  report_org_key: ReportOrgKeyTable;
  report_org_grant: ReportOrgGrantTable;
  report_route_rule: ReportRouteRuleTable;
  report: ReportTable;
  report_recipient: ReportRecipientTable;
  report_message: ReportMessageTable;
  report_event: ReportEventTable;
  report_job_lock: ReportJobLockTable;
  report_session_key: ReportSessionKeyTable;
  report_forward: ReportForwardTable;
  report_org_recovery: ReportOrgRecoveryTable;
}
