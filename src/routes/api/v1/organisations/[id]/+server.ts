import { app } from '$lib/server/app';
import { AppError } from '$lib/server/errors';
import { apiRespond } from '$lib/server/http/api';
import { getEntry, getLicence } from '$lib/server/directory/directory.service';
import { ZOrganisationIdParam } from '$lib/server/directory/directory.api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const params = ZOrganisationIdParam.safeParse(event.params);
    if (!params.success) throw new AppError('not_found', 'directory.error.notFound');
    const ctx = await app();
    return { data: await getEntry(ctx.db, params.data.id), licence: await getLicence(ctx.db) };
  });
