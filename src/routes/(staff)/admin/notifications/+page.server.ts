import { app } from '$lib/server/app';
import { failFromError } from '$lib/server/http/forms';
import { requireStaff } from '$lib/server/http/guards';
import { listNotifications, markAllRead } from '$lib/server/notifications/notifications.service';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in user's notifications, newest first. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireStaff(locals, url);
  const ctx = await app();
  return { notifications: await listNotifications(ctx.db, user), mailOn: !!ctx.config.SMTP_URL };
};

export const actions: Actions = {
  readAll: async ({ locals, url }) => {
    const user = requireStaff(locals, url);
    try {
      await markAllRead((await app()).db, user);
    } catch (e) {
      return failFromError(e, locals.locale, {});
    }
    return { readAll: true };
  }
};
