import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { districtMappingStatus, decodeCsvBytes, importDistrictMapping } from '$lib/server/directory/directory.service';
import { failFromError, readFormOrFail } from '$lib/server/http/forms';
import { requireAdminUser } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAdminUser(locals, url);
  return { status: await districtMappingStatus((await app()).db) };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const actor = requireAdminUser(locals, url);
    const read = await readFormOrFail(request, locals.locale);
    if (!read.ok) return read.failure;
    const { form } = read;
    const source = String(form.get('source') ?? '').trim();
    const file = form.get('file');
    const errors: Record<string, string> = {};
    if (!source || source.length > 300)
      errors.source = translate(locals.locale, source ? 'validation.tooLong' : 'validation.required');
    if (!(file instanceof File) || file.size === 0) errors.file = translate(locals.locale, 'directory.error.csvEmpty');
    if (Object.keys(errors).length)
      return fail(400, { message: translate(locals.locale, 'validation.summary'), errors, source });
    try {
      const text = decodeCsvBytes(new Uint8Array(await (file as File).arrayBuffer()));
      const dryRun = form.get('intent') !== 'import';
      const result = await importDistrictMapping((await app()).db, actor, text, source, dryRun);
      const lines = result.errors.map((e) =>
        translate(locals.locale, 'directory.districts.errorLine', {
          line: String(e.line),
          message: translate(locals.locale, e.message)
        })
      );
      if (lines.length)
        return fail(400, {
          message: translate(locals.locale, 'directory.districts.errors'),
          errors: {} as Record<string, string>,
          lines,
          source
        });
      return { rows: result.rows, dryRun, source };
    } catch (e) {
      return failFromError(e, locals.locale, { source });
    }
  }
};
