import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit.service';
import { isUniqueViolation } from '../db/connect';
import { AppError } from '../errors';
import type { TInviteAcceptForm, TLoginForm, TSetupForm } from '../../schemas/auth';
import * as repo from './auth.repository';
import { INVITE_TOKEN_MS, requiresTotp, SETUP_TOKEN_MS, type TRole } from './auth.types';
import { rewrapUserKey } from '../report/report.keys';
import { hashPassword, verifyDummyPassword, verifyPassword } from './password';
import type { TAuthDeps } from './session.service';
import { lockoutSeconds, type ClientThrottle } from './throttle';
import { hashToken, looksLikeToken, randomToken } from './tokens';
import { verifyTotp } from './totp';

/**
 * When no active administrator exists, issues a new single-use setup token (valid 24 h) and returns
 * the path `/setup?token=…`; earlier unused setup tokens stop working. Returns null otherwise.
 */
export async function ensureSetupLink(deps: TAuthDeps, now = new Date()): Promise<string | null> {
  if ((await repo.countActiveAdmins(deps.db)) > 0) return null;
  const token = randomToken();
  await deps.db.transaction().execute(async (trx) => {
    await repo.expireUnusedTokens(trx, 'setup', now.toISOString());
    await repo.insertOneTimeToken(trx, {
      id: randomUUID(),
      token_hash: hashToken(deps.tokenKey, token),
      purpose: 'setup',
      email: null,
      organisation_id: null,
      role: 'admin',
      created_by: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SETUP_TOKEN_MS).toISOString()
    });
  });
  return `/setup?token=${token}`;
}

export async function isSetupTokenUsable(deps: TAuthDeps, token: unknown, now = new Date()): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  return !!(await repo.findUsableToken(deps.db, hashToken(deps.tokenKey, token), 'setup', now.toISOString()));
}

/**
 * Creates the operating organisation and its first administrator, with TOTP, in one transaction,
 * and uses up the setup token. Throws `gone` when the token is unknown, used or expired.
 */
export async function completeSetup(deps: TAuthDeps, input: TSetupForm, now = new Date()): Promise<{ userId: string }> {
  const step = verifyTotp(input.totpSecret, input.code, null, now.getTime());
  if (step === null)
    throw new AppError('validation', 'auth.error.totpWrong', { fields: { code: 'auth.error.totpWrong' } });
  const passwordHash = await hashPassword(input.password);
  const at = now.toISOString();
  const userId = randomUUID();
  const organisationId = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const token = await repo.findUsableToken(trx, hashToken(deps.tokenKey, input.token), 'setup', at);
    if (!token || !(await repo.consumeToken(trx, token.id, at)))
      throw new AppError('gone', 'auth.error.setupTokenInvalid');
    if ((await repo.countActiveAdmins(trx)) > 0) throw new AppError('conflict', 'auth.error.setupDone');
    await trx
      .insertInto('organisation')
      .values({
        id: organisationId,
        name: input.organisationName,
        kind: input.organisationKind,
        org_number: input.orgNumber || null,
        created_at: at,
        updated_at: at
      })
      .execute();
    await repo.insertUser(trx, {
      id: userId,
      email: input.email,
      display_name: input.displayName,
      password_hash: passwordHash,
      totp_secret: input.totpSecret,
      totp_last_step: step,
      created_at: at
    });
    await repo.insertMembership(trx, { user_id: userId, organisation_id: organisationId, role: 'admin' });
    await appendAudit(trx, {
      actorId: userId,
      action: 'setup.completed',
      targetType: 'organisation',
      targetId: organisationId,
      details: { organisation: input.organisationName }
    });
  });
  return { userId };
}

/**
 * Checks e-mail, password and (when the user has TOTP) a one-time code. The same error answers every
 * wrong combination. Throttled per account (in the database, so it holds across instances) and per
 * client (in memory, keyed hash). Returns the user id on success.
 */
export async function login(
  deps: TAuthDeps,
  input: TLoginForm,
  client: { throttle: ClientThrottle; key: string },
  now = new Date()
): Promise<{ userId: string }> {
  const clientWait = client.throttle.waitMs(client.key, now.getTime());
  if (clientWait > 0)
    throw new AppError('too_many_requests', 'auth.error.throttled', {
      params: { seconds: Math.ceil(clientWait / 1000) }
    });

  const user = await repo.findUserByEmail(deps.db, input.email);
  if (user?.locked_until && new Date(user.locked_until) > now) {
    const seconds = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 1000);
    throw new AppError('too_many_requests', 'auth.error.throttled', { params: { seconds } });
  }
  const fail = async (): Promise<never> => {
    client.throttle.recordFailure(client.key, now.getTime());
    if (user) {
      const failures = user.failed_logins + 1;
      const wait = lockoutSeconds(failures);
      await repo.recordFailedLogin(
        deps.db,
        user.id,
        failures,
        wait ? new Date(now.getTime() + wait * 1000).toISOString() : null
      );
    }
    throw new AppError('unauthenticated', 'auth.error.invalidCredentials');
  };

  if (!user) {
    await verifyDummyPassword(input.password);
    return fail();
  }
  if (!(await verifyPassword(user.password_hash, input.password)) || user.deactivated_at) return fail();
  let step: number | null = null;
  if (user.totp_secret) {
    step = verifyTotp(user.totp_secret, input.code, user.totp_last_step, now.getTime());
    if (step === null) return fail();
    // Guards against two requests racing with the same code.
    if (!(await repo.advanceTotpStep(deps.db, user.id, step))) return fail();
  }
  client.throttle.recordSuccess(client.key);
  await repo.recordSuccessfulLogin(deps.db, user.id, step);
  return { userId: user.id };
}

export interface TInviteInfo {
  email: string;
  organisationName: string;
  role: TRole;
  totpRequired: boolean;
}

/** What an invitation link offers, or null when the link is unknown, used or expired. */
export async function findInvite(deps: TAuthDeps, token: unknown, now = new Date()): Promise<TInviteInfo | null> {
  if (!looksLikeToken(token)) return null;
  const row = await deps.db
    .selectFrom('one_time_token')
    .innerJoin('organisation', 'organisation.id', 'one_time_token.organisation_id')
    .select(['one_time_token.email', 'one_time_token.role', 'organisation.name'])
    .where('token_hash', '=', hashToken(deps.tokenKey, token))
    .where('purpose', '=', 'invite')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row?.email || !row.role) return null;
  const role = row.role as TRole;
  return { email: row.email, organisationName: row.name, role, totpRequired: requiresTotp([role]) };
}

/** Creates the invited user with the membership the invitation names, and uses up the link. */
export async function acceptInvite(
  deps: TAuthDeps,
  input: TInviteAcceptForm,
  now = new Date()
): Promise<{ userId: string }> {
  const invite = await findInvite(deps, input.token, now);
  if (!invite) throw new AppError('gone', 'auth.error.inviteInvalid');
  let step: number | null = null;
  if (invite.totpRequired || input.code) {
    if (!input.totpSecret)
      throw new AppError('validation', 'auth.error.totpWrong', { fields: { code: 'auth.error.totpWrong' } });
    step = verifyTotp(input.totpSecret, input.code, null, now.getTime());
    if (step === null)
      throw new AppError('validation', 'auth.error.totpWrong', { fields: { code: 'auth.error.totpWrong' } });
  }
  const passwordHash = await hashPassword(input.password);
  const at = now.toISOString();
  const userId = randomUUID();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const token = await repo.findUsableToken(trx, hashToken(deps.tokenKey, input.token), 'invite', at);
      if (!token || !token.organisation_id || !token.role || !(await repo.consumeToken(trx, token.id, at))) {
        throw new AppError('gone', 'auth.error.inviteInvalid');
      }
      await repo.insertUser(trx, {
        id: userId,
        email: invite.email,
        display_name: input.displayName,
        password_hash: passwordHash,
        totp_secret: step === null ? null : input.totpSecret,
        totp_last_step: step,
        created_at: at
      });
      await repo.insertMembership(trx, { user_id: userId, organisation_id: token.organisation_id, role: token.role });
      await appendAudit(trx, {
        actorId: userId,
        action: 'invite.accepted',
        targetType: 'user',
        targetId: userId,
        details: { organisationId: token.organisation_id, role: token.role }
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', 'auth.error.emailTaken');
    throw e;
  }
  return { userId };
}

/** Creates an invitation token; the caller shows the link once (only its hash is kept). */
export async function createInviteToken(
  deps: TAuthDeps,
  trx: Parameters<typeof repo.insertOneTimeToken>[0],
  input: { email: string; organisationId: string; role: TRole; createdBy: string },
  now = new Date()
): Promise<{ token: string; expiresAt: string }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + INVITE_TOKEN_MS).toISOString();
  await repo.insertOneTimeToken(trx, {
    id: randomUUID(),
    token_hash: hashToken(deps.tokenKey, token),
    purpose: 'invite',
    email: input.email,
    organisation_id: input.organisationId,
    role: input.role,
    created_by: input.createdBy,
    created_at: now.toISOString(),
    expires_at: expiresAt
  });
  return { token, expiresAt };
}

/** Enrols (or replaces) TOTP for a signed-in user after checking a code from the new secret. */
export async function enrolTotp(
  deps: TAuthDeps,
  userId: string,
  secret: string,
  code: string,
  now = new Date()
): Promise<void> {
  const step = verifyTotp(secret, code, null, now.getTime());
  if (step === null)
    throw new AppError('validation', 'auth.error.totpWrong', { fields: { code: 'auth.error.totpWrong' } });
  await deps.db.transaction().execute(async (trx) => {
    await repo.setTotp(trx, userId, secret, step);
    await appendAudit(trx, { actorId: userId, action: 'user.totp_enrolled', targetType: 'user', targetId: userId });
  });
}

/** Changes a signed-in user's password after checking the current one; ends their other sessions. */
export async function changePassword(
  deps: TAuthDeps,
  userId: string,
  keepSessionId: string,
  input: { currentPassword: string; password: string }
): Promise<void> {
  const user = await repo.findUserById(deps.db, userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('validation', 'auth.error.currentPasswordWrong', {
      fields: { currentPassword: 'auth.error.currentPasswordWrong' }
    });
  }
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    await repo.setPasswordHash(trx, userId, passwordHash);
    // The member's report key is wrapped under the password: re-wrap it, or their reports are lost.
    await rewrapUserKey(trx, userId, input.currentPassword, input.password);
    await trx.deleteFrom('session').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
    await appendAudit(trx, { actorId: userId, action: 'user.password_changed', targetType: 'user', targetId: userId });
  });
}
