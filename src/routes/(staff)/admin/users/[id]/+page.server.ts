import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { translate, type Locale } from '$lib/i18n';
import {
  addMembership,
  deactivateUser,
  getUser,
  listOrganisations,
  reactivateUser,
  removeMembership
} from '$lib/server/admin/admin.service';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { failFromError, parseForm, type TFormFailure } from '$lib/server/http/forms';
import { requireAdminUser } from '$lib/server/http/guards';
import { ZMembershipForm, ZRoleInput, ZUserIdForm } from '$lib/schemas/admin';
import type { Actions, PageServerLoad } from './$types';

type TFormName = 'addMembership' | 'removeMembership' | 'status';

/** Names the form that failed, so the page shows the message beside it. */
function failedForm(failure: ActionFailure<TFormFailure>, form: TFormName) {
  return fail(failure.status, { ...failure.data, form });
}

function notFound(locale: Locale): never {
  error(404, { message: translate(locale, 'admin.error.userNotFound'), code: 'not_found' });
}

/** The id from the URL, or a 404 when it cannot be a user's id. */
function userId(param: string, locale: Locale): string {
  const id = z.uuid().safeParse(param);
  if (!id.success) notFound(locale);
  return id.data;
}

/** A form about another user than the one in the URL is refused rather than applied elsewhere. */
function wrongUser(locale: Locale, form: TFormName) {
  const failure: TFormFailure = { message: translate(locale, 'validation.invalid'), errors: {}, values: {} };
  return fail(400, { ...failure, form });
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireAdminUser(locals, url);
  const id = userId(params.id, locals.locale);
  const ctx = await app();
  try {
    const [user, organisations] = await Promise.all([getUser(ctx.db, id), listOrganisations(ctx.db)]);
    return {
      user,
      isSelf: user.id === actor.id,
      organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
      roles: ZRoleInput.options
    };
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound(locals.locale);
    throw e;
  }
};

export const actions: Actions = {
  addMembership: async ({ request, locals, url, params }) => {
    const actor = requireAdminUser(locals, url);
    // Layout loads do not run before actions, so the TOTP rule is enforced here too.
    const id = userId(params.id, locals.locale);
    const parsed = await parseForm(request, ZMembershipForm, locals.locale);
    if (!parsed.ok) return failedForm(parsed.failure, 'addMembership');
    if (parsed.data.userId !== id) return wrongUser(locals.locale, 'addMembership');
    const ctx = await app();
    try {
      await addMembership(ctx.db, actor, parsed.data);
    } catch (e) {
      return failedForm(failFromError(e, locals.locale, parsed.values), 'addMembership');
    }
    return { saved: 'membershipAdded' as const };
  },
  removeMembership: async ({ request, locals, url, params }) => {
    const actor = requireAdminUser(locals, url);
    const id = userId(params.id, locals.locale);
    const parsed = await parseForm(request, ZMembershipForm, locals.locale);
    if (!parsed.ok) return failedForm(parsed.failure, 'removeMembership');
    if (parsed.data.userId !== id) return wrongUser(locals.locale, 'removeMembership');
    const ctx = await app();
    try {
      await removeMembership(ctx.db, actor, parsed.data);
    } catch (e) {
      return failedForm(failFromError(e, locals.locale, parsed.values), 'removeMembership');
    }
    return { saved: 'membershipRemoved' as const };
  },
  deactivate: async ({ request, locals, url, params }) => {
    const actor = requireAdminUser(locals, url);
    const id = userId(params.id, locals.locale);
    const parsed = await parseForm(request, ZUserIdForm, locals.locale);
    if (!parsed.ok) return failedForm(parsed.failure, 'status');
    if (parsed.data.userId !== id) return wrongUser(locals.locale, 'status');
    // Signing oneself out for good is never what an administrator means to do here.
    if (parsed.data.userId === actor.id) {
      const failure: TFormFailure = {
        message: translate(locals.locale, 'admin.error.selfDeactivate'),
        errors: {},
        values: {}
      };
      return fail(409, { ...failure, form: 'status' as const });
    }
    const ctx = await app();
    try {
      await deactivateUser(ctx.db, actor, parsed.data.userId);
    } catch (e) {
      return failedForm(failFromError(e, locals.locale, parsed.values), 'status');
    }
    return { saved: 'deactivated' as const };
  },
  reactivate: async ({ request, locals, url, params }) => {
    const actor = requireAdminUser(locals, url);
    const id = userId(params.id, locals.locale);
    const parsed = await parseForm(request, ZUserIdForm, locals.locale);
    if (!parsed.ok) return failedForm(parsed.failure, 'status');
    if (parsed.data.userId !== id) return wrongUser(locals.locale, 'status');
    const ctx = await app();
    try {
      await reactivateUser(ctx.db, actor, parsed.data.userId);
    } catch (e) {
      return failedForm(failFromError(e, locals.locale, parsed.values), 'status');
    }
    return { saved: 'reactivated' as const };
  }
};
