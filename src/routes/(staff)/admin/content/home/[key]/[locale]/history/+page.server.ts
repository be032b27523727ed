import { HOME_KIND } from '$lib/server/content/content.home-kind';
import { loadContentHistory, restoreContentVersion } from '$lib/server/content/content.history-route';
import type { Actions, PageServerLoad } from './$types';

/** A home text's versions in one language, and the diff of two of them (`?from=&to=`, a GET form). */
const item = (params: { key: string; locale: string }) => ({ kind: HOME_KIND, key: params.key, locale: params.locale });

export const load: PageServerLoad = async (event) => ({
  key: event.params.key,
  locale: event.params.locale,
  ...(await loadContentHistory(event, item(event.params)))
});

export const actions: Actions = {
  restore: (event) => restoreContentVersion(event, item(event.params))
};
