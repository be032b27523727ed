import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { guideContacts } from '$lib/server/directory/directory.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { ZGuideAnswers } from '$lib/schemas/directory';
import type { Actions } from './$types';
import { z } from 'zod';

/** The guide's questions in order; the last step (municipality) is optional and ends the guide. */
const questions = ['danger', 'child', 'about', 'anonymous'] as const;

const ZGuideStep = ZGuideAnswers.extend({
  question: z.enum([...questions, 'municipality']).optional()
});

export const actions: Actions = {
  /**
   * One step of the guide. Each form carries the earlier answers as hidden fields, so the guide is a
   * series of plain forms that works without JavaScript. Nothing is stored.
   */
  answer: async ({ request, locals }) => {
    const parsed = await parseForm(request, ZGuideStep, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const { question, ...answers } = parsed.data;
    if (question && question !== 'municipality' && !answers[question]) {
      return fail(400, {
        answers,
        message: translate(locals.locale, 'validation.summary'),
        errors: { [question]: translate(locals.locale, 'validation.choose') },
        values: parsed.values
      });
    }
    const next = questions.find((q) => !answers[q]);
    if (next || question !== 'municipality') return { answers, next: next ?? 'municipality' };
    try {
      const ctx = await app();
      const result = await guideContacts(ctx.db, answers);
      if (result.place.kind === 'unknown' || result.place.kind === 'ambiguous') {
        return fail(400, {
          answers,
          next: 'municipality' as const,
          suggestions: result.place.suggestions.map((p) => ({ name: p.name, county: p.countyName })),
          message: translate(locals.locale, 'validation.summary'),
          errors: {
            municipality: translate(
              locals.locale,
              result.place.kind === 'ambiguous' ? 'directory.search.ambiguousPlace' : 'directory.search.unknownPlace',
              { input: answers.municipality ?? '' }
            )
          },
          values: parsed.values
        });
      }
      return {
        answers,
        next: null,
        place: result.place.kind === 'found' ? result.place.place.name : null,
        steps: result.steps.map((s) => ({
          id: s.entry.id,
          name: s.entry.name,
          reasons: s.reasons,
          channels: s.channels
        }))
      };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
