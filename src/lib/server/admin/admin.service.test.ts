import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { verifyAuditLog } from '../audit/audit.service';
import type { TSessionUser } from '../auth/auth.types';
import { createSession, loadSessionUser, validateSession } from '../auth/session.service';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp, uniqueEmail } from '../testing/test-app';
import {
  addMembership,
  createOrganisation,
  deactivateUser,
  getOrganisation,
  getUser,
  inviteUser,
  listOpenInvites,
  listOrganisations,
  reactivateUser,
  removeMembership,
  revokeInvite,
  updateOrganisation
} from './admin.service';

let ctx: AppContext;
let admin: TSessionUser;

beforeAll(async () => {
  ctx = await openTestApp();
  ({ admin } = await setUpAdmin(ctx));
});
afterAll(() => ctx.close());

describe('organisations', () => {
  it('creates and updates an organisation with a valid organisation number', async () => {
    const { id } = await createOrganisation(ctx.db, admin, {
      name: 'Politiet Øst',
      kind: 'police',
      orgNumber: '974760673'
    });
    await updateOrganisation(ctx.db, admin, id, { name: 'Øst politidistrikt', kind: 'police', orgNumber: '974760673' });
    const org = await getOrganisation(ctx.db, id);
    expect(org).toMatchObject({ name: 'Øst politidistrikt', kind: 'police', orgNumber: '974760673', members: [] });
    expect((await listOrganisations(ctx.db)).map((o) => o.id)).toContain(id);
  });

  it('refuses an organisation number another organisation has', async () => {
    await createOrganisation(ctx.db, admin, { name: 'Equinor', kind: 'other', orgNumber: '923609016' });
    const e = await errorOf(createOrganisation(ctx.db, admin, { name: 'Copy', kind: 'other', orgNumber: '923609016' }));
    expect(e.code).toBe('conflict');
    expect(e.fields?.orgNumber).toBe('admin.error.orgNumberTaken');
  });

  it('answers not found for an unknown organisation', async () => {
    expect((await errorOf(getOrganisation(ctx.db, '00000000-0000-4000-8000-000000000000'))).code).toBe('not_found');
    expect(
      (
        await errorOf(
          updateOrganisation(ctx.db, admin, '00000000-0000-4000-8000-000000000000', {
            name: 'x',
            kind: 'ngo',
            orgNumber: ''
          })
        )
      ).code
    ).toBe('not_found');
  });

  it('lets only administrators change organisations', async () => {
    const editor = await createStaffUser(ctx, admin, 'editor');
    expect((await errorOf(createOrganisation(ctx.db, editor, { name: 'Nope', kind: 'ngo', orgNumber: '' }))).code).toBe(
      'forbidden'
    );
  });
});

describe('users and memberships', () => {
  it('refuses to invite an e-mail that already has a user', async () => {
    const user = await createStaffUser(ctx, admin, 'editor');
    const e = await errorOf(
      inviteUser(ctx, admin, {
        email: user.email,
        organisationId: admin.memberships[0].organisationId,
        role: 'analyst'
      })
    );
    expect(e.code).toBe('conflict');
  });

  it('adds and removes memberships', async () => {
    const user = await createStaffUser(ctx, admin, 'analyst');
    const { id: orgId } = await createOrganisation(ctx.db, admin, {
      name: 'Krisesenter',
      kind: 'shelter',
      orgNumber: ''
    });
    await addMembership(ctx.db, admin, { userId: user.id, organisationId: orgId, role: 'case_handler' });
    expect(
      (await errorOf(addMembership(ctx.db, admin, { userId: user.id, organisationId: orgId, role: 'case_handler' })))
        .code
    ).toBe('conflict');
    expect((await getUser(ctx.db, user.id)).memberships).toContainEqual({
      organisationId: orgId,
      organisationName: 'Krisesenter',
      role: 'case_handler'
    });
    await removeMembership(ctx.db, admin, { userId: user.id, organisationId: orgId, role: 'case_handler' });
    expect((await getUser(ctx.db, user.id)).memberships.map((m) => m.organisationId)).not.toContain(orgId);
    expect(
      (await errorOf(removeMembership(ctx.db, admin, { userId: user.id, organisationId: orgId, role: 'case_handler' })))
        .code
    ).toBe('not_found');
  });

  it('ends every session of a deactivated user at once, and lets them back when reactivated', async () => {
    const user = await createStaffUser(ctx, admin, 'editor');
    const a = await createSession(ctx, user.id);
    const b = await createSession(ctx, user.id);
    await deactivateUser(ctx.db, admin, user.id);
    expect(await validateSession(ctx, a.token)).toBeNull();
    expect(await validateSession(ctx, b.token)).toBeNull();
    const c = await createSession(ctx, user.id);
    expect(await validateSession(ctx, c.token)).toBeNull();
    await reactivateUser(ctx.db, admin, user.id);
    const d = await createSession(ctx, user.id);
    expect(await validateSession(ctx, d.token)).not.toBeNull();
  });

  it('never leaves the platform without an active administrator', async () => {
    expect((await errorOf(deactivateUser(ctx.db, admin, admin.id))).code).toBe('conflict');
    const e = await errorOf(
      removeMembership(ctx.db, admin, {
        userId: admin.id,
        organisationId: admin.memberships[0].organisationId,
        role: 'admin'
      })
    );
    expect(e.code).toBe('conflict');
    expect((await loadSessionUser(ctx.db, admin.id))?.roles).toContain('admin');
  });

  it('lists and revokes open invitations', async () => {
    const email = uniqueEmail('revoked');
    await inviteUser(ctx, admin, { email, organisationId: admin.memberships[0].organisationId, role: 'editor' });
    const invite = (await listOpenInvites(ctx.db)).find((i) => i.email === email);
    expect(invite).toBeTruthy();
    await revokeInvite(ctx.db, admin, invite!.id);
    expect((await listOpenInvites(ctx.db)).find((i) => i.email === email)).toBeUndefined();
    expect((await errorOf(revokeInvite(ctx.db, admin, invite!.id))).code).toBe('not_found');
  });
});

describe('audit log', () => {
  it('records every change in an unbroken chain, and notices tampering', async () => {
    const before = await verifyAuditLog(ctx.db);
    expect(before.ok).toBe(true);
    const actions = (await ctx.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
    for (const a of [
      'setup.completed',
      'organisation.created',
      'organisation.updated',
      'invite.created',
      'invite.accepted',
      'membership.added',
      'membership.removed',
      'user.deactivated',
      'user.reactivated',
      'invite.revoked'
    ]) {
      expect(actions).toContain(a);
    }
    await ctx.db.updateTable('audit_log').set({ details: '{"tampered":true}' }).where('seq', '=', 2).execute();
    expect(await verifyAuditLog(ctx.db)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
