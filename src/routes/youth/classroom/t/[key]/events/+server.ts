import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { projectorView, sessionForTeacher } from '$lib/server/youth/classroom.service';
import { teacherViewData } from '$lib/server/youth/classroom.view';
import { eventStream } from '$lib/server/youth/sse';
import type { RequestHandler } from './$types';

/** Server-Sent Events for the projector: the teacher's view again after every change in the session. */
export const GET: RequestHandler = async ({ params, locals, request }) => {
  const ctx = await app();
  let id: string;
  try {
    id = (await sessionForTeacher(ctx, params.key)).id;
  } catch (e) {
    if (!isAppError(e)) throw e;
    return json({ message: translate(locals.locale, e.message), code: e.code }, { status: e.status });
  }
  return eventStream({
    bus: ctx.bus,
    topic: id,
    signal: request.signal,
    compute: async () => {
      const view = await projectorView(ctx, id);
      return view ? teacherViewData(view, locals.locale) : null;
    }
  });
};
