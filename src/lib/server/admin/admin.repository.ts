import type { Executor } from '../db/schema';

export async function listOrganisations(db: Executor) {
  return db
    .selectFrom('organisation')
    .leftJoin('membership', 'membership.organisation_id', 'organisation.id')
    .select((eb) => [
      'organisation.id',
      'organisation.name',
      'organisation.kind',
      'organisation.org_number',
      'organisation.created_at',
      eb.fn.count<number>('membership.user_id').distinct().as('members')
    ])
    .groupBy([
      'organisation.id',
      'organisation.name',
      'organisation.kind',
      'organisation.org_number',
      'organisation.created_at'
    ])
    .orderBy('organisation.name')
    .execute();
}

export async function findOrganisation(db: Executor, id: string) {
  return db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganisation(
  db: Executor,
  row: { id: string; name: string; kind: string; org_number: string | null; created_at: string; updated_at: string }
) {
  await db.insertInto('organisation').values(row).execute();
}

export async function updateOrganisation(
  db: Executor,
  id: string,
  set: { name: string; kind: string; org_number: string | null; updated_at: string }
): Promise<boolean> {
  const r = await db.updateTable('organisation').set(set).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function membersOfOrganisation(db: Executor, organisationId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select(['app_user.id', 'app_user.display_name', 'app_user.email', 'app_user.deactivated_at', 'membership.role'])
    .where('membership.organisation_id', '=', organisationId)
    .orderBy('app_user.display_name')
    .execute();
}

export async function listUsers(db: Executor) {
  return db
    .selectFrom('app_user')
    .select(['id', 'email', 'display_name', 'created_at', 'deactivated_at', 'totp_secret'])
    .orderBy('display_name')
    .execute();
}

export async function membershipsWithOrganisation(db: Executor, userId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .select(['organisation.id as organisation_id', 'organisation.name as organisation_name', 'membership.role'])
    .where('membership.user_id', '=', userId)
    .orderBy('organisation.name')
    .execute();
}

export async function deleteMembership(
  db: Executor,
  row: { user_id: string; organisation_id: string; role: string }
): Promise<boolean> {
  const r = await db
    .deleteFrom('membership')
    .where('user_id', '=', row.user_id)
    .where('organisation_id', '=', row.organisation_id)
    .where('role', '=', row.role)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function setUserDeactivated(db: Executor, userId: string, at: string | null): Promise<boolean> {
  const r = await db.updateTable('app_user').set({ deactivated_at: at }).where('id', '=', userId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listOpenInvites(db: Executor, now: string) {
  return db
    .selectFrom('one_time_token')
    .innerJoin('organisation', 'organisation.id', 'one_time_token.organisation_id')
    .select([
      'one_time_token.id',
      'one_time_token.email',
      'one_time_token.role',
      'one_time_token.expires_at',
      'organisation.name as organisation_name'
    ])
    .where('purpose', '=', 'invite')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('one_time_token.created_at', 'desc')
    .execute();
}

export async function revokeInvite(db: Executor, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('one_time_token')
    .set({ expires_at: now })
    .where('id', '=', id)
    .where('purpose', '=', 'invite')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
