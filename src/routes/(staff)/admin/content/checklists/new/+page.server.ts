import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { ZChecklistNewForm } from '$lib/schemas/content-create';
import { app } from '$lib/server/app';
import { checklistStarts, createChecklist } from '$lib/server/content/content.checklist-new';
import { contentRoles } from '$lib/server/content/content.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

/** A new sector's checklist: id, names, and an empty skeleton or a published checklist to copy. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals, url, contentRoles);
  return withHttpErrors(locals.locale, async () => ({
    starts: (await checklistStarts(await app())).map((c) => ({ id: c.id, title: c.title[locals.locale] }))
  }));
};

export const actions: Actions = {
  /** Creates the draft and opens it in the form editor; a message per field otherwise, nothing stored. */
  default: async ({ locals, url, request }) => {
    const actor = requireRole(locals, url, contentRoles);
    const parsed = await parseForm(request, ZChecklistNewForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const { id, start } = parsed.data;
    let key: string;
    try {
      key = (
        await createChecklist(await app(), actor, {
          id,
          title: { nb: parsed.data['title.nb'], en: parsed.data['title.en'] },
          start
        })
      ).key;
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/admin/content/checklists/${key}`, locals.locale));
  }
};
