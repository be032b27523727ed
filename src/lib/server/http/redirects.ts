import { localizePath, type Locale } from '../../i18n';

/** A `next` parameter is followed only when it is a path on this site (no open redirect). */
export function safeNext(next: string | null, locale: Locale, fallback = '/admin'): string {
  if (next && /^\/(?!\/)[^\s\\]*$/.test(next)) return localizePath(next, locale);
  return localizePath(fallback, locale);
}
