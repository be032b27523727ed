import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit.service';
import type { TSessionUser } from '../auth/auth.types';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import {
  decodeKey,
  encodeKey,
  publicKeyOf,
  recoveryWrapKey,
  newRecoveryKey,
  ReportCryptoError,
  sealTo,
  unwrapWithKey,
  wrapWithKey
} from './report.crypto';
import { activeOrganisations, sessionOrgKey } from './report.keys';
import { caseAccess, dayOf, requireCaseHandler, type TCaseSession, type TReportDeps } from './report.service';

/**
 * Managing reports and an organisation's report keys beyond the daily work of report.service.ts:
 * forwarding a report to another organisation, recovery keys, retention settings.
 */

// ---------------------------------------------------------------------------------------------------
// Forwarding (reroute)

/** Organisations a case handler can forward this report to: active inboxes that do not have it yet. */
export async function forwardTargets(
  deps: TReportDeps,
  user: TSessionUser | null,
  session: TCaseSession,
  reportId: string
): Promise<{ id: string; name: string }[]> {
  await caseAccess(deps, user, session, reportId);
  const active = [...(await activeOrganisations(deps.db))];
  if (!active.length) return [];
  const has = new Set(
    (
      await deps.db.selectFrom('report_recipient').select('organisation_id').where('report_id', '=', reportId).execute()
    ).map((r) => r.organisation_id)
  );
  const orgs = await deps.db
    .selectFrom('organisation')
    .innerJoin('report_org_key', 'report_org_key.organisation_id', 'organisation.id')
    .select(['organisation.id', 'organisation.name'])
    .where('organisation.id', 'in', active)
    .orderBy('organisation.name')
    .execute();
  return orgs.filter((o) => !has.has(o.id));
}

/**
 * Forwards a report to another organisation with an active inbox: the report's data key is sealed to
 * that organisation's public key (nothing is re-encrypted: the content stays under the same data key,
 * so the reporter's receipt keeps working). The first organisation keeps access or loses it (its
 * sealed key is deleted), as the case handler chose. Audited; the reporter sees "forwarded to …".
 * Returns whether the case handler's organisation still has the report.
 */
export async function forwardReport(
  deps: TReportDeps,
  user: TSessionUser | null,
  session: TCaseSession,
  reportId: string,
  input: { organisationId: string; access: 'keep' | 'drop' },
  now = new Date()
): Promise<{ kept: boolean }> {
  const { recipient, dataKey, user: actor } = await caseAccess(deps, user, session, reportId);
  const targets = await forwardTargets(deps, user, session, reportId);
  if (!targets.some((t) => t.id === input.organisationId)) {
    throw new AppError('validation', 'report.forward.error.target', {
      fields: { organisationId: 'report.forward.error.target' }
    });
  }
  const key = await deps.db
    .selectFrom('report_org_key')
    .select('public_key')
    .where('organisation_id', '=', input.organisationId)
    .executeTakeFirstOrThrow();
  const sealed = await sealTo(await decodeKey(key.public_key), dataKey);
  const kept = input.access === 'keep';
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_recipient')
      .values({
        report_id: recipient.id,
        organisation_id: input.organisationId,
        sealed_data_key: sealed,
        created_at: dayOf(now)
      })
      .execute();
    await trx
      .insertInto('report_forward')
      .values({
        id: randomUUID(),
        report_id: recipient.id,
        from_organisation_id: recipient.organisation_id,
        to_organisation_id: input.organisationId,
        user_id: actor.id,
        first_access: kept ? 'kept' : 'dropped',
        created_on: dayOf(now)
      })
      .execute();
    if (!kept) {
      await trx
        .deleteFrom('report_recipient')
        .where('report_id', '=', recipient.id)
        .where('organisation_id', '=', recipient.organisation_id)
        .execute();
    }
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'report.forwarded',
      targetType: 'report',
      targetId: recipient.id,
      details: { from: recipient.organisation_id, to: input.organisationId, firstAccess: kept ? 'kept' : 'dropped' }
    });
  });
  return { kept };
}

/** The forwards of a report, oldest first, with the receiving organisation's name (for the reporter). */
export async function reportForwards(db: Executor, reportId: string): Promise<{ to: string; on: string }[]> {
  const rows = await db
    .selectFrom('report_forward')
    .innerJoin('organisation', 'organisation.id', 'report_forward.to_organisation_id')
    .select(['organisation.name', 'report_forward.created_on'])
    .where('report_forward.report_id', '=', reportId)
    .orderBy('report_forward.created_on')
    .orderBy('report_forward.id')
    .execute();
  return rows.map((r) => ({ to: r.name, on: r.created_on.slice(0, 10) }));
}

// ---------------------------------------------------------------------------------------------------
// Key holders: case handlers of the organisation whose session holds its key

async function requireKeyHolder(db: Executor, user: TSessionUser | null, session: TCaseSession, orgId: string) {
  requireCaseHandler(user, orgId);
  const orgKey = await sessionOrgKey(db, session, orgId);
  if (!orgKey) throw new AppError('forbidden', 'report.error.noKey');
  return { user, orgKey };
}

export interface TOrgKeySettings {
  organisationId: string;
  organisationName: string;
  hasKey: boolean;
  closedRetentionDays: number | null;
  reporterRetentionDays: number | null;
  recoveryCreatedAt: string | null;
}

/** An organisation's report settings, for its case handlers. */
export async function orgKeySettings(
  db: Executor,
  user: TSessionUser | null,
  session: TCaseSession,
  organisationId: string
): Promise<TOrgKeySettings> {
  requireCaseHandler(user, organisationId);
  const org = await db
    .selectFrom('organisation')
    .leftJoin('report_org_key', 'report_org_key.organisation_id', 'organisation.id')
    .leftJoin('report_org_recovery', 'report_org_recovery.organisation_id', 'organisation.id')
    .select([
      'organisation.name',
      'report_org_key.closed_retention_days',
      'report_org_key.reporter_retention_days',
      'report_org_recovery.created_at as recovery_created_at'
    ])
    .where('organisation.id', '=', organisationId)
    .executeTakeFirst();
  if (!org) throw new AppError('not_found', 'report.error.notFound');
  return {
    organisationId,
    organisationName: org.name,
    hasKey: (await sessionOrgKey(db, session, organisationId)) !== null,
    closedRetentionDays: org.closed_retention_days === null ? null : Number(org.closed_retention_days),
    reporterRetentionDays: org.reporter_retention_days === null ? null : Number(org.reporter_retention_days),
    recoveryCreatedAt: org.recovery_created_at
  };
}

/** Sets how long closed reports and idle receipts are kept; only a key holder may. Audited. */
export async function updateRetention(
  db: DB,
  user: TSessionUser | null,
  session: TCaseSession,
  organisationId: string,
  input: { closedRetentionDays: number; reporterRetentionDays: number }
): Promise<void> {
  const { user: actor } = await requireKeyHolder(db, user, session, organisationId);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('report_org_key')
      .set({
        closed_retention_days: input.closedRetentionDays,
        reporter_retention_days: input.reporterRetentionDays
      })
      .where('organisation_id', '=', organisationId)
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'report.retention_changed',
      targetType: 'organisation',
      targetId: organisationId,
      details: { ...input }
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Recovery keys

const recoveryAd = (orgId: string) => `forebygg/report-recovery/${orgId}`;

/**
 * Makes the organisation's recovery key (replacing any earlier one) and returns it, the only time it is
 * ever seen: the organisation's private key is stored wrapped under a key derived from it.
 */
export async function createRecoveryKey(
  db: DB,
  user: TSessionUser | null,
  session: TCaseSession,
  organisationId: string,
  now = new Date()
): Promise<string> {
  const { user: actor, orgKey } = await requireKeyHolder(db, user, session, organisationId);
  const text = await newRecoveryKey();
  const wrapKey = recoveryWrapKey(text);
  if (!wrapKey) throw new Error('a new recovery key must parse');
  const wrapped = await wrapWithKey(wrapKey, orgKey.privateKey, recoveryAd(organisationId));
  const row = { wrapped_private_key: wrapped, created_by: actor.id, created_at: now.toISOString() };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_org_recovery')
      .values({ organisation_id: organisationId, ...row })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(row))
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'report.recovery_key_created',
      targetType: 'organisation',
      targetId: organisationId
    });
  });
  return text;
}

function requireAdmin(user: TSessionUser | null): asserts user is TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  if (!user.roles.includes('admin')) throw new AppError('forbidden', 'auth.error.forbidden');
}

/** For administrators: organisations with a recovery key, and their case handlers who have a key pair. */
export async function recoveryOverview(db: Executor, user: TSessionUser | null) {
  requireAdmin(user);
  const orgs = await db
    .selectFrom('report_org_recovery')
    .innerJoin('organisation', 'organisation.id', 'report_org_recovery.organisation_id')
    .select(['organisation.id', 'organisation.name', 'report_org_recovery.created_at'])
    .orderBy('organisation.name')
    .execute();
  const members = orgs.length
    ? await db
        .selectFrom('membership')
        .innerJoin('app_user', 'app_user.id', 'membership.user_id')
        .innerJoin('report_user_key', 'report_user_key.user_id', 'membership.user_id')
        .select(['membership.organisation_id', 'app_user.id', 'app_user.display_name', 'app_user.email'])
        .where('membership.role', '=', 'case_handler')
        .where('app_user.deactivated_at', 'is', null)
        .where(
          'membership.organisation_id',
          'in',
          orgs.map((o) => o.id)
        )
        .orderBy('app_user.display_name')
        .execute()
    : [];
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    createdAt: o.created_at,
    caseHandlers: members
      .filter((m) => m.organisation_id === o.id)
      .map((m) => ({ id: m.id, name: `${m.display_name} (${m.email})` }))
  }));
}

/**
 * An administrator uses the organisation's recovery key to grant its key to a case handler (for
 * instance a new one, after every key holder lost their password). A wrong key is a 400 with a field
 * message; nothing is stored. The case handler has the key at their next login. Audited.
 */
export async function grantWithRecoveryKey(
  db: DB,
  user: TSessionUser | null,
  input: { organisationId: string; userId: string; recoveryKey: string }
): Promise<void> {
  requireAdmin(user);
  const wrong = new AppError('validation', 'report.recovery.error.wrong', {
    fields: { recoveryKey: 'report.recovery.error.wrong' }
  });
  const row = await db
    .selectFrom('report_org_recovery')
    .innerJoin('report_org_key', 'report_org_key.organisation_id', 'report_org_recovery.organisation_id')
    .select(['report_org_recovery.wrapped_private_key', 'report_org_key.public_key'])
    .where('report_org_recovery.organisation_id', '=', input.organisationId)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('validation', 'report.recovery.error.none', {
      fields: { organisationId: 'report.recovery.error.none' }
    });
  }
  const member = await db
    .selectFrom('membership')
    .innerJoin('report_user_key', 'report_user_key.user_id', 'membership.user_id')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select('report_user_key.public_key')
    .where('membership.organisation_id', '=', input.organisationId)
    .where('membership.user_id', '=', input.userId)
    .where('membership.role', '=', 'case_handler')
    .where('app_user.deactivated_at', 'is', null)
    .executeTakeFirst();
  if (!member) {
    throw new AppError('validation', 'report.recovery.error.member', {
      fields: { userId: 'report.recovery.error.member' }
    });
  }
  const wrapKey = recoveryWrapKey(input.recoveryKey);
  if (!wrapKey) throw wrong;
  let privateKey: Uint8Array;
  try {
    privateKey = await unwrapWithKey(wrapKey, row.wrapped_private_key, recoveryAd(input.organisationId));
  } catch (e) {
    if (e instanceof ReportCryptoError) throw wrong;
    throw e;
  }
  if ((await encodeKey(await publicKeyOf(privateKey))) !== row.public_key) throw wrong;
  const sealed = await sealTo(await decodeKey(member.public_key), privateKey);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_org_grant')
      .values({
        organisation_id: input.organisationId,
        user_id: input.userId,
        sealed_private_key: sealed,
        granted_by: user.id,
        created_at: now
      })
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'user_id']).doUpdateSet({ sealed_private_key: sealed, granted_by: user.id })
      )
      .execute();
    await appendAudit(trx, {
      actorId: user.id,
      action: 'report.recovery_key_used',
      targetType: 'user',
      targetId: input.userId,
      details: { organisationId: input.organisationId }
    });
  });
}
