import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { rethrowAsHttpError } from '$lib/server/http/load';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { parseImportForm } from '$lib/server/statistics/statistics.forms';
import { requireStatisticsStaff } from '$lib/server/statistics/statistics.guard';
import { describeImport, loadSeriesPage } from '$lib/server/statistics/statistics.page';
import { enterValue, getSeries, importFile } from '$lib/server/statistics/statistics.service';
import { ZValueForm } from '$lib/schemas/statistics';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  requireStatisticsStaff(locals, url);
  const db = (await app()).db;
  try {
    const view = await loadSeriesPage(db, params.id, locals.locale, null);
    const { indicator } = await getSeries(db, params.id);
    return {
      ...view,
      breakdownOptions: indicator.breakdowns.map((b) => ({
        value: b.code,
        label: locals.locale === 'en' ? b.labelEn : b.labelNb
      })),
      created: url.searchParams.has('created')
    };
  } catch (e) {
    rethrowAsHttpError(e, locals.locale);
  }
};

export const actions: Actions = {
  enter: async ({ request, locals, url, params }) => {
    const actor = requireStatisticsStaff(locals, url);
    const parsed = await parseForm(request, ZValueForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      const counts = await enterValue((await app()).db, actor, params.id, parsed.data);
      return { entered: counts };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  },
  preview: async ({ request, locals, url, params }) => importAction(request, locals, url, params.id, false),
  apply: async ({ request, locals, url, params }) => importAction(request, locals, url, params.id, true)
};

async function importAction(request: Request, locals: App.Locals, url: URL, slug: string, apply: boolean) {
  const actor = requireStatisticsStaff(locals, url);
  const parsed = await parseImportForm(request, locals.locale);
  if (!parsed.ok) return parsed.failure;
  try {
    const result = await importFile((await app()).db, actor, slug, parsed.data, parsed.file, apply);
    const report = describeImport(result, locals.locale);
    if (result.read.issues.length)
      return fail(400, {
        message: translate(locals.locale, 'stats.import.issuesTitle'),
        errors: {},
        values: parsed.values,
        report,
        content: parsed.file.text
      });
    return { report, values: parsed.values, content: apply ? '' : parsed.file.text };
  } catch (e) {
    return failFromError(e, locals.locale, parsed.values);
  }
}
