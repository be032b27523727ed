import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate, type Locale } from '$lib/i18n';
import { getOrganisation, updateOrganisation } from '$lib/server/admin/admin.service';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireAdminUser } from '$lib/server/http/guards';
import { organisationKinds, ZOrganisationForm } from '$lib/schemas/admin';
import type { Actions, PageServerLoad } from './$types';

function notFound(locale: Locale): never {
  error(404, { message: translate(locale, 'admin.error.organisationNotFound'), code: 'not_found' });
}

/** The id from the URL, or a 404 when it cannot be an organisation's id. */
function organisationId(param: string, locale: Locale): string {
  const id = z.uuid().safeParse(param);
  if (!id.success) notFound(locale);
  return id.data;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireAdminUser(locals, url);
  const id = organisationId(params.id, locals.locale);
  const ctx = await app();
  try {
    return {
      organisation: await getOrganisation(ctx.db, id),
      kinds: organisationKinds,
      created: url.searchParams.has('created')
    };
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound(locals.locale);
    throw e;
  }
};

export const actions: Actions = {
  update: async ({ request, locals, url, params }) => {
    const actor = requireAdminUser(locals, url);
    // Layout loads do not run before actions, so the TOTP rule is enforced here too.
    const id = organisationId(params.id, locals.locale);
    const parsed = await parseForm(request, ZOrganisationForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const ctx = await app();
    try {
      await updateOrganisation(ctx.db, actor, id, parsed.data);
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { saved: true };
  }
};
