import { app } from '$lib/server/app';
import { requireDirectoryEditor } from '$lib/server/directory/directory.guard';
import { getLicence, listForStaff, setLicence } from '$lib/server/directory/directory.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireAdminUser } from '$lib/server/http/guards';
import { ZLicenceForm } from '$lib/schemas/directory';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireDirectoryEditor(locals, url);
  const ctx = await app();
  const entries = await listForStaff(ctx.db, actor);
  return {
    entries: entries.map((e) => ({
      id: e.id,
      name: e.name,
      verification: e.verification,
      verifiedAt: e.verifiedAt,
      stale: e.stale,
      published: e.published
    })),
    licence: await getLicence(ctx.db),
    isAdmin: actor.roles.includes('admin')
  };
};

export const actions: Actions = {
  licence: async ({ request, locals, url }) => {
    const actor = requireAdminUser(locals, url);
    const parsed = await parseForm(request, ZLicenceForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await setLicence((await app()).db, actor, parsed.data);
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { licenceSaved: true };
  }
};
