import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath, translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { getStoredQuiz, saveQuestion } from '$lib/server/youth/youth.service';
import { OPTION_ROWS, questionFields } from '$lib/youth/question-form';
import type { Actions, PageServerLoad } from './$types';

const editors = ['admin', 'editor'] as const;
/** `new` adds a question at the end of the set. */
const NEW = 'new';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const user = requireRole(locals, url, editors);
  try {
    const stored = await getStoredQuiz((await app()).db, user, params.id);
    const index = stored.set.questions.findIndex((q) => q.id === params.qid);
    if (params.qid !== NEW && index < 0)
      error(404, { message: translate(locals.locale, 'youth.editor.error.unknownQuestion'), code: 'not_found' });
    return {
      setId: stored.set.id,
      setTitle: stored.set.title[locals.locale],
      isNew: params.qid === NEW,
      number: index < 0 ? stored.set.questions.length + 1 : index + 1,
      rows: OPTION_ROWS,
      fields: questionFields(stored.set.questions[index] ?? null),
      sources: stored.set.sources.map((s) => ({ id: s.id, title: s.title }))
    };
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found')
      error(404, { message: translate(locals.locale, e.message), code: 'not_found' });
    throw e;
  }
};

const text = z.string().max(2000, { message: 'validation.tooLong' }).optional();
/** Every field is text; which are filled and how they fit together is checked by the quiz schema. */
const ZQuestionForm = z.record(
  z.string().regex(/^(text|explanation|option-[0-4])-(nb|en)$|^correct-[0-4]$|^source-[a-z0-9-]{1,41}$/),
  text
);

export const actions: Actions = {
  default: async ({ locals, url, request, params }) => {
    const user = requireRole(locals, url, editors);
    const parsed = await parseForm(request, ZQuestionForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await saveQuestion(
        (await app()).db,
        user,
        params.id,
        params.qid === NEW ? null : params.qid,
        Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, v ?? '']))
      );
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/admin/youth/${params.id}?saved=question`, locals.locale));
  }
};
