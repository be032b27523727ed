import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { requireActionPlanEditor } from '$lib/server/actionplan/actionplan.guard';
import { importMeasures } from '$lib/server/actionplan/actionplan.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { ZMeasureImportForm } from '$lib/schemas/actionplan';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireActionPlanEditor(locals, url);
  return {};
};

async function run(request: Request, locals: App.Locals, url: URL, apply: boolean) {
  const actor = requireActionPlanEditor(locals, url);
  const parsed = await parseForm(request, ZMeasureImportForm, locals.locale);
  if (!parsed.ok) return parsed.failure;
  try {
    const result = await importMeasures(
      (await app()).db,
      actor,
      { format: parsed.data.format, text: parsed.data.content },
      apply
    );
    const locale = locals.locale;
    if (result.readError)
      return fail(400, {
        message: translate(locale, result.readError),
        errors: { content: translate(locale, result.readError) },
        values: parsed.values
      });
    const rows = result.rows.map((r) => ({
      line: r.line,
      measure: `${r.plan}${r.number ? ` – ${r.number}` : ''}: ${r.title}`,
      action: r.action,
      reasons: r.reasons.map((x) => `${x.field}: ${translate(locale, x.message)}`).join(' ')
    }));
    const rejected = rows.filter((r) => r.action === 'reject').length;
    if (rejected)
      return fail(400, {
        message: translate(locale, 'ap.import.rejected', { count: rejected }),
        errors: {},
        values: parsed.values,
        rows
      });
    return {
      rows,
      applied: result.applied,
      created: rows.filter((r) => r.action === 'create').length,
      updated: rows.filter((r) => r.action === 'update').length,
      values: result.applied ? { format: parsed.data.format, content: '' } : parsed.values
    };
  } catch (e) {
    return failFromError(e, locals.locale, parsed.values);
  }
}

export const actions: Actions = {
  preview: async ({ request, locals, url }) => run(request, locals, url, false),
  confirm: async ({ request, locals, url }) => run(request, locals, url, true)
};
