import { HELP_KIND, HELP_LOCALE } from '$lib/server/content/content.help-kind';
import { loadContentHistory, restoreContentVersion } from '$lib/server/content/content.history-route';
import { findHelpLanguage } from '$lib/server/help/help.text';
import type { Actions, PageServerLoad } from './$types';

/** A help translation's versions, and the diff of two of them as their files read (`?from=&to=`). */
const item = (lang: string) => ({ kind: HELP_KIND, key: lang, locale: HELP_LOCALE });

export const load: PageServerLoad = async (event) => ({
  lang: event.params.lang,
  englishName: findHelpLanguage(event.params.lang)?.englishName ?? event.params.lang,
  ...(await loadContentHistory(event, item(event.params.lang)))
});

export const actions: Actions = {
  restore: (event) => restoreContentVersion(event, item(event.params.lang))
};
