import { error } from '@sveltejs/kit';
import { translate, type Locale } from '$lib/i18n';
import { loadContentHistory, restoreContentVersion } from '$lib/server/content/content.history-route';
import { LEARN_KIND } from '$lib/server/content/content.learn';
import { contentRoles } from '$lib/server/content/content.service';
import { requireRole } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

/** The page's language from the address, after the staff guard (a visitor is sent to log in, not told 404). */
function pageLocale({ locals, url, params }: { locals: App.Locals; url: URL; params: { locale: string } }): Locale {
  requireRole(locals, url, contentRoles);
  const { locale } = params;
  const reader = locals.locale;
  if (locale !== 'nb' && locale !== 'en')
    error(404, { message: translate(reader, 'content.error.notFound'), code: 'not_found' });
  return locale;
}

/** A learning page's versions in one language, and the diff between two of them (`?from=&to=`, a GET form). */
const item = (slug: string, locale: Locale) => ({ kind: LEARN_KIND, key: slug, locale });

export const load: PageServerLoad = async (event) => {
  const locale = pageLocale(event);
  return { slug: event.params.slug, locale, ...(await loadContentHistory(event, item(event.params.slug, locale))) };
};

export const actions: Actions = {
  restore: (event) => restoreContentVersion(event, item(event.params.slug, pageLocale(event)))
};
