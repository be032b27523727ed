import { apiRespond } from '$lib/server/http/api';
import { currentChecklists } from '$lib/server/check/checklists';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => ({
    data: currentChecklists().map((c) => ({ id: c.id, version: c.version, kind: c.kind, title: c.title }))
  }));
