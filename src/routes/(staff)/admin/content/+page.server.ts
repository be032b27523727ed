import { ZContentSettingsForm } from '$lib/schemas/content';
import { app } from '$lib/server/app';
import { QUIZ_KIND } from '$lib/server/content/content.quiz';
import { CHECKLIST_KIND } from '$lib/server/content/content.checklist-kind';
import { helpStudioList, homeStudioList } from '$lib/server/content/content.studio-lists';
import { contentRoles, listContent, listKind, setContentSettings } from '$lib/server/content/content.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireAdminUser, requireRole } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireRole(locals, url, contentRoles);
  return withHttpErrors(locals.locale, async () => ({
    ...(await listContent((await app()).db, actor)),
    quizzes: await listKind((await app()).db, actor, QUIZ_KIND, locals.locale),
    checklists: await listKind((await app()).db, actor, CHECKLIST_KIND, locals.locale),
    helpPages: await helpStudioList((await app()).db, actor, locals.locale),
    homeTexts: await homeStudioList((await app()).db, actor, locals.locale),
    isAdmin: actor.roles.includes('admin')
  }));
};

export const actions: Actions = {
  settings: async ({ request, locals, url }) => {
    const actor = requireAdminUser(locals, url);
    const parsed = await parseForm(request, ZContentSettingsForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await setContentSettings((await app()).db, actor, {
        twoPersonReview: parsed.data.twoPersonReview === 'on',
        sourceAgeYears: parsed.data.sourceAgeYears
      });
      return { settingsSaved: true };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
