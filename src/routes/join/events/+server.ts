import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { PUPIL_COOKIE } from '$lib/server/youth/classroom.cookie';
import { pupilView } from '$lib/server/youth/classroom.service';
import { eventStream } from '$lib/server/youth/sse';
import type { RequestHandler } from './$types';

/**
 * Server-Sent Events for a pupil's page: the session's revision whenever the teacher moves it on, so
 * the page reloads its data. Other pupils' answers do not wake it.
 */
export const GET: RequestHandler = async ({ cookies, locals, request }) => {
  const ctx = await app();
  const token = cookies.get(PUPIL_COOKIE) ?? '';
  const first = await pupilView(ctx, token);
  if (!first)
    return json({ message: translate(locals.locale, 'youth.class.error.expired'), code: 'gone' }, { status: 410 });
  return eventStream({
    bus: ctx.bus,
    topic: first.sessionId,
    signal: request.signal,
    relevant: (message) => message === 'state',
    compute: async () => {
      const v = await pupilView(ctx, token);
      return v ? { revision: v.revision, phase: v.state.phase } : null;
    }
  });
};
