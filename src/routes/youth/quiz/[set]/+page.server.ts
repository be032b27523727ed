import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate, type Locale } from '$lib/i18n';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { answerSelfPaced, getQuiz } from '$lib/server/youth/youth.service';
import { feedbackView, questionView, setCard, summaryView } from '$lib/server/youth/youth.view';
import { parseProgress } from '$lib/youth/core';
import type { TQuizSet } from '$lib/youth/quiz';
import type { Actions, PageServerLoad } from './$types';

async function quizOr404(id: string, locale: Locale): Promise<TQuizSet> {
  try {
    return await getQuiz((await app()).db, id);
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found')
      error(404, { message: translate(locale, e.message, e.params), code: 'not_found' });
    throw e;
  }
}

/**
 * One question per page. The progress so far (`?r=` with 1 for right, 0 for wrong) is in the address,
 * so the quiz works without JavaScript and without storing anything about the pupil.
 */
export const load: PageServerLoad = async ({ params, url, locals }) => {
  const set = await quizOr404(params.set, locals.locale);
  const progress = parseProgress(url.searchParams.get('r'), set.questions.length);
  const finished = progress.length >= set.questions.length;
  return {
    set: setCard(set, locals.locale),
    progress,
    question: finished ? null : questionView(set, progress.length, locals.locale),
    summary: finished ? summaryView(set, progress, locals.locale) : null
  };
};

/** The answer: a radio `answer`, or checkboxes `answer-<option>` for questions with several right answers. */
const ZAnswerForm = z.looseObject({ answer: z.string().max(60).optional() });

export const actions: Actions = {
  default: async ({ params, url, request, locals }) => {
    const set = await quizOr404(params.set, locals.locale);
    const parsed = await parseForm(request, ZAnswerForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const raw = parsed.data as Record<string, unknown>;
    const chosen = [
      ...(typeof raw.answer === 'string' ? [raw.answer] : []),
      ...Object.keys(raw)
        .filter((k) => k.startsWith('answer-') && raw[k] === 'on')
        .map((k) => k.slice('answer-'.length))
    ];
    try {
      const outcome = await answerSelfPaced((await app()).db, {
        setId: set.id,
        progress: url.searchParams.get('r') ?? '',
        chosen
      });
      return { feedback: feedbackView(set, outcome, locals.locale) };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
