import { error } from '@sveltejs/kit';
import { localizePath, translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { createAssessmentLink, planPage, recordCheck, scheduleCheck } from '$lib/server/buyers/buyers.service';
import { rulesView } from '$lib/server/buyers/buyers.view';
import { isAppError } from '$lib/server/errors';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireStaff } from '$lib/server/http/guards';
import { ZCheckRecordForm, ZCheckScheduleForm } from '$lib/schemas/buyers';
import type { Actions, PageServerLoad } from './$types';

/** One contract's plan: its rules, follow-up checks, supplier self-assessments and history. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = requireStaff(locals, url);
  try {
    const page = await planPage((await app()).db, actor, params.id);
    return { ...page, view: rulesView(page.plan, locals.locale), created: url.searchParams.has('created') };
  } catch (e) {
    if (isAppError(e)) error(e.status, { message: translate(locals.locale, e.message), code: e.code });
    throw e;
  }
};

export const actions: Actions = {
  schedule: async ({ request, locals, url, params }) => {
    const actor = requireStaff(locals, url);
    const parsed = await parseForm(request, ZCheckScheduleForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await scheduleCheck((await app()).db, actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { scheduled: true };
  },
  record: async ({ request, locals, url, params }) => {
    const actor = requireStaff(locals, url);
    const parsed = await parseForm(request, ZCheckRecordForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await recordCheck((await app()).db, actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { recorded: parsed.data.checkId };
  },
  assess: async ({ locals, url, params }) => {
    const actor = requireStaff(locals, url);
    try {
      const { token } = await createAssessmentLink(await app(), actor, params.id);
      return { link: new URL(localizePath(`/buyers/supplier/${token}`, locals.locale), url.origin).toString() };
    } catch (e) {
      return failFromError(e, locals.locale, {});
    }
  }
};
