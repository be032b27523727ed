import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { endSession } from '$lib/server/auth/session.service';
import { clearSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  redirect(303, localizePath('/login', locals.locale));
};

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    if (locals.sessionId) await endSession((await app()).db, locals.sessionId);
    clearSessionCookie(cookies);
    redirect(303, localizePath('/login?notice=logged-out', locals.locale));
  }
};
