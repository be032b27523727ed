import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireStaff } from '$lib/server/http/guards';
import { getPreferences, savePreferences } from '$lib/server/notifications/notifications.service';
import { ZNotificationPreferences } from '$lib/schemas/notifications';
import type { Actions, PageServerLoad } from './$types';

/** The user's own notification settings: e-mailed kinds, at once or daily, a pause, the language. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireStaff(locals, url);
  const ctx = await app();
  return { ...(await getPreferences(ctx.db, user)), mailOn: !!ctx.config.SMTP_URL };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const user = requireStaff(locals, url);
    const parsed = await parseForm(request, ZNotificationPreferences, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await savePreferences((await app()).db, user, parsed.data);
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { saved: true };
  }
};
