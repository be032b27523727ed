import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { withHttpErrors } from '$lib/server/http/load';
import { requireActionPlanEditor } from '$lib/server/actionplan/actionplan.guard';
import { createMeasure, getPlan } from '$lib/server/actionplan/actionplan.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { ZMeasureForm } from '$lib/schemas/actionplan';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireActionPlanEditor(locals, url);
  return withHttpErrors(locals.locale, async () => {
    const { plan, measures } = await getPlan((await app()).db, params.plan);
    return {
      plan: { slug: plan.slug, title: plan.title, parts: plan.parts },
      measures: measures.map((m) => ({ id: m.id, number: m.number, title: m.title, status: m.status }))
    };
  });
};

export const actions: Actions = {
  create: async ({ request, locals, url, params }) => {
    const actor = requireActionPlanEditor(locals, url);
    const parsed = await parseForm(request, ZMeasureForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    let id: string;
    try {
      ({ id } = await createMeasure((await app()).db, actor, params.plan, parsed.data));
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/admin/action-plan/measures/${id}?created=1`, locals.locale));
  }
};
