import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { login } from '$lib/server/auth/auth.service';
import { createSessionWithKeys, endSession } from '$lib/server/auth/session.service';
import { loginThrottle } from '$lib/server/auth/throttle';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { safeNext } from '$lib/server/http/redirects';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import { ZLoginForm } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), locals.locale));
  return {
    notice:
      url.searchParams.get('notice') === 'logged-out'
        ? 'loggedOut'
        : url.searchParams.has('next')
          ? 'loginRequired'
          : null
  };
};

export const actions: Actions = {
  default: async ({ request, cookies, url, locals, getClientAddress }) => {
    const parsed = await parseForm(request, ZLoginForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const ctx = await app();
    // The client address only feeds the in-memory keyed throttle hash; it is never stored or logged.
    const client = { throttle: loginThrottle, key: loginThrottle.clientKey(getClientAddress()) };
    let userId: string;
    try {
      ({ userId } = await login(ctx, parsed.data, client));
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    // A new session id at every login; any session the browser had is ended.
    if (locals.sessionId) await endSession(ctx.db, locals.sessionId);
    const session = await createSessionWithKeys(ctx, userId, parsed.data.password);
    setSessionCookie(cookies, url, session.token, session.expiresAt);
    redirect(303, safeNext(url.searchParams.get('next'), locals.locale, localizePath('/admin', 'nb')));
  }
};
