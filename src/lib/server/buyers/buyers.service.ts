import { randomUUID } from 'node:crypto';
import { assessmentFlags, type TAssessmentAnswers } from '../../buyers/assessment';
import type { TBuyerSector, TBuyerType, TContractType } from '../../buyers/rules';
import type { TCheckRecordForm, TCheckScheduleForm, TPlanForm } from '../../schemas/buyers';
import { suppressCount } from '../../stats/suppress';
import type { AppContext } from '../app';
import { appendAudit } from '../audit/audit.service';
import type { TSessionUser } from '../auth/auth.types';
import { hashToken, looksLikeToken, randomToken } from '../auth/tokens';
import type { DB } from '../db/schema';
import { AppError } from '../errors';

/**
 * Saved plans of a buyer organisation, their follow-up checks and supplier self-assessments. Only
 * members of the plan's organisation see or change it; anyone else gets "not found". Every change is
 * written with an audit entry in the same transaction: that is the plan's history.
 */

/** How long a supplier's one-time link works. */
export const ASSESSMENT_LINK_DAYS = 14;

const orgIds = (actor: TSessionUser) => actor.memberships.map((m) => m.organisationId);

function notFound(): never {
  throw new AppError('not_found', 'buyers.error.planNotFound');
}

export type TPlanRow = Awaited<ReturnType<typeof listPlans>>[number];

/** The plans of every organisation the actor belongs to, newest first. */
export async function listPlans(db: DB, actor: TSessionUser) {
  const ids = orgIds(actor);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('buyer_plan')
    .innerJoin('organisation', 'organisation.id', 'buyer_plan.organisation_id')
    .selectAll('buyer_plan')
    .select('organisation.name as organisation_name')
    .where('buyer_plan.organisation_id', 'in', ids)
    .orderBy('buyer_plan.created_at', 'desc')
    .orderBy('buyer_plan.id')
    .execute();
  return rows.map(planDto);
}

function planDto(r: {
  id: string;
  organisation_id: string;
  title: string;
  buyer_type: string;
  sector: string;
  contract_type: string;
  value: number;
  supplier_name: string;
  supplier_org_number: string | null;
  created_at: string;
  updated_at: string;
  organisation_name?: string;
}) {
  return {
    id: r.id,
    title: r.title,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name ?? '',
    buyerType: r.buyer_type as TBuyerType,
    sector: r.sector as TBuyerSector,
    contractType: r.contract_type as TContractType,
    value: Number(r.value),
    supplierName: r.supplier_name,
    supplierOrgNumber: r.supplier_org_number,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  };
}

/** One plan of the actor's organisations; "not found" for any other. */
export async function getPlan(db: DB, actor: TSessionUser, id: string) {
  const ids = orgIds(actor);
  if (ids.length === 0 || !/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const row = await db
    .selectFrom('buyer_plan')
    .innerJoin('organisation', 'organisation.id', 'buyer_plan.organisation_id')
    .selectAll('buyer_plan')
    .select('organisation.name as organisation_name')
    .where('buyer_plan.id', '=', id)
    .where('buyer_plan.organisation_id', 'in', ids)
    .executeTakeFirst();
  if (!row) notFound();
  return planDto(row);
}

export async function createPlan(db: DB, actor: TSessionUser, input: TPlanForm, now = new Date()) {
  if (!orgIds(actor).includes(input.organisationId)) {
    throw new AppError('forbidden', 'auth.error.forbidden', { fields: { organisationId: 'auth.error.forbidden' } });
  }
  const id = randomUUID();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('buyer_plan')
      .values({
        id,
        organisation_id: input.organisationId,
        title: input.title,
        buyer_type: input.buyerType,
        sector: input.sector,
        contract_type: input.contractType,
        value: input.value,
        supplier_name: input.supplierName,
        supplier_org_number: input.supplierOrgNumber || null,
        created_by: actor.id,
        created_at: at,
        updated_at: at
      })
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'buyers.plan.create',
      targetType: 'buyer_plan',
      targetId: id,
      details: { title: input.title, sector: input.sector, value: input.value, supplier: input.supplierName }
    });
  });
  return { id };
}

export async function listChecks(db: DB, planId: string) {
  const rows = await db
    .selectFrom('buyer_check')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('due_on')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    dueOn: r.due_on,
    outcome: r.outcome,
    findingType: r.finding_type,
    note: r.note,
    recordedAt: r.recorded_at
  }));
}

export async function scheduleCheck(
  db: DB,
  actor: TSessionUser,
  planId: string,
  input: TCheckScheduleForm,
  now = new Date()
) {
  await getPlan(db, actor, planId);
  const id = randomUUID();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('buyer_check')
      .values({
        id,
        plan_id: planId,
        kind: input.kind,
        due_on: input.dueOn,
        outcome: null,
        finding_type: null,
        note: '',
        recorded_at: null,
        created_at: at,
        updated_at: at
      })
      .execute();
    await trx.updateTable('buyer_plan').set({ updated_at: at }).where('id', '=', planId).execute();
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'buyers.check.schedule',
      targetType: 'buyer_plan',
      targetId: planId,
      details: { checkId: id, kind: input.kind, dueOn: input.dueOn }
    });
  });
  return { id };
}

/** Records (or corrects) a check's outcome; the audit log keeps every earlier version. */
export async function recordCheck(
  db: DB,
  actor: TSessionUser,
  planId: string,
  input: TCheckRecordForm,
  now = new Date()
) {
  await getPlan(db, actor, planId);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const found = await trx
      .updateTable('buyer_check')
      .set({
        outcome: input.outcome,
        finding_type: input.outcome === 'finding' ? input.findingType : null,
        note: input.note,
        recorded_at: at,
        updated_at: at
      })
      .where('id', '=', input.checkId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (Number(found.numUpdatedRows) === 0) throw new AppError('not_found', 'buyers.error.checkNotFound');
    await trx.updateTable('buyer_plan').set({ updated_at: at }).where('id', '=', planId).execute();
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'buyers.check.record',
      targetType: 'buyer_plan',
      targetId: planId,
      details: {
        checkId: input.checkId,
        outcome: input.outcome,
        findingType: input.outcome === 'finding' ? input.findingType : null,
        note: input.note
      }
    });
  });
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Checks not yet recorded across the actor's plans: overdue (due before today) and the next 60 days. */
export async function checkDashboard(db: DB, actor: TSessionUser, now = new Date()) {
  const ids = orgIds(actor);
  if (ids.length === 0) return { overdue: [], upcoming: [] };
  const today = isoDay(now);
  const horizon = isoDay(new Date(now.getTime() + 60 * 86_400_000));
  const rows = await db
    .selectFrom('buyer_check')
    .innerJoin('buyer_plan', 'buyer_plan.id', 'buyer_check.plan_id')
    .select([
      'buyer_check.id',
      'buyer_check.kind',
      'buyer_check.due_on',
      'buyer_plan.id as plan_id',
      'buyer_plan.title as plan_title'
    ])
    .where('buyer_plan.organisation_id', 'in', ids)
    .where('buyer_check.recorded_at', 'is', null)
    .where('buyer_check.due_on', '<=', horizon)
    .orderBy('buyer_check.due_on')
    .orderBy('buyer_plan.title')
    .execute();
  const dto = (r: (typeof rows)[number]) => ({
    id: r.id,
    kind: r.kind,
    dueOn: r.due_on,
    planId: r.plan_id,
    planTitle: r.plan_title
  });
  return {
    overdue: rows.filter((r) => r.due_on < today).map(dto),
    upcoming: rows.filter((r) => r.due_on >= today).map(dto)
  };
}

/** The plan's history: every audited change, newest first. */
export async function planHistory(db: DB, planId: string) {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.actor_id')
    .select(['audit_log.seq', 'audit_log.at', 'audit_log.action', 'audit_log.details', 'app_user.display_name'])
    .where('audit_log.target_type', '=', 'buyer_plan')
    .where('audit_log.target_id', '=', planId)
    .orderBy('audit_log.seq', 'desc')
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    action: r.action,
    actor: r.display_name ?? '',
    details: JSON.parse(r.details) as Record<string, unknown>
  }));
}

/* Supplier self-assessments. */

/** Makes a one-time link for the plan's supplier. Returns the token once; only its hash is stored. */
export async function createAssessmentLink(ctx: AppContext, actor: TSessionUser, planId: string, now = new Date()) {
  await getPlan(ctx.db, actor, planId);
  const token = randomToken();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + ASSESSMENT_LINK_DAYS * 86_400_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('buyer_assessment')
      .values({
        id,
        plan_id: planId,
        token_hash: hashToken(ctx.tokenKey, token),
        expires_at: expiresAt,
        answered_at: null,
        answers: null,
        created_at: now.toISOString()
      })
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'buyers.assessment.create',
      targetType: 'buyer_plan',
      targetId: planId,
      details: { assessmentId: id, expiresAt }
    });
  });
  return { id, token, expiresAt };
}

export async function listAssessments(db: DB, planId: string, now = new Date()) {
  const rows = await db
    .selectFrom('buyer_assessment')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => {
    const answers = r.answers ? (JSON.parse(r.answers) as TAssessmentAnswers) : null;
    return {
      id: r.id,
      status: r.answered_at
        ? ('answered' as const)
        : r.expires_at <= now.toISOString()
          ? ('expired' as const)
          : ('open' as const),
      expiresAt: r.expires_at,
      answeredAt: r.answered_at,
      answers,
      flags: answers ? assessmentFlags(answers) : []
    };
  });
}

/** What a supplier's link opens: the buyer and the contract, or why the link does not work. */
async function findByToken(ctx: AppContext, token: string) {
  if (!looksLikeToken(token)) return undefined;
  return ctx.db
    .selectFrom('buyer_assessment')
    .innerJoin('buyer_plan', 'buyer_plan.id', 'buyer_assessment.plan_id')
    .innerJoin('organisation', 'organisation.id', 'buyer_plan.organisation_id')
    .select([
      'buyer_assessment.id',
      'buyer_assessment.expires_at',
      'buyer_assessment.answered_at',
      'buyer_plan.title',
      'buyer_plan.supplier_name',
      'organisation.name as buyer_name'
    ])
    .where('buyer_assessment.token_hash', '=', hashToken(ctx.tokenKey, token))
    .executeTakeFirst();
}

function linkState(row: Awaited<ReturnType<typeof findByToken>>, now: Date) {
  if (!row) throw new AppError('not_found', 'buyers.error.linkInvalid');
  if (row.answered_at) throw new AppError('conflict', 'buyers.error.linkUsed');
  if (row.expires_at <= now.toISOString()) throw new AppError('gone', 'buyers.error.linkExpired');
  return row;
}

export async function openAssessment(ctx: AppContext, token: string, now = new Date()) {
  const row = linkState(await findByToken(ctx, token), now);
  return {
    buyerName: row.buyer_name,
    contractTitle: row.title,
    supplierName: row.supplier_name,
    expiresAt: row.expires_at
  };
}

/** Stores the supplier's answers once: a second submission, or one after expiry, stores nothing. */
export async function submitAssessment(ctx: AppContext, token: string, answers: TAssessmentAnswers, now = new Date()) {
  const row = linkState(await findByToken(ctx, token), now);
  const at = now.toISOString();
  const result = await ctx.db
    .updateTable('buyer_assessment')
    .set({ answered_at: at, answers: JSON.stringify(answers) })
    .where('id', '=', row.id)
    .where('answered_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('conflict', 'buyers.error.linkUsed');
}

/* The public aggregate: anonymous counts, suppressed under 5. */

export async function buyersSummary(db: DB) {
  const bySector = await db
    .selectFrom('buyer_plan')
    .select(['sector', db.fn.countAll<number>().as('n')])
    .groupBy('sector')
    .orderBy('sector')
    .execute();
  const byFinding = await db
    .selectFrom('buyer_check')
    .select(['finding_type', db.fn.countAll<number>().as('n')])
    .where('outcome', '=', 'finding')
    .groupBy('finding_type')
    .orderBy('finding_type')
    .execute();
  const recorded = await db
    .selectFrom('buyer_check')
    .select(db.fn.countAll<number>().as('n'))
    .where('recorded_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return {
    plansBySector: bySector.map((r) => ({ sector: r.sector, plans: suppressCount(Number(r.n)) })),
    findingsByType: byFinding.map((r) => ({
      findingType: r.finding_type ?? 'other',
      findings: suppressCount(Number(r.n))
    })),
    checksRecorded: suppressCount(Number(recorded.n))
  };
}

/** The organisations the actor can make plans for, by name. */
export async function memberOrganisations(db: DB, actor: TSessionUser) {
  const ids = orgIds(actor);
  if (ids.length === 0) return [];
  return db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', ids).orderBy('name').execute();
}

/** Everything the plan page shows, for a member of the plan's organisation. */
export async function planPage(db: DB, actor: TSessionUser, id: string, now = new Date()) {
  const plan = await getPlan(db, actor, id);
  return {
    plan,
    checks: await listChecks(db, id),
    assessments: await listAssessments(db, id, now),
    history: await planHistory(db, id)
  };
}
