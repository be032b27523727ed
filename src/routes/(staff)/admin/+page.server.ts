import { getUser, listOpenInvites, listOrganisations, listUsers } from '$lib/server/admin/admin.service';
import { app } from '$lib/server/app';
import { requireStaff } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

/** The signed-in user's own roles and organisations; administrators also get counts. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireStaff(locals, url);
  const ctx = await app();
  const me = await getUser(ctx.db, user.id);
  const profile = { displayName: me.displayName, email: me.email, memberships: me.memberships };
  if (!user.roles.includes('admin')) return { profile, counts: null };
  const [organisations, users, invites] = await Promise.all([
    listOrganisations(ctx.db),
    listUsers(ctx.db),
    listOpenInvites(ctx.db)
  ]);
  return {
    profile,
    counts: {
      organisations: organisations.length,
      activeUsers: users.filter((u) => u.active).length,
      deactivatedUsers: users.filter((u) => !u.active).length,
      openInvites: invites.length
    }
  };
};
