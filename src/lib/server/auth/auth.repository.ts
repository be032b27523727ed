import type { Executor } from '../db/schema';

export async function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Executor,
  row: {
    id: string;
    email: string;
    display_name: string;
    password_hash: string;
    totp_secret: string | null;
    totp_last_step: number | null;
    created_at: string;
  }
) {
  await db.insertInto('app_user').values(row).execute();
}

export async function membershipsOf(db: Executor, userId: string) {
  return db.selectFrom('membership').select(['organisation_id', 'role']).where('user_id', '=', userId).execute();
}

/** Adds a membership; false when the user already had that role in that organisation. */
export async function insertMembership(
  db: Executor,
  row: { user_id: string; organisation_id: string; role: string }
): Promise<boolean> {
  const r = await db
    .insertInto('membership')
    .values({ ...row, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'organisation_id', 'role']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .where('membership.role', '=', 'admin')
    .where('app_user.deactivated_at', 'is', null)
    .select((eb) => eb.fn.count<number>('app_user.id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordFailedLogin(db: Executor, userId: string, failures: number, lockedUntil: string | null) {
  await db
    .updateTable('app_user')
    .set({ failed_logins: failures, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function recordSuccessfulLogin(db: Executor, userId: string, totpStep: number | null) {
  const set: { failed_logins: number; locked_until: null; totp_last_step?: number } = {
    failed_logins: 0,
    locked_until: null
  };
  if (totpStep !== null) set.totp_last_step = totpStep;
  await db.updateTable('app_user').set(set).where('id', '=', userId).execute();
}

/** Sets the last used TOTP step only if it moves forward; false when the step was already used. */
export async function advanceTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setTotp(db: Executor, userId: string, secret: string, step: number) {
  await db
    .updateTable('app_user')
    .set({ totp_secret: secret, totp_last_step: step })
    .where('id', '=', userId)
    .execute();
}

export async function setPasswordHash(db: Executor, userId: string, passwordHash: string) {
  await db.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

// Sessions ------------------------------------------------------------------------------------

export async function insertSession(
  db: Executor,
  row: { id: string; user_id: string; created_at: string; last_seen_at: string; expires_at: string }
) {
  await db.insertInto('session').values(row).execute();
}

export async function findSession(db: Executor, id: string) {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, at: string) {
  await db.updateTable('session').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string) {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string) {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string, idleCutoff: string): Promise<number> {
  const r = await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// One-time tokens -----------------------------------------------------------------------------

export async function insertOneTimeToken(
  db: Executor,
  row: {
    id: string;
    token_hash: string;
    purpose: string;
    email: string | null;
    organisation_id: string | null;
    role: string | null;
    created_by: string | null;
    created_at: string;
    expires_at: string;
  }
) {
  await db.insertInto('one_time_token').values(row).execute();
}

export async function findUsableToken(db: Executor, tokenHash: string, purpose: string, now: string) {
  return db
    .selectFrom('one_time_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks a token used if it still is usable; false when another request used it first. */
export async function consumeToken(db: Executor, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('one_time_token')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function expireUnusedTokens(db: Executor, purpose: string, now: string) {
  await db
    .updateTable('one_time_token')
    .set({ expires_at: now })
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
}
