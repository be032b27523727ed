import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { buildOpenApi } from '$lib/server/api/openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => json(buildOpenApi((await app()).version));
