import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { createOrganisation, listOrganisations } from '$lib/server/admin/admin.service';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireAdminUser } from '$lib/server/http/guards';
import { organisationKinds, ZOrganisationForm } from '$lib/schemas/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAdminUser(locals, url);
  const ctx = await app();
  return { organisations: await listOrganisations(ctx.db), kinds: organisationKinds };
};

export const actions: Actions = {
  create: async ({ request, locals, url }) => {
    const actor = requireAdminUser(locals, url);
    // Layout loads do not run before actions, so the TOTP rule is enforced here too.
    const parsed = await parseForm(request, ZOrganisationForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const ctx = await app();
    let id: string;
    try {
      ({ id } = await createOrganisation(ctx.db, actor, parsed.data));
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/admin/organisations/${id}?created=1`, locals.locale));
  }
};
