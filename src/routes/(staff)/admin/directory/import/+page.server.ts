import { fail } from '@sveltejs/kit';
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { app } from '$lib/server/app';
import { requireDirectoryEditor } from '$lib/server/directory/directory.guard';
import { applyImport, decodeCsvBytes, previewImport } from '$lib/server/directory/directory.service';
import type { TImportPlan } from '$lib/server/directory/directory.core';
import { failFromError, readFormOrFail } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  requireDirectoryEditor(locals, url);
  return {};
};

/** The CSV text from the uploaded file (UTF-8 only) or, if none was chosen, from the text field. */
async function readCsv(request: Request, locale: Locale) {
  const read = await readFormOrFail(request, locale);
  if (!read.ok) return { failure: read.failure };
  const { form } = read;
  const file = form.get('file');
  if (file instanceof File && file.size > 0) return { text: decodeCsvBytes(new Uint8Array(await file.arrayBuffer())) };
  const text = form.get('csv');
  if (typeof text !== 'string' || !text.trim())
    return {
      failure: fail(400, {
        message: translate(locale, 'validation.summary'),
        errors: { csv: translate(locale, 'directory.error.csvEmpty') }
      })
    };
  return { text };
}

function translatePlan(plan: TImportPlan, locale: Locale) {
  return {
    counts: plan.counts,
    rows: plan.rows.map((r) => ({
      line: r.line,
      name: r.name,
      id: r.id,
      action: r.action,
      details:
        r.action === 'reject'
          ? r.errors.map((e) => `${e.field}: ${translate(locale, e.message as MessageKey)}`).join('; ')
          : r.changes.join(', ')
    }))
  };
}

export const actions: Actions = {
  preview: async ({ request, locals, url }) => {
    const actor = requireDirectoryEditor(locals, url);
    try {
      const read = await readCsv(request, locals.locale);
      if (read.failure) return read.failure;
      const plan = await previewImport((await app()).db, actor, read.text);
      if (plan.fileError)
        return fail(400, {
          message: translate(locals.locale, plan.fileError.message as MessageKey, plan.fileError.params),
          errors: { csv: translate(locals.locale, plan.fileError.message as MessageKey, plan.fileError.params) }
        });
      return { preview: translatePlan(plan, locals.locale), csv: read.text };
    } catch (e) {
      return failFromError(e, locals.locale, {});
    }
  },
  confirm: async ({ request, locals, url }) => {
    const actor = requireDirectoryEditor(locals, url);
    try {
      const read = await readCsv(request, locals.locale);
      if (read.failure) return read.failure;
      const plan = await applyImport((await app()).db, actor, read.text);
      return { done: plan.counts };
    } catch (e) {
      return failFromError(e, locals.locale, {});
    }
  }
};
