import type { DB } from '../db/schema';
import * as repo from './auth.repository';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, ZRole, type TRole, type TSessionUser } from './auth.types';
import { hashToken, looksLikeToken, randomToken } from './tokens';
import { unlockForSession } from '../report/report.keys';

export interface TAuthDeps {
  db: DB;
  tokenKey: Buffer;
}

/** Only the session's keyed hash is stored: a copy of the database cannot be used to sign in. */
export async function createSession(
  deps: TAuthDeps,
  userId: string,
  now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await repo.insertSession(deps.db, {
    id: hashToken(deps.tokenKey, token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString()
  });
  return { token, expiresAt };
}

/**
 * Creates a session after the user proved their password, and unlocks their organisations' report
 * keys into it (encrypted under a key only the new cookie carries). The password is not kept.
 */
export async function createSessionWithKeys(
  deps: TAuthDeps,
  userId: string,
  password: string,
  now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
  const session = await createSession(deps, userId, now);
  await unlockForSession(deps.db, {
    userId,
    password,
    sessionId: hashToken(deps.tokenKey, session.token),
    sessionToken: session.token
  });
  return session;
}

/** Loads the user a session token belongs to, with memberships; null when absent or unusable. */
export async function loadSessionUser(db: DB, userId: string): Promise<TSessionUser | null> {
  const user = await repo.findUserById(db, userId);
  if (!user || user.deactivated_at) return null;
  const memberships = (await repo.membershipsOf(db, userId)).flatMap((m) => {
    const role = ZRole.safeParse(m.role);
    return role.success ? [{ organisationId: m.organisation_id, role: role.data }] : [];
  });
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    roles: [...new Set(memberships.map((m) => m.role))] as TRole[],
    memberships,
    hasTotp: user.totp_secret !== null
  };
}

/**
 * Validates a session cookie value: the session must exist, be within 12 h of login and 30 min of
 * its last request, and its user active. Ends expired sessions. Refreshes `last_seen_at` at most
 * once a minute to keep writes down.
 */
export async function validateSession(
  deps: TAuthDeps,
  token: string | undefined,
  now = new Date()
): Promise<{ sessionId: string; user: TSessionUser } | null> {
  if (!looksLikeToken(token)) return null;
  const id = hashToken(deps.tokenKey, token);
  const session = await repo.findSession(deps.db, id);
  if (!session) return null;
  const lastSeen = new Date(session.last_seen_at).getTime();
  if (new Date(session.expires_at).getTime() <= now.getTime() || lastSeen + SESSION_IDLE_MS <= now.getTime()) {
    await repo.deleteSession(deps.db, id);
    return null;
  }
  const user = await loadSessionUser(deps.db, session.user_id);
  if (!user) {
    await repo.deleteSession(deps.db, id);
    return null;
  }
  if (now.getTime() - lastSeen > 60_000) await repo.touchSession(deps.db, id, now.toISOString());
  return { sessionId: id, user };
}

export async function endSession(db: DB, sessionId: string): Promise<void> {
  await repo.deleteSession(db, sessionId);
}

/** Removes sessions past their absolute or idle expiry; returns how many. */
export async function purgeExpiredSessions(db: DB, now = new Date()): Promise<number> {
  return repo.deleteExpiredSessions(db, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
}
