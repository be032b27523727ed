import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { withHttpErrors } from '$lib/server/http/load';
import { requireSurveyStaff } from '$lib/server/surveys/surveys.guard';
import {
  createLink,
  deleteWave,
  editDefinition,
  getSurveyForStaff,
  placesOf,
  publishSurvey,
  saveWave
} from '$lib/server/surveys/surveys.service';
import {
  addSection,
  moveQuestion,
  optionLines,
  putQuestion,
  removeQuestion,
  ZQuestionForm
} from '$lib/surveys/builder';
import { ZLinkForm, ZPositionForm, ZSectionForm, ZWaveForm, quotaLines } from '$lib/surveys/forms';
import { sectionsView } from '$lib/surveys/view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) =>
  withHttpErrors(locals.locale, async () => {
    const actor = requireSurveyStaff(locals, url);
    const db = (await app()).db;
    const s = await getSurveyForStaff(db, actor, params.id);
    return {
      survey: {
        ...s,
        sections: s.definition.sections.map((sec) => ({
          ...sec,
          questions: sec.questions.map((q) => ({ ...q, optionLines: optionLines(q.options) }))
        })),
        waves: s.waves.map((w) => ({ ...w, quotaLines: quotaLines(w.quotas) }))
      },
      preview: sectionsView(s.definition, await placesOf(db), locals.locale),
      origin: url.origin
    };
  });

export const actions: Actions = {
  question: async ({ request, locals, url, params }) => {
    const actor = requireSurveyStaff(locals, url);
    const parsed = await parseForm(request, ZQuestionForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await editDefinition((await app()).db, actor, params.id, (d) => putQuestion(d, parsed.data));
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { saved: true };
  },
  remove: async ({ request, locals, url, params }) => {
    const actor = requireSurveyStaff(locals, url);
    const parsed = await parseForm(request, ZPositionForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await editDefinition((await app()).db, actor, params.id, (d) =>
        removeQuestion(d, parsed.data.section, parsed.data.index)
      );
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { saved: true };
  },
  move: async ({ request, locals, url, params }) => {
    const actor = requireSurveyStaff(locals, url);
    const parsed = await parseForm(request, ZPositionForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    if (!parsed.data.by) return fail(400, { message: translate(locals.locale, 'validation.invalid'), errors: {} });
    const by = parsed.data.by === '-1' ? -1 : 1;
    try {
      await editDefinition((await app()).db, actor, params.id, (d) =>
        moveQuestion(d, parsed.data.section, parsed.data.index, by)
      );
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { saved: true };
  },
  section: async ({ request, locals, url, params }) => {
    const actor = requireSurveyStaff(locals, url);
    const parsed = await parseForm(request, ZSectionForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await editDefinition((await app()).db, actor, params.id, (d) =>
        addSection(d, parsed.data.title_nb, parsed.data.title_en)
      );
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { saved: true };
  },
  publish: async ({ locals, url, params }) => {
    const actor = requireSurveyStaff(locals, url);
    try {
      await publishSurvey((await app()).db, actor, params.id);
    } catch (e) {
      return failFromError(e, locals.locale, {});
    }
    return { published: true };
  },
  wave: async ({ request, locals, url, params }) => {
    const actor = requireSurveyStaff(locals, url);
    const parsed = await parseForm(request, ZWaveForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const waveId = url.searchParams.get('wave') ?? undefined;
    try {
      await saveWave((await app()).db, actor, params.id, parsed.data, waveId);
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    return { saved: true };
  },
  deleteWave: async ({ locals, url, params }) => {
    const actor = requireSurveyStaff(locals, url);
    try {
      await deleteWave((await app()).db, actor, params.id, url.searchParams.get('wave') ?? '');
    } catch (e) {
      return failFromError(e, locals.locale, {});
    }
    return { saved: true };
  },
  link: async ({ request, locals, url }) => {
    const actor = requireSurveyStaff(locals, url);
    const parsed = await parseForm(request, ZLinkForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      const link = await createLink((await app()).db, actor, url.searchParams.get('wave') ?? '', parsed.data);
      return { link };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
