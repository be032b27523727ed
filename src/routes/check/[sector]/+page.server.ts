import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { checklistVersion, getChecklist, runCheck } from '$lib/server/check/check.service';
import { allResultParts, checklistView, resultView } from '$lib/server/check/check.view';
import { scoringDefinition } from '$lib/check/score';
import { isAppError } from '$lib/server/errors';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { listMunicipalities } from '$lib/server/reference/reference.service';
import type { TChecklist } from '$lib/check/checklist';
import { ZAnswerValue, ZMunicipalityNumber } from '$lib/schemas/check';
import { ZOrgNumber } from '$lib/schemas/fields';
import type { Actions, PageServerLoad } from './$types';

/** The form of one checklist: an answer per question (`q-<id>`), and the optional fields. */
function formSchema(c: TChecklist) {
  const shape: Record<string, z.ZodType> = {
    version: z.coerce.number().int().min(1),
    municipality: z.union([z.literal(''), ZMunicipalityNumber]).optional(),
    demo: z.literal('on', { message: 'validation.invalid' }).optional(),
    orgNumber: ZOrgNumber.optional()
  };
  for (const q of c.questions) shape[`q-${q.id}`] = ZAnswerValue;
  return z.object(shape);
}

function checklistOr404(sector: string, locale: 'nb' | 'en'): TChecklist {
  try {
    return getChecklist(sector);
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found')
      error(404, { message: translate(locale, e.message, e.params), code: 'not_found' });
    throw e;
  }
}

export const load: PageServerLoad = async ({ params, locals }) => {
  const checklist = checklistOr404(params.sector, locals.locale);
  const municipalities =
    checklist.kind === 'checklist'
      ? (await listMunicipalities((await app()).db)).map((m) => ({ number: m.number, name: m.name }))
      : [];
  return {
    checklist: checklistView(checklist, locals.locale),
    // With JavaScript the page scores in the browser (also offline) with the same scoreChecklist: it gets
    // the weights and rules, and every part a result can show, to narrow down (see src/lib/check/enhance.ts).
    scoring: checklist.kind === 'checklist' ? scoringDefinition(checklist) : null,
    resultParts: checklist.kind === 'checklist' ? allResultParts(checklist, locals.locale) : null,
    municipalities
  };
};

/** The version the page was loaded with (a hidden field), read before the body is parsed for real. */
async function postedVersion(request: Request): Promise<number | null> {
  try {
    const v = Number((await request.clone().formData()).get('version'));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

export const actions: Actions = {
  score: async ({ request, locals, params }) => {
    const current = checklistOr404(params.sector, locals.locale);
    const ctx = await app();
    const version = (await postedVersion(request)) ?? current.version;
    let checklist: TChecklist;
    try {
      checklist = await checklistVersion(ctx.db, current.id, version);
    } catch (e) {
      return failFromError(e, locals.locale, {});
    }
    if (checklist.kind !== 'checklist')
      return fail(400, { message: translate(locals.locale, 'check.error.notScored') });
    const parsed = await parseForm(request, formSchema(checklist), locals.locale);
    if (!parsed.ok) return parsed.failure;
    const data = parsed.data as Record<string, string | undefined>;
    const answers = Object.fromEntries(checklist.questions.map((q) => [q.id, data[`q-${q.id}`] as 'yes']));
    try {
      const outcome = await runCheck(ctx.db, {
        sector: checklist.id,
        version: checklist.version,
        answers,
        municipality: data.municipality || null,
        demo: data.demo === 'on'
      });
      return {
        result: resultView(outcome.checklist, outcome.result, locals.locale, outcome.stored),
        orgNumber: data.orgNumber || null,
        values: parsed.values
      };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  },

  /** Narrows the municipality list by name without losing the answers given (they come back as values). */
  search: async ({ request, locals, params }) => {
    checklistOr404(params.sector, locals.locale);
    const parsed = await parseForm(
      request,
      z.object({ municipalitySearch: z.string().trim().max(100, { message: 'validation.tooLong' }).optional() }),
      locals.locale
    );
    if (!parsed.ok) return parsed.failure;
    const q = parsed.data.municipalitySearch ?? '';
    const matches = q ? (await listMunicipalities((await app()).db, { q })).map((m) => m.number) : [];
    return { search: { q, matches }, values: parsed.values };
  }
};
