import { CHECKLIST_KIND, CHECKLIST_LOCALE } from '$lib/server/content/content.checklist-kind';
import { loadContentHistory, restoreContentVersion } from '$lib/server/content/content.history-route';
import type { Actions, PageServerLoad } from './$types';

/** A checklist's versions, and the diff of two of them as their files read (`?from=&to=`, a GET form). */
const item = (sector: string) => ({ kind: CHECKLIST_KIND, key: sector, locale: CHECKLIST_LOCALE });

export const load: PageServerLoad = async (event) => ({
  sector: event.params.sector,
  ...(await loadContentHistory(event, item(event.params.sector)))
});

export const actions: Actions = {
  restore: (event) => restoreContentVersion(event, item(event.params.sector))
};
