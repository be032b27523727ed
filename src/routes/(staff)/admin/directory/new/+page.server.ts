import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { requireDirectoryEditor } from '$lib/server/directory/directory.guard';
import { saveEntry } from '$lib/server/directory/directory.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { ZEntryForm } from '$lib/schemas/directory';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  requireDirectoryEditor(locals, url);
  return {};
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const actor = requireDirectoryEditor(locals, url);
    const parsed = await parseForm(request, ZEntryForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    let id: string;
    try {
      ({ id } = await saveEntry((await app()).db, actor, null, parsed.data));
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/admin/directory/${id}?created=1`, locals.locale));
  }
};
