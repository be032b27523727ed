import type { DB, Executor } from '../db/schema';
import { appendAudit } from '../audit/audit.service';
import {
  decodeKey,
  encodeKey,
  KDF_PASSWORD,
  newKeyPair,
  openSealed,
  publicKeyOf,
  ReportCryptoError,
  sealTo,
  sessionKeyFromToken,
  unwrapWithKey,
  unwrapWithPassword,
  wrapWithKey,
  wrapWithPassword,
  type TKdfCost,
  type TKeyPair
} from './report.crypto';

/**
 * Keys of members and organisations (docs/security.md, "Reports: key design"). The password is only
 * ever in memory during login, setup, invitation or password change; the unlocked organisation keys
 * live in `report_session_key`, encrypted under a key derived from the session cookie.
 */

const sessionAd = (sessionId: string) => `forebygg/session-keys/${sessionId}`;

/** The member's key pair, made on first use with the password they just proved. */
async function userKeyPair(db: Executor, userId: string, password: string, cost: TKdfCost): Promise<TKeyPair | null> {
  const row = await db.selectFrom('report_user_key').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (row) {
    try {
      const privateKey = await unwrapWithPassword(row.wrapped_private_key, password);
      return { privateKey, publicKey: await decodeKey(row.public_key) };
    } catch (e) {
      if (e instanceof ReportCryptoError) return null;
      throw e;
    }
  }
  const kp = await newKeyPair();
  const now = new Date().toISOString();
  await db
    .insertInto('report_user_key')
    .values({
      user_id: userId,
      public_key: await encodeKey(kp.publicKey),
      wrapped_private_key: await wrapWithPassword(kp.privateKey, password, cost),
      created_at: now,
      updated_at: now
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  // Another login may have raced us: use whatever is stored.
  return userKeyPair(db, userId, password, cost);
}

/** Case-handler memberships of an active user. */
async function caseHandlerOrgs(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('membership')
    .select('organisation_id')
    .where('user_id', '=', userId)
    .where('role', '=', 'case_handler')
    .execute();
  return rows.map((r) => r.organisation_id);
}

/**
 * At login (and setup, invitation, password change): unlocks the member's organisation keys and keeps
 * them for this session only. An organisation of which they are a case handler and that has no key
 * yet gets one now, granted to them. Returns the organisations whose keys this session holds.
 */
export async function unlockForSession(
  db: DB,
  input: { userId: string; password: string; sessionId: string; sessionToken: string },
  cost: TKdfCost = KDF_PASSWORD
): Promise<string[]> {
  const orgs = await caseHandlerOrgs(db, input.userId);
  // Only case handlers hold report keys; other staff get no key pair.
  if (!orgs.length) return [];
  const kp = await userKeyPair(db, input.userId, input.password, cost);
  if (!kp) return [];
  const now = new Date().toISOString();
  for (const orgId of orgs) {
    const existing = await db
      .selectFrom('report_org_key')
      .select('organisation_id')
      .where('organisation_id', '=', orgId)
      .executeTakeFirst();
    if (existing) continue;
    const org = await newKeyPair();
    await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('report_org_key')
        .values({ organisation_id: orgId, public_key: await encodeKey(org.publicKey), created_at: now })
        .onConflict((oc) => oc.column('organisation_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
      await trx
        .insertInto('report_org_grant')
        .values({
          organisation_id: orgId,
          user_id: input.userId,
          sealed_private_key: await sealTo(kp.publicKey, org.privateKey),
          granted_by: null,
          created_at: now
        })
        .execute();
      await appendAudit(trx, {
        actorId: input.userId,
        action: 'report.org_key_created',
        targetType: 'organisation',
        targetId: orgId
      });
    });
  }
  const grants = await db
    .selectFrom('report_org_grant')
    .innerJoin('report_org_key', 'report_org_key.organisation_id', 'report_org_grant.organisation_id')
    .innerJoin('membership', (j) =>
      j
        .onRef('membership.organisation_id', '=', 'report_org_grant.organisation_id')
        .onRef('membership.user_id', '=', 'report_org_grant.user_id')
    )
    .select(['report_org_grant.organisation_id', 'report_org_grant.sealed_private_key', 'report_org_key.public_key'])
    .where('report_org_grant.user_id', '=', input.userId)
    .where('membership.role', '=', 'case_handler')
    .execute();
  const keys: Record<string, string> = {};
  for (const g of grants) {
    try {
      const privateKey = await openSealed(g.sealed_private_key, kp);
      if ((await encodeKey(await publicKeyOf(privateKey))) !== g.public_key) continue;
      keys[g.organisation_id] = await encodeKey(privateKey);
    } catch (e) {
      if (!(e instanceof ReportCryptoError)) throw e;
    }
  }
  const stored = await wrapWithKey(
    sessionKeyFromToken(input.sessionToken),
    new TextEncoder().encode(JSON.stringify(keys)),
    sessionAd(input.sessionId)
  );
  await db
    .insertInto('report_session_key')
    .values({ session_id: input.sessionId, keys: stored })
    .onConflict((oc) => oc.column('session_id').doUpdateSet({ keys: stored }))
    .execute();
  return Object.keys(keys).sort();
}

/**
 * The organisation's key pair held by this session, or null: no keys unlocked, another cookie, the
 * session ended (its row and so its keys are gone), or no grant for that organisation.
 */
export async function sessionOrgKey(
  db: Executor,
  session: { sessionId: string; sessionToken: string | undefined },
  organisationId: string
): Promise<TKeyPair | null> {
  if (!session.sessionToken) return null;
  const row = await db
    .selectFrom('report_session_key')
    .innerJoin('session', 'session.id', 'report_session_key.session_id')
    .innerJoin('report_org_key', (j) => j.on('report_org_key.organisation_id', '=', organisationId))
    .select(['report_session_key.keys', 'report_org_key.public_key'])
    .where('report_session_key.session_id', '=', session.sessionId)
    .executeTakeFirst();
  if (!row) return null;
  try {
    const plain = await unwrapWithKey(
      sessionKeyFromToken(session.sessionToken),
      row.keys,
      sessionAd(session.sessionId)
    );
    const keys = JSON.parse(new TextDecoder().decode(plain)) as Record<string, string>;
    const text = keys[organisationId];
    if (!text) return null;
    return { privateKey: await decodeKey(text), publicKey: await decodeKey(row.public_key) };
  } catch (e) {
    if (e instanceof ReportCryptoError || e instanceof SyntaxError) return null;
    throw e;
  }
}

/** Re-wraps the member's private key under a new password (called with the password change). */
export async function rewrapUserKey(
  db: Executor,
  userId: string,
  currentPassword: string,
  newPassword: string,
  cost: TKdfCost = KDF_PASSWORD
): Promise<void> {
  const row = await db.selectFrom('report_user_key').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!row) return;
  let privateKey: Uint8Array;
  try {
    privateKey = await unwrapWithPassword(row.wrapped_private_key, currentPassword);
  } catch (e) {
    if (e instanceof ReportCryptoError) return;
    throw e;
  }
  await db
    .updateTable('report_user_key')
    .set({
      wrapped_private_key: await wrapWithPassword(privateKey, newPassword, cost),
      updated_at: new Date().toISOString()
    })
    .where('user_id', '=', userId)
    .execute();
}

/**
 * Grants the organisation's key to its case handlers who have a key pair but no grant yet, sealing
 * it to their public keys. Run when a member who holds the key opens the inbox; audited per grant.
 */
export async function grantPendingMembers(
  db: DB,
  actorId: string,
  organisationId: string,
  orgKey: TKeyPair
): Promise<number> {
  const pending = await db
    .selectFrom('membership')
    .innerJoin('report_user_key', 'report_user_key.user_id', 'membership.user_id')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .leftJoin('report_org_grant', (j) =>
      j
        .onRef('report_org_grant.user_id', '=', 'membership.user_id')
        .on('report_org_grant.organisation_id', '=', organisationId)
    )
    .select(['membership.user_id', 'report_user_key.public_key'])
    .where('membership.organisation_id', '=', organisationId)
    .where('membership.role', '=', 'case_handler')
    .where('app_user.deactivated_at', 'is', null)
    .where('report_org_grant.user_id', 'is', null)
    .execute();
  for (const p of pending) {
    const sealed = await sealTo(await decodeKey(p.public_key), orgKey.privateKey);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('report_org_grant')
        .values({
          organisation_id: organisationId,
          user_id: p.user_id,
          sealed_private_key: sealed,
          granted_by: actorId,
          created_at: new Date().toISOString()
        })
        .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
        .execute();
      await appendAudit(trx, {
        actorId,
        action: 'report.org_key_granted',
        targetType: 'user',
        targetId: p.user_id,
        details: { organisationId }
      });
    });
  }
  return pending.length;
}

/** Organisations with an active inbox: a key, and an active case handler who holds it. */
export async function activeOrganisations(db: Executor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('report_org_grant')
    .innerJoin('membership', (j) =>
      j
        .onRef('membership.organisation_id', '=', 'report_org_grant.organisation_id')
        .onRef('membership.user_id', '=', 'report_org_grant.user_id')
    )
    .innerJoin('app_user', 'app_user.id', 'report_org_grant.user_id')
    .select('report_org_grant.organisation_id')
    .distinct()
    .where('membership.role', '=', 'case_handler')
    .where('app_user.deactivated_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.organisation_id));
}
