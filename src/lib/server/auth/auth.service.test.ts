import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { inviteUser } from '../admin/admin.service';
import { verifyAuditLog } from '../audit/audit.service';
import { TEST_PASSWORD, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp, uniqueEmail } from '../testing/test-app';
import { acceptInvite, completeSetup, ensureSetupLink, findInvite, isSetupTokenUsable, login } from './auth.service';
import { createSession, loadSessionUser, purgeExpiredSessions, validateSession } from './session.service';
import { ClientThrottle } from './throttle';
import { createTotpSecret, currentTotp } from './totp';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, type TSessionUser } from './auth.types';

let ctx: AppContext;
let admin: TSessionUser;
let adminEmail: string;
let adminSecret: string;

const client = () => {
  const throttle = new ClientThrottle();
  return { throttle, key: throttle.clientKey('192.0.2.1') };
};

beforeAll(async () => {
  ctx = await openTestApp();
  // Before setup, a link can be made; each new one invalidates the last.
  const first = await ensureSetupLink(ctx);
  expect(first).toMatch(/^\/setup\?token=[A-Za-z0-9_-]{43}$/);
  const firstToken = new URL(first as string, 'http://x').searchParams.get('token');
  ({ admin, totpSecret: adminSecret, email: adminEmail } = await setUpAdmin(ctx));
  expect(await isSetupTokenUsable(ctx, firstToken)).toBe(false);
});
afterAll(() => ctx.close());

describe('first-time setup', () => {
  it('made an administrator with TOTP and recorded it in the audit log', async () => {
    expect(admin.roles).toEqual(['admin']);
    expect(admin.hasTotp).toBe(true);
    const audit = await verifyAuditLog(ctx.db);
    expect(audit.ok).toBe(true);
    const row = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'setup.completed')
      .executeTakeFirst();
    expect(row?.actor_id).toBe(admin.id);
  });

  it('offers no further setup link once an administrator exists', async () => {
    expect(await ensureSetupLink(ctx)).toBeNull();
  });

  it('stores no password or TOTP code in clear', async () => {
    const row = await ctx.db.selectFrom('app_user').selectAll().where('id', '=', admin.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('refuses a used, unknown or malformed setup token', async () => {
    const secret = createTotpSecret();
    const input = {
      token: 'A'.repeat(43),
      organisationName: 'X',
      organisationKind: 'ngo' as const,
      orgNumber: '',
      displayName: 'X',
      email: uniqueEmail(),
      password: TEST_PASSWORD,
      passwordConfirm: TEST_PASSWORD,
      totpSecret: secret,
      code: currentTotp(secret)
    };
    expect((await errorOf(completeSetup(ctx, input))).code).toBe('gone');
    expect(await isSetupTokenUsable(ctx, 'short')).toBe(false);
    expect(await isSetupTokenUsable(ctx, undefined)).toBe(false);
  });
});

describe('login', () => {
  it('needs the password and a fresh TOTP code; a reused code is refused', async () => {
    const now = new Date(Date.now() + 5 * 60_000); // a later time step than setup's
    const code = currentTotp(adminSecret, now.getTime());
    const ok = await login(ctx, { email: adminEmail, password: TEST_PASSWORD, code }, client(), now);
    expect(ok.userId).toBe(admin.id);
    const again = await errorOf(login(ctx, { email: adminEmail, password: TEST_PASSWORD, code }, client(), now));
    expect(again.code).toBe('unauthenticated');
  });

  it('answers the same for an unknown e-mail, a wrong password and a missing code', async () => {
    const later = new Date(Date.now() + 10 * 60_000);
    const messages = new Set<string>();
    for (const input of [
      { email: uniqueEmail('nobody'), password: TEST_PASSWORD, code: '' },
      { email: adminEmail, password: 'wrong password!', code: currentTotp(adminSecret, later.getTime()) },
      { email: adminEmail, password: TEST_PASSWORD, code: '' }
    ]) {
      const e = await errorOf(login(ctx, input, client(), later));
      expect(e.code).toBe('unauthenticated');
      messages.add(e.message);
    }
    expect(messages.size).toBe(1);
  });

  it('throttles an account after repeated failures, with a growing wait, across clients', async () => {
    const email = uniqueEmail('victim');
    const secret = createTotpSecret();
    const { token } = await inviteUser(ctx, admin, {
      email,
      organisationId: admin.memberships[0].organisationId,
      role: 'editor'
    });
    await acceptInvite(ctx, {
      token,
      displayName: 'Eve Editor',
      password: TEST_PASSWORD,
      passwordConfirm: TEST_PASSWORD,
      totpSecret: secret,
      code: ''
    });
    const now = new Date();
    for (let i = 0; i < 3; i++) {
      expect((await errorOf(login(ctx, { email, password: 'bad password 1', code: '' }, client(), now))).code).toBe(
        'unauthenticated'
      );
    }
    // The right password from a new client is still refused while the account waits.
    const locked = await errorOf(login(ctx, { email, password: TEST_PASSWORD, code: '' }, client(), now));
    expect(locked.code).toBe('too_many_requests');
    expect(locked.params?.seconds).toBe(1);
    const after = new Date(now.getTime() + 1500);
    expect((await login(ctx, { email, password: TEST_PASSWORD, code: '' }, client(), after)).userId).toBeTruthy();
  });

  it('throttles one client across accounts, in memory', async () => {
    const c = client();
    const now = new Date();
    for (let i = 0; i < 3; i++)
      await errorOf(login(ctx, { email: uniqueEmail('x'), password: 'nope nope nope', code: '' }, c, now));
    const e = await errorOf(login(ctx, { email: adminEmail, password: TEST_PASSWORD, code: '' }, c, now));
    expect(e.code).toBe('too_many_requests');
  });
});

describe('sessions', () => {
  it('stores only a hash of the token and finds the user by the token', async () => {
    const { token } = await createSession(ctx, admin.id);
    const rows = await ctx.db.selectFrom('session').select('id').where('user_id', '=', admin.id).execute();
    expect(rows.map((r) => r.id)).not.toContain(token);
    const found = await validateSession(ctx, token);
    expect(found?.user.id).toBe(admin.id);
    expect(await validateSession(ctx, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(await validateSession(ctx, 'garbage')).toBeNull();
  });

  it('ends after 30 minutes idle and 12 hours in all', async () => {
    const start = new Date('2026-01-01T08:00:00Z');
    const idle = await createSession(ctx, admin.id, start);
    expect(await validateSession(ctx, idle.token, new Date(start.getTime() + SESSION_IDLE_MS - 1000))).not.toBeNull();
    expect(await validateSession(ctx, idle.token, new Date(start.getTime() + 2 * SESSION_IDLE_MS))).toBeNull();

    const active = await createSession(ctx, admin.id, start);
    let t = start.getTime();
    while (t + 20 * 60_000 < start.getTime() + SESSION_ABSOLUTE_MS) {
      t += 20 * 60_000;
      expect(await validateSession(ctx, active.token, new Date(t))).not.toBeNull();
    }
    expect(await validateSession(ctx, active.token, new Date(start.getTime() + SESSION_ABSOLUTE_MS))).toBeNull();
  });

  it('purges expired sessions', async () => {
    const old = await createSession(ctx, admin.id, new Date('2020-01-01T00:00:00Z'));
    expect(await purgeExpiredSessions(ctx.db)).toBeGreaterThanOrEqual(1);
    expect(await validateSession(ctx, old.token, new Date('2020-01-01T00:01:00Z'))).toBeNull();
  });
});

describe('invitations', () => {
  it('creates the user with the invited role once; the link then stops working', async () => {
    const email = uniqueEmail('analyst');
    const { token } = await inviteUser(ctx, admin, {
      email,
      organisationId: admin.memberships[0].organisationId,
      role: 'analyst'
    });
    expect(await findInvite(ctx, token)).toMatchObject({ email, role: 'analyst', totpRequired: false });
    const { userId } = await acceptInvite(ctx, {
      token,
      displayName: 'Ann Analyst',
      password: TEST_PASSWORD,
      passwordConfirm: TEST_PASSWORD,
      totpSecret: '',
      code: ''
    });
    expect((await loadSessionUser(ctx.db, userId))?.roles).toEqual(['analyst']);
    expect(await findInvite(ctx, token)).toBeNull();
    const again = await errorOf(
      acceptInvite(ctx, {
        token,
        displayName: 'X',
        password: TEST_PASSWORD,
        passwordConfirm: TEST_PASSWORD,
        totpSecret: '',
        code: ''
      })
    );
    expect(again.code).toBe('gone');
  });

  it('requires TOTP enrolment for a case handler', async () => {
    const email = uniqueEmail('case');
    const { token } = await inviteUser(ctx, admin, {
      email,
      organisationId: admin.memberships[0].organisationId,
      role: 'case_handler'
    });
    const noCode = await errorOf(
      acceptInvite(ctx, {
        token,
        displayName: 'C',
        password: TEST_PASSWORD,
        passwordConfirm: TEST_PASSWORD,
        totpSecret: '',
        code: ''
      })
    );
    expect(noCode.fields?.code).toBe('auth.error.totpWrong');
    const secret = createTotpSecret();
    const { userId } = await acceptInvite(ctx, {
      token,
      displayName: 'C',
      password: TEST_PASSWORD,
      passwordConfirm: TEST_PASSWORD,
      totpSecret: secret,
      code: currentTotp(secret)
    });
    expect((await loadSessionUser(ctx.db, userId))?.hasTotp).toBe(true);
  });
});
