import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath, translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { sessionForTeacher, stepClassSession, teacherView } from '$lib/server/youth/classroom.service';
import { teacherViewData } from '$lib/server/youth/classroom.view';
import { steps } from '$lib/youth/classroom';
import type { Actions, PageServerLoad } from './$types';

/** The teacher's page and projector view. Its address holds the teacher key: never cached, never logged. */
export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'no-store' });
  const ctx = await app();
  try {
    const row = await sessionForTeacher(ctx, params.key);
    const joinUrl = `${url.origin}/join`;
    return {
      view: teacherViewData(await teacherView(ctx, row), locals.locale),
      joinUrl,
      joinUrlWithCode: `${joinUrl}?code=${row.code}`,
      resumeUrl: `${url.origin}${localizePath(`/youth/classroom/t/${params.key}`, locals.locale)}`
    };
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found')
      error(404, { message: translate(locals.locale, e.message), code: 'not_found' });
    throw e;
  }
};

const ZStep = z.object({ step: z.enum(steps, { message: 'youth.class.error.invalidStep' }) });

export const actions: Actions = {
  default: async ({ params, request, locals }) => {
    const parsed = await parseForm(request, ZStep, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await stepClassSession(await app(), params.key, parsed.data.step);
    } catch (e) {
      return failFromError(e, locals.locale, {});
    }
    redirect(303, localizePath(`/youth/classroom/t/${params.key}`, locals.locale));
  }
};
