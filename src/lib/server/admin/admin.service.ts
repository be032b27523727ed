import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit.service';
import * as authRepo from '../auth/auth.repository';
import { createInviteToken } from '../auth/auth.service';
import type { TRole, TSessionUser } from '../auth/auth.types';
import type { TAuthDeps } from '../auth/session.service';
import { isUniqueViolation } from '../db/connect';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import type { TInviteForm, TMembershipForm, TOrganisationForm } from '../../schemas/admin';
import * as repo from './admin.repository';

/** Throws unless the user is an administrator (an `admin` membership in any organisation). */
export function requireAdmin(user: TSessionUser | null): asserts user is TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  if (!user.roles.includes('admin')) throw new AppError('forbidden', 'auth.error.forbidden');
}

export async function listOrganisations(db: DB) {
  return (await repo.listOrganisations(db)).map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    orgNumber: o.org_number,
    members: Number(o.members),
    createdAt: o.created_at
  }));
}

export async function getOrganisation(db: DB, id: string) {
  const org = await repo.findOrganisation(db, id);
  if (!org) throw new AppError('not_found', 'admin.error.organisationNotFound');
  const members = await repo.membersOfOrganisation(db, id);
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    orgNumber: org.org_number,
    members: members.map((m) => ({
      id: m.id,
      displayName: m.display_name,
      email: m.email,
      role: m.role,
      active: !m.deactivated_at
    }))
  };
}

function orgNumberTaken(e: unknown): never {
  if (isUniqueViolation(e)) {
    throw new AppError('conflict', 'admin.error.orgNumberTaken', {
      fields: { orgNumber: 'admin.error.orgNumberTaken' }
    });
  }
  throw e;
}

export async function createOrganisation(
  db: DB,
  actor: TSessionUser,
  input: TOrganisationForm
): Promise<{ id: string }> {
  requireAdmin(actor);
  const id = randomUUID();
  const at = new Date().toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertOrganisation(trx, {
        id,
        name: input.name,
        kind: input.kind,
        org_number: input.orgNumber || null,
        created_at: at,
        updated_at: at
      });
      await appendAudit(trx, {
        actorId: actor.id,
        action: 'organisation.created',
        targetType: 'organisation',
        targetId: id,
        details: { ...input }
      });
    });
  } catch (e) {
    orgNumberTaken(e);
  }
  return { id };
}

export async function updateOrganisation(
  db: DB,
  actor: TSessionUser,
  id: string,
  input: TOrganisationForm
): Promise<void> {
  requireAdmin(actor);
  try {
    await db.transaction().execute(async (trx) => {
      const changed = await repo.updateOrganisation(trx, id, {
        name: input.name,
        kind: input.kind,
        org_number: input.orgNumber || null,
        updated_at: new Date().toISOString()
      });
      if (!changed) throw new AppError('not_found', 'admin.error.organisationNotFound');
      await appendAudit(trx, {
        actorId: actor.id,
        action: 'organisation.updated',
        targetType: 'organisation',
        targetId: id,
        details: { ...input }
      });
    });
  } catch (e) {
    orgNumberTaken(e);
  }
}

export async function listUsers(db: DB) {
  return (await repo.listUsers(db)).map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    createdAt: u.created_at,
    active: !u.deactivated_at,
    hasTotp: u.totp_secret !== null
  }));
}

export async function getUser(db: DB, id: string) {
  const user = await authRepo.findUserById(db, id);
  if (!user) throw new AppError('not_found', 'admin.error.userNotFound');
  const memberships = await repo.membershipsWithOrganisation(db, id);
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    createdAt: user.created_at,
    deactivatedAt: user.deactivated_at,
    hasTotp: user.totp_secret !== null,
    memberships: memberships.map((m) => ({
      organisationId: m.organisation_id,
      organisationName: m.organisation_name,
      role: m.role as TRole
    }))
  };
}

/**
 * Invites a person by e-mail into an organisation with a role. Returns the one-time link token,
 * shown once to the administrator to pass on (e-mail delivery comes with notifications).
 */
export async function inviteUser(
  deps: TAuthDeps,
  actor: TSessionUser,
  input: TInviteForm
): Promise<{ token: string; expiresAt: string }> {
  requireAdmin(actor);
  if (await authRepo.findUserByEmail(deps.db, input.email)) {
    throw new AppError('conflict', 'admin.error.userExists', { fields: { email: 'admin.error.userExists' } });
  }
  if (!(await repo.findOrganisation(deps.db, input.organisationId))) {
    throw new AppError('validation', 'admin.error.organisationNotFound', {
      fields: { organisationId: 'admin.error.organisationNotFound' }
    });
  }
  return deps.db.transaction().execute(async (trx) => {
    const result = await createInviteToken(deps, trx, { ...input, createdBy: actor.id });
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'invite.created',
      targetType: 'organisation',
      targetId: input.organisationId,
      details: { email: input.email, role: input.role }
    });
    return result;
  });
}

export async function listOpenInvites(db: DB) {
  return (await repo.listOpenInvites(db, new Date().toISOString())).map((i) => ({
    id: i.id,
    email: i.email ?? '',
    role: i.role ?? '',
    organisationName: i.organisation_name,
    expiresAt: i.expires_at
  }));
}

export async function revokeInvite(db: DB, actor: TSessionUser, inviteId: string): Promise<void> {
  requireAdmin(actor);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.revokeInvite(trx, inviteId, new Date().toISOString())))
      throw new AppError('not_found', 'admin.error.inviteNotFound');
    await appendAudit(trx, { actorId: actor.id, action: 'invite.revoked', targetType: 'invite', targetId: inviteId });
  });
}

export async function addMembership(db: DB, actor: TSessionUser, input: TMembershipForm): Promise<void> {
  requireAdmin(actor);
  await db.transaction().execute(async (trx) => {
    if (!(await authRepo.findUserById(trx, input.userId))) throw new AppError('not_found', 'admin.error.userNotFound');
    if (!(await repo.findOrganisation(trx, input.organisationId))) {
      throw new AppError('validation', 'admin.error.organisationNotFound', {
        fields: { organisationId: 'admin.error.organisationNotFound' }
      });
    }
    if (
      !(await authRepo.insertMembership(trx, {
        user_id: input.userId,
        organisation_id: input.organisationId,
        role: input.role
      }))
    ) {
      throw new AppError('conflict', 'admin.error.membershipExists', {
        fields: { role: 'admin.error.membershipExists' }
      });
    }
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'membership.added',
      targetType: 'user',
      targetId: input.userId,
      details: { organisationId: input.organisationId, role: input.role }
    });
  });
}

/** Removes a membership; refuses to remove the last active administrator's admin role. */
export async function removeMembership(db: DB, actor: TSessionUser, input: TMembershipForm): Promise<void> {
  requireAdmin(actor);
  await db.transaction().execute(async (trx) => {
    const row = { user_id: input.userId, organisation_id: input.organisationId, role: input.role };
    if (!(await repo.deleteMembership(trx, row))) throw new AppError('not_found', 'admin.error.membershipNotFound');
    if (input.role === 'admin' && (await authRepo.countActiveAdmins(trx)) === 0)
      throw new AppError('conflict', 'admin.error.lastAdmin');
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'membership.removed',
      targetType: 'user',
      targetId: input.userId,
      details: { organisationId: input.organisationId, role: input.role }
    });
  });
}

/** Deactivates a user and ends all their sessions at once. The last active administrator stays. */
export async function deactivateUser(db: DB, actor: TSessionUser, userId: string): Promise<void> {
  requireAdmin(actor);
  await db.transaction().execute(async (trx) => {
    const user = await authRepo.findUserById(trx, userId);
    if (!user) throw new AppError('not_found', 'admin.error.userNotFound');
    if (user.deactivated_at) return;
    await repo.setUserDeactivated(trx, userId, new Date().toISOString());
    if ((await authRepo.countActiveAdmins(trx)) === 0) throw new AppError('conflict', 'admin.error.lastAdmin');
    await authRepo.deleteSessionsOfUser(trx, userId);
    await appendAudit(trx, { actorId: actor.id, action: 'user.deactivated', targetType: 'user', targetId: userId });
  });
}

export async function reactivateUser(db: DB, actor: TSessionUser, userId: string): Promise<void> {
  requireAdmin(actor);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.setUserDeactivated(trx, userId, null)))
      throw new AppError('not_found', 'admin.error.userNotFound');
    await appendAudit(trx, { actorId: actor.id, action: 'user.reactivated', targetType: 'user', targetId: userId });
  });
}
