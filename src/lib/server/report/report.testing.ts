import type { AppContext } from '../app';
import { createOrganisation, inviteUser } from '../admin/admin.service';
import { acceptInvite } from '../auth/auth.service';
import type { TSessionUser } from '../auth/auth.types';
import { createSession, loadSessionUser } from '../auth/session.service';
import { hashToken } from '../auth/tokens';
import { createTotpSecret, currentTotp } from '../auth/totp';
import { TEST_PASSWORD } from '../testing/fixtures';
import { uniqueEmail } from '../testing/test-app';
import { KDF_TEST } from './report.crypto';
import { unlockForSession } from './report.keys';
import type { TCaseSession } from './report.service';

/** Test helpers of the report module: organisations, case handlers with TOTP, and unlocked sessions. */

export async function createTestOrganisation(ctx: AppContext, admin: TSessionUser, name: string): Promise<string> {
  return (await createOrganisation(ctx.db, admin, { name, kind: 'ngo', orgNumber: '' })).id;
}

/** Logs a user in as the login route does: a new session, and their organisation keys unlocked into it. */
export async function signIn(ctx: AppContext, userId: string, password = TEST_PASSWORD): Promise<TCaseSession> {
  const { token } = await createSession(ctx, userId);
  const sessionId = hashToken(ctx.tokenKey, token);
  await unlockForSession(ctx.db, { userId, password, sessionId, sessionToken: token }, KDF_TEST);
  return { sessionId, sessionToken: token };
}

/** A case handler of `organisationId`, invited and enrolled with TOTP. */
export async function createCaseHandler(
  ctx: AppContext,
  admin: TSessionUser,
  organisationId: string
): Promise<TSessionUser> {
  const { token } = await inviteUser(ctx, admin, { email: uniqueEmail('case'), organisationId, role: 'case_handler' });
  const totpSecret = createTotpSecret();
  const { userId } = await acceptInvite(ctx, {
    token,
    displayName: 'A case handler',
    password: TEST_PASSWORD,
    passwordConfirm: TEST_PASSWORD,
    totpSecret,
    code: currentTotp(totpSecret, Date.now())
  });
  const user = await loadSessionUser(ctx.db, userId);
  if (!user) throw new Error('the case handler was not created');
  return user;
}
