import type { Messages } from '$lib/i18n/nb';
import type { LayoutLoad } from './$types';

/**
 * The page's messages: one dictionary chunk per locale, loaded only for the page's locale and cached
 * by the browser like any built asset. It runs in the browser too, so no dictionary is serialised into
 * the HTML and none is bundled into the start-up JavaScript.
 */
export const load: LayoutLoad = async ({ data }) => {
  const messages: Messages =
    data.locale === 'en' ? (await import('$lib/i18n/en')).en : (await import('$lib/i18n/nb')).nb;
  return { ...data, messages };
};
