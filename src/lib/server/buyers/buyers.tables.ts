/**
 * The Buyers module's tables. A plan belongs to one organisation; only its members see it, its checks
 * and its supplier answers. Nothing here is public; the public summary is counts, suppressed under 5.
 */
export interface BuyerPlanTable {
  id: string;
  organisation_id: string;
  /** The contract's name, e.g. "Renhold skoler 2027". */
  title: string;
  /** 'state' | 'municipal' | 'other_public' | 'private' */
  buyer_type: string;
  sector: string;
  /** 'service' | 'construction' | 'goods' */
  contract_type: string;
  /** Estimated value, whole NOK excl. VAT. */
  value: number;
  supplier_name: string;
  supplier_org_number: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface BuyerCheckTable {
  id: string;
  plan_id: string;
  /** A follow-up item of the plan ('site-visits', 'id-cards', …). */
  kind: string;
  /** The date it is due, YYYY-MM-DD. */
  due_on: string;
  /** null until recorded; then 'ok' | 'finding' */
  outcome: string | null;
  /** With a finding: 'pay' | 'hours' | 'hms_card' | 'subcontractors' | 'cash_wages' | 'housing' | 'recruitment_fees' | 'documents' | 'other' */
  finding_type: string | null;
  /** Evidence notes (what was seen, which documents). */
  note: string;
  recorded_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface BuyerAssessmentTable {
  id: string;
  plan_id: string;
  /** HMAC of the one-time link's token; the token itself is never stored. */
  token_hash: string;
  expires_at: string;
  answered_at: string | null;
  /** The supplier's answers, JSON; null until answered. */
  answers: string | null;
  created_at: string;
}

export interface BuyersTables {
  buyer_plan: BuyerPlanTable;
  buyer_check: BuyerCheckTable;
  buyer_assessment: BuyerAssessmentTable;
}
