import { app } from '$lib/server/app';
import { withHttpErrors } from '$lib/server/http/load';
import { requireActionPlanEditor } from '$lib/server/actionplan/actionplan.guard';
import { addAssessment, getMeasure, updateMeasure } from '$lib/server/actionplan/actionplan.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { ZAssessmentForm, ZMeasureForm } from '$lib/schemas/actionplan';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireActionPlanEditor(locals, url);
  return withHttpErrors(locals.locale, async () => {
    const detail = await getMeasure((await app()).db, params.id);
    const m = detail.measure;
    return {
      plan: { slug: detail.plan.slug, title: detail.plan.title, parts: detail.plan.parts },
      measure: { id: m.id, number: m.number, title: m.title, status: m.status },
      assessments: detail.assessments,
      created: url.searchParams.has('created'),
      /** The stored values as the form shows them. */
      values: {
        number: m.number,
        title: m.title,
        partId: m.partId ?? '',
        responsible: m.responsible.join('\n'),
        chainLink: m.chainLink,
        targetGroup: m.targetGroup,
        deadline: m.deadline ?? '',
        budgetNok: m.budgetNok === null ? '' : String(m.budgetNok),
        budgetNote: m.budgetNote,
        indicator: m.indicator,
        indicatorSeries: m.indicatorSeries ?? '',
        recommendations: m.recommendations.join(' '),
        sourceUrl: m.sourceUrl,
        note: m.note,
        ...Object.fromEntries(m.sdgTargets.map((s) => [`sdg_${s.replace('.', '_')}`, 'on']))
      } as Record<string, string>
    };
  });
};

export const actions: Actions = {
  update: async ({ request, locals, url, params }) => {
    const actor = requireActionPlanEditor(locals, url);
    const parsed = await parseForm(request, ZMeasureForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await updateMeasure((await app()).db, actor, params.id, parsed.data);
      return { saved: true };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  },
  assess: async ({ request, locals, url, params }) => {
    const actor = requireActionPlanEditor(locals, url);
    const parsed = await parseForm(request, ZAssessmentForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await addAssessment((await app()).db, actor, params.id, parsed.data);
      return { assessed: true };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
