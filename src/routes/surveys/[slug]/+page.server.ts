import { fail, redirect } from '@sveltejs/kit';
import { localizePath, translate, type Locale } from '$lib/i18n';
import { app } from '$lib/server/app';
import { AppError, isAppError } from '$lib/server/errors';
import { withHttpErrors } from '$lib/server/http/load';
import {
  answeredWaves,
  markAnswered,
  rawOf,
  readSurveyPost,
  recordOf,
  type TSurveyPost
} from '$lib/server/surveys/surveys.form';
import {
  checkResponse,
  isQuotaFull,
  openCollection,
  placesOf,
  submitResponse
} from '$lib/server/surveys/surveys.service';
import { sectionsView, titleOf } from '$lib/surveys/view';
import { weightingTypes } from '$lib/surveys/definition';
import { nextSection } from '$lib/surveys/response';
import type { Actions, PageServerLoad } from './$types';

const linkOf = (url: URL) => url.searchParams.get('l')?.slice(0, 40) || null;
const tokenOf = (url: URL) => url.searchParams.get('t')?.slice(0, 80) || null;

export const load: PageServerLoad = ({ params, url, locals, cookies }) =>
  withHttpErrors(locals.locale, async () => {
    const ctx = await app();
    const c = await openCollection(ctx.db, params.slug, linkOf(url));
    const def = c.definition;
    return {
      slug: c.survey.slug,
      title: titleOf(def, locals.locale),
      intro: locals.locale === 'en' ? def.intro_en : def.intro_nb,
      minAge: def.min_age,
      sections: sectionsView(def, await placesOf(ctx.db), locals.locale),
      panel: c.link?.kind === 'panel',
      alreadyAnswered: c.link?.kind !== 'panel' && answeredWaves(cookies).includes(c.wave.id)
    };
  });

/** A failure that keeps the respondent on the same page with what they chose. */
function stay(status: number, locale: Locale, post: TSurveyPost, message: string, errors: Record<string, string> = {}) {
  return fail(status, { message, errors, step: post.step ?? -1, carried: post.carried, current: post.current });
}

export const actions: Actions = {
  default: async ({ request, params, url, locals, cookies }) => {
    const locale = locals.locale;
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return fail(415, { message: translate(locale, 'validation.notAForm'), errors: {} });
    }
    const post = readSurveyPost(form);
    const ctx = await app();
    let c;
    try {
      c = await openCollection(ctx.db, params.slug, linkOf(url));
    } catch (e) {
      if (!isAppError(e)) throw e;
      return fail(e.status, { message: translate(locale, e.message), errors: {} });
    }
    if (c.link?.kind !== 'panel' && answeredWaves(cookies).includes(c.wave.id))
      return fail(409, { message: translate(locale, 'surveys.error.alreadyAnswered'), errors: {} });
    const def = c.definition;

    if (post.step === -1) {
      if (post.ageOk === 'no') return { tooYoung: true };
      if (post.ageOk !== 'yes')
        return stay(400, locale, post, translate(locale, 'validation.summary'), {
          age_ok: translate(locale, 'validation.choose')
        });
      return { step: nextSection(def, -1, new Map()) ?? 0, carried: {}, current: {} };
    }
    if (post.step === null || post.step < 0 || post.step >= def.sections.length)
      return fail(400, { message: translate(locale, 'validation.invalid'), errors: {} });

    const step = post.step;
    try {
      const earlier = await checkResponse(ctx.db, def, post.carried, {
        sections: def.sections.map((_, i) => i).filter((i) => i < step)
      });
      const answers = await checkResponse(ctx.db, def, post.current, { sections: [step], earlier });
      const asksWeighting = def.sections[step].questions.some((q) =>
        (weightingTypes as readonly string[]).includes(q.type)
      );
      if (asksWeighting && (await isQuotaFull(ctx.db, c.wave, def, answers))) return { quotaFull: true };
      const next = nextSection(def, step, answers);
      if (next !== null) return { step: next, carried: recordOf(answers), current: {} };
      await submitResponse(ctx.db, {
        surveyId: c.survey.id,
        waveId: c.wave.id,
        linkId: c.link?.id ?? null,
        token: tokenOf(url),
        answers: rawOf(answers)
      });
      markAnswered(cookies, url, c.wave.id);
    } catch (e) {
      if (!isAppError(e)) throw e;
      if (e.message === 'surveys.error.quotaFull') return { quotaFull: true };
      const errors = Object.fromEntries(
        Object.entries((e as AppError).fields ?? {}).map(([k, v]) => [`q.${k}`, translate(locale, v)])
      );
      return stay(e.status, locale, post, translate(locale, e.message), errors);
    }
    redirect(303, localizePath(`/surveys/${c.survey.slug}/thanks`, locale));
  }
};
