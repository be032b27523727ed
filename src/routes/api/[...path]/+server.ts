import { AppError } from '$lib/server/errors';
import { apiRespond } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Any /api address no operation has (an empty path parameter, a typo): a JSON 404 like every API error. */
export const fallback: RequestHandler = (event) =>
  apiRespond(event, async () => {
    throw new AppError('not_found', 'error.api.notFound');
  });
