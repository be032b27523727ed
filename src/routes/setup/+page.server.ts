import { error, redirect } from '@sveltejs/kit';
import { localizePath, translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { completeSetup, isSetupTokenUsable } from '$lib/server/auth/auth.service';
import { createSessionWithKeys } from '$lib/server/auth/session.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import { totpView, withTotpView } from '$lib/server/http/totp-form';
import { organisationKinds } from '$lib/schemas/admin';
import { ZSetupForm } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const token = url.searchParams.get('token');
  if (!(await isSetupTokenUsable(await app(), token))) {
    error(410, { message: translate(locals.locale, 'auth.error.setupTokenInvalid'), code: 'gone' });
  }
  return { token: token as string, kinds: organisationKinds, totp: await totpView('admin') };
};

export const actions: Actions = {
  default: async ({ request, cookies, url, locals }) => {
    const parsed = await parseForm(request, ZSetupForm, locals.locale);
    if (!parsed.ok) return withTotpView(parsed.failure, 'admin');
    const ctx = await app();
    let userId: string;
    try {
      ({ userId } = await completeSetup(ctx, parsed.data));
    } catch (e) {
      return withTotpView(failFromError(e, locals.locale, parsed.values), 'admin');
    }
    const session = await createSessionWithKeys(ctx, userId, parsed.data.password);
    setSessionCookie(cookies, url, session.token, session.expiresAt);
    redirect(303, localizePath('/admin', locals.locale));
  }
};
