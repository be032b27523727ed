import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { listMunicipalities } from '$lib/server/reference/reference.service';
import { planRoute } from '$lib/server/report/report.service';
import { submitReportLimited } from '$lib/server/report/report.limit';
import { allIndicatorOptions, indicatorOptions, sectorTitle } from '$lib/server/report/report.view';
import { ZReportDraft, ZReportSubmit, ZWhatForm, ZWhereStep, ZWhoForm, type TReportSubmit } from '$lib/schemas/report';
import type { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/**
 * Report a concern, in steps that are each a plain form post (JavaScript is never needed). Nothing is
 * stored before the last step: what the reporter typed travels in hidden fields of the page only.
 */
type TStep = 'what' | 'where' | 'who' | 'review';

/** Reports are small; a body larger than this is refused before it is read. */
const BODY_CAP = 64 * 1024;

export const load: PageServerLoad = async ({ locals }) => {
  const municipalities = await listMunicipalities((await app()).db);
  return { municipalities, indicators: allIndicatorOptions(locals.locale) };
};

function tooLarge(request: Request, locale: 'nb' | 'en') {
  const length = Number(request.headers.get('content-length') ?? 0);
  return length > BODY_CAP
    ? fail(413, { step: 'what' as TStep, message: translate(locale, 'validation.tooLarge'), errors: {}, values: {} })
    : null;
}

/** The values to carry to the next step: indicator checkboxes folded into one field. */
function carry(values: Record<string, string>, draft: Partial<TReportSubmit>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (!k.startsWith('ind_')) out[k] = v;
  if (draft.indicators) out.indicators = draft.indicators.join(',');
  return out;
}

/** Parses a step: the step's own fields strictly, the rest loosely; on failure the same step again. */
async function step<S extends z.ZodType>(request: Request, locale: 'nb' | 'en', schema: S, current: TStep) {
  const big = tooLarge(request, locale);
  if (big) return { ok: false as const, failure: big };
  const copy = request.clone();
  const parsed = await parseForm(request, schema, locale);
  const draftParsed = await parseForm(copy, ZReportDraft, locale);
  const draft = draftParsed.ok ? (draftParsed.data as Partial<TReportSubmit>) : {};
  if (!parsed.ok) {
    const data = parsed.failure.data;
    return {
      ok: false as const,
      failure: fail(parsed.failure.status, { ...data, step: current, values: carry(data.values, draft) })
    };
  }
  return { ok: true as const, data: parsed.data as z.infer<S>, values: carry(parsed.values, draft), draft };
}

function stepView(stepName: TStep, values: Record<string, string>, locale: 'nb' | 'en') {
  const sector = values.sector ?? '';
  return {
    step: stepName,
    values,
    // A check's sector narrows the list to its checklist; without one, every checklist's signs.
    indicators: sector ? indicatorOptions(sector, locale) : allIndicatorOptions(locale),
    sectorTitle: sectorTitle(sector, locale)
  };
}

export const actions: Actions = {
  /** The hand-off from a check result: sector, indicators and municipality filled in. */
  start: async ({ request, locals }) => {
    const s = await step(request, locals.locale, ZReportDraft, 'what');
    const posted: Record<string, string> = s.ok
      ? s.values
      : ((s.failure.data as { values?: Record<string, string> }).values ?? {});
    // Only what a check can hand over, and only if it is valid; the rest is dropped.
    const values: Record<string, string> = {};
    const known = new Set(indicatorOptions(posted.sector ?? '', 'nb').map((i) => i.id));
    if (known.size) {
      values.sector = posted.sector;
      values.indicators = (posted.indicators ?? '')
        .split(',')
        .filter((i) => known.has(i))
        .join(',');
    }
    if (/^\d{4}$/.test(posted.municipality ?? '')) values.municipality = posted.municipality;
    return stepView('what', values, locals.locale);
  },

  what: async ({ request, locals }) => {
    const s = await step(request, locals.locale, ZWhatForm, 'what');
    if (!s.ok) return s.failure;
    const values = { ...s.values, indicators: s.data.indicators.join(',') };
    return stepView('where', values, locals.locale);
  },

  where: async ({ request, locals }) => {
    const s = await step(request, locals.locale, ZWhereStep, 'where');
    if (!s.ok) return s.failure;
    if (!s.draft.kind) return stepView('what', s.values, locals.locale);
    try {
      const plan = await planRoute((await app()).db, s.draft.kind, s.data.municipality);
      if (plan.route.level === 'none') return { step: 'channels' as const, values: {} };
    } catch (e) {
      return fail(400, { ...failFromError(e, locals.locale, s.values).data, step: 'where' as TStep });
    }
    return stepView('who', s.values, locals.locale);
  },

  who: async ({ request, locals }) => {
    const s = await step(request, locals.locale, ZWhoForm, 'who');
    if (!s.ok) return s.failure;
    if (!s.draft.kind || !s.draft.municipality) return stepView('what', s.values, locals.locale);
    const values = s.data.identity === 'anonymous' ? { ...s.values, contact: '' } : s.values;
    try {
      const plan = await planRoute((await app()).db, s.draft.kind, s.draft.municipality);
      if (plan.route.level === 'none') return { step: 'channels' as const, values: {} };
      return {
        ...stepView('review', values, locals.locale),
        organisations: plan.organisations,
        municipalityName: plan.municipalityName
      };
    } catch (e) {
      return fail(400, { ...failFromError(e, locals.locale, values).data, step: 'where' as TStep });
    }
  },

  /** Goes back to an earlier step with everything typed so far. */
  edit: async ({ request, locals, url }) => {
    const target = url.searchParams.get('step');
    const s = await step(request, locals.locale, ZReportDraft, 'what');
    // Going back keeps everything typed, even a field that is still wrong (the step shows it again).
    const values = s.ok ? s.values : ((s.failure.data as { values?: Record<string, string> }).values ?? {});
    const to: TStep = target === 'where' || target === 'who' ? target : 'what';
    return stepView(to, values, locals.locale);
  },

  send: async ({ request, locals, getClientAddress }) => {
    const s = await step(request, locals.locale, ZReportSubmit, 'review');
    if (!s.ok) {
      // The review step has no inputs: send the reporter to the first step with a problem.
      const data = s.failure.data as { errors?: Record<string, string> };
      const errors = data.errors ?? {};
      const first: TStep = ['kind', 'text', 'indicators', 'sector'].some((k) => k in errors)
        ? 'what'
        : ['municipality', 'place'].some((k) => k in errors)
          ? 'where'
          : 'who';
      return fail(s.failure.status, {
        ...s.failure.data,
        ...stepView(first, (s.failure.data as { values?: Record<string, string> }).values ?? {}, locals.locale)
      });
    }
    try {
      const ctx = await app();
      const client = { address: getClientAddress(), perHour: ctx.config.REPORT_SUBMITS_PER_HOUR };
      const out = await submitReportLimited({ db: ctx.db }, s.data, client);
      if (out.kind === 'no_receiver') return { step: 'channels' as const, values: {} };
      return { step: 'sent' as const, receipt: out.receipt, organisations: out.organisations, values: {} };
    } catch (e) {
      const failure = failFromError(e, locals.locale, s.values);
      return fail(failure.status, { ...failure.data, ...stepView('what', s.values, locals.locale) });
    }
  }
};
