import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { coverageNames, getEntry } from '$lib/server/directory/directory.service';
import { isAppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const notFound = () =>
    error(404, { message: translate(locals.locale, 'directory.error.notFound'), code: 'not_found' });
  const id = z.uuid().safeParse(params.id);
  if (!id.success) notFound();
  const ctx = await app();
  try {
    const entry = await getEntry(ctx.db, id.data!);
    const names = await coverageNames(ctx.db);
    return { entry, coverageNames: Object.fromEntries(entry.coverage.map((c) => [c, names[c] ?? ''])) };
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
};
