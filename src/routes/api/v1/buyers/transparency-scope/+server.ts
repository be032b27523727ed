import { apiLocale, apiRespond, parseJsonBody } from '$lib/server/http/api';
import { scopeView } from '$lib/server/buyers/buyers.view';
import { ZTransparencyRequest } from '$lib/schemas/buyers';
import type { RequestHandler } from './$types';

/** Åpenhetsloven's size test: a pure computation, nothing stored. */
export const POST: RequestHandler = (event) =>
  apiRespond(event, async () => scopeView(await parseJsonBody(event.request, ZTransparencyRequest), apiLocale(event)));
