import { error, redirect } from '@sveltejs/kit';
import { localizePath, translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { requireStaff } from '$lib/server/http/guards';
import { isAppError } from '$lib/server/errors';
import { openNotification } from '$lib/server/notifications/notifications.service';
import type { RequestHandler } from './$types';

/** Opening a notification (from the list or an e-mail) marks it read and goes to what it is about. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
  const user = requireStaff(locals, url);
  let link: string;
  try {
    ({ link } = await openNotification((await app()).db, user, params.id));
  } catch (e) {
    if (isAppError(e)) error(e.status, { message: translate(locals.locale, e.message), code: e.code });
    throw e;
  }
  redirect(303, localizePath(link, locals.locale));
};
