import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { clearPupilCookie, PUPIL_COOKIE, setPupilCookie } from '$lib/server/youth/classroom.cookie';
import { answerInClass, joinClassSession, pupilView } from '$lib/server/youth/classroom.service';
import { pupilViewData } from '$lib/server/youth/classroom.view';
import type { Actions, PageServerLoad } from './$types';

/** A pupil's page: the join form, or the session they are in. Nothing here is cached. */
export const load: PageServerLoad = async ({ cookies, locals, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'no-store' });
  const token = cookies.get(PUPIL_COOKIE);
  const view = token ? await pupilView(await app(), token) : null;
  if (token && !view) clearPupilCookie(cookies);
  return {
    pupil: view ? pupilViewData(view, locals.locale) : null,
    code: (url.searchParams.get('code') ?? '').slice(0, 20)
  };
};

const ZJoin = z.object({
  code: z.string().max(20, { message: 'youth.class.error.codeFormat' }).default(''),
  nickname: z.string().max(200, { message: 'youth.class.error.nickname' }).default('')
});
/** The answer: a radio `answer`, or checkboxes `answer-<option>`; the question and run it answers. */
const ZAnswer = z.looseObject({
  questionId: z.string().max(60),
  run: z.string().max(10),
  answer: z.string().max(60).optional()
});

export const actions: Actions = {
  join: async ({ request, cookies, locals, url }) => {
    const parsed = await parseForm(request, ZJoin, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      const { pupilToken } = await joinClassSession(await app(), parsed.data);
      setPupilCookie(cookies, url, pupilToken);
    } catch (e) {
      // The code is not a secret here: give it back so the pupil can correct it.
      return failFromError(e, locals.locale, { ...parsed.values, code: parsed.data.code });
    }
    redirect(303, localizePath('/join', locals.locale));
  },

  answer: async ({ request, cookies, locals }) => {
    const parsed = await parseForm(request, ZAnswer, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const raw = parsed.data as Record<string, unknown>;
    const chosen = [
      ...(typeof raw.answer === 'string' ? [raw.answer] : []),
      ...Object.keys(raw)
        .filter((k) => k.startsWith('answer-') && raw[k] === 'on')
        .map((k) => k.slice('answer-'.length))
    ];
    try {
      await answerInClass(await app(), cookies.get(PUPIL_COOKIE) ?? '', {
        questionId: parsed.data.questionId,
        run: parsed.data.run,
        chosen
      });
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath('/join', locals.locale));
  },

  leave: async ({ cookies, locals }) => {
    clearPupilCookie(cookies);
    redirect(303, localizePath('/join', locals.locale));
  }
};
