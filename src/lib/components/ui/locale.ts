import { page } from '$app/state';
import { isLocale, localeFromPath, type Locale } from '$lib/i18n';

/**
 * The locale of the page being rendered. Read during component setup or inside `$derived`.
 * Falls back to the URL when the root layout's data is missing (an error before it loaded).
 */
export function currentLocale(): Locale {
  const fromData: unknown = page.data.locale;
  return isLocale(fromData) ? fromData : localeFromPath(page.url.pathname);
}
