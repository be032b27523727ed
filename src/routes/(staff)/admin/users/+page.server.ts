import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n';
import {
  inviteUser,
  listOpenInvites,
  listOrganisations,
  listUsers,
  revokeInvite
} from '$lib/server/admin/admin.service';
import { app } from '$lib/server/app';
import { failFromError, parseForm, type TFormFailure } from '$lib/server/http/forms';
import { requireAdminUser } from '$lib/server/http/guards';
import { ZInviteForm, ZRoleInput } from '$lib/schemas/admin';
import { ZId } from '$lib/schemas/fields';
import type { Actions, PageServerLoad } from './$types';

const ZRevokeForm = z.object({ inviteId: ZId });

/** Names the form that failed, so the page shows the message beside it. */
function failedForm(failure: ActionFailure<TFormFailure>, form: 'invite' | 'revoke') {
  return fail(failure.status, { ...failure.data, form });
}

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAdminUser(locals, url);
  const ctx = await app();
  const [users, invites, organisations] = await Promise.all([
    listUsers(ctx.db),
    listOpenInvites(ctx.db),
    listOrganisations(ctx.db)
  ]);
  return {
    users,
    invites,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    roles: ZRoleInput.options
  };
};

export const actions: Actions = {
  invite: async ({ request, locals, url }) => {
    const actor = requireAdminUser(locals, url);
    // Layout loads do not run before actions, so the TOTP rule is enforced here too.
    const parsed = await parseForm(request, ZInviteForm, locals.locale);
    if (!parsed.ok) return failedForm(parsed.failure, 'invite');
    const ctx = await app();
    try {
      const { token, expiresAt } = await inviteUser(ctx, actor, parsed.data);
      // Only the hash of the token is stored: this answer is the one chance to see the link.
      const link = `${url.origin}${localizePath(`/invite?token=${token}`, locals.locale)}`;
      return { invited: { email: parsed.data.email, link, expiresAt } };
    } catch (e) {
      return failedForm(failFromError(e, locals.locale, parsed.values), 'invite');
    }
  },
  revoke: async ({ request, locals, url }) => {
    const actor = requireAdminUser(locals, url);
    const parsed = await parseForm(request, ZRevokeForm, locals.locale);
    if (!parsed.ok) return failedForm(parsed.failure, 'revoke');
    const ctx = await app();
    try {
      await revokeInvite(ctx.db, actor, parsed.data.inviteId);
    } catch (e) {
      return failedForm(failFromError(e, locals.locale, parsed.values), 'revoke');
    }
    return { revoked: true };
  }
};
