import { requiresTotp } from '$lib/server/auth/auth.types';
import { requireStaff } from '$lib/server/http/guards';
import { app } from '$lib/server/app';
import { unreadCount } from '$lib/server/notifications/notifications.service';
import type { LayoutServerLoad } from './$types';

/** Every page under /admin needs a signed-in user, with TOTP where their role requires it. */
export const load: LayoutServerLoad = async ({ locals, url }) => {
  const user = requireStaff(locals, url);
  return {
    isAdmin: user.roles.includes('admin'),
    needsTotp: !user.hasTotp && requiresTotp(user.roles),
    unreadNotifications: await unreadCount((await app()).db, user.id)
  };
};
