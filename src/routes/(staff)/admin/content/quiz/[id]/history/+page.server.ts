import { loadContentHistory, restoreContentVersion } from '$lib/server/content/content.history-route';
import { QUIZ_KIND, QUIZ_LOCALE } from '$lib/server/content/content.quiz';
import type { Actions, PageServerLoad } from './$types';

/** A quiz set's versions, and the diff between two of them when `?from=&to=` asks (a GET form). */
const item = (id: string) => ({ kind: QUIZ_KIND, key: id, locale: QUIZ_LOCALE });

export const load: PageServerLoad = async (event) => ({
  id: event.params.id,
  ...(await loadContentHistory(event, item(event.params.id)))
});

export const actions: Actions = {
  restore: (event) => restoreContentVersion(event, item(event.params.id))
};
