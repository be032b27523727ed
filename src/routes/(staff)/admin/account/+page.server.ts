import { fail, type ActionFailure } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { changePassword, enrolTotp } from '$lib/server/auth/auth.service';
import { failFromError, parseForm, type TFormFailure } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { totpView, withTotpView } from '$lib/server/http/totp-form';
import { ZPasswordChangeForm, ZTotpEnrolForm } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

/** Names the form that failed, so the page shows the message beside it. */
function failedForm<T extends TFormFailure>(failure: ActionFailure<T>, form: 'totp' | 'password') {
  return fail(failure.status, { ...failure.data, form });
}

/** Open to every signed-in user, including those the layout sends here to enrol TOTP first. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  return { email: user.email, hasTotp: user.hasTotp, totp: await totpView(user.email) };
};

export const actions: Actions = {
  totp: async ({ request, locals, url }) => {
    const user = requireUser(locals, url);
    const parsed = await parseForm(request, ZTotpEnrolForm, locals.locale);
    if (!parsed.ok) return failedForm(await withTotpView(parsed.failure, user.email), 'totp');
    const ctx = await app();
    try {
      await enrolTotp(ctx, user.id, parsed.data.totpSecret, parsed.data.code);
    } catch (e) {
      return failedForm(await withTotpView(failFromError(e, locals.locale, parsed.values), user.email), 'totp');
    }
    // The loads that render this answer run in the same request: let them see the new state.
    locals.user = { ...user, hasTotp: true };
    return { totpSaved: true };
  },
  password: async ({ request, locals, url }) => {
    const user = requireUser(locals, url);
    const parsed = await parseForm(request, ZPasswordChangeForm, locals.locale);
    if (!parsed.ok) return failedForm(parsed.failure, 'password');
    const ctx = await app();
    try {
      await changePassword(ctx, user.id, locals.sessionId ?? '', parsed.data);
    } catch (e) {
      return failedForm(failFromError(e, locals.locale, parsed.values), 'password');
    }
    return { passwordSaved: true };
  }
};
