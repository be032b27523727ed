import { builtInDictionaries } from '#i18n-dictionaries';
import type { MessageKey, Messages } from './nb';

export const locales = ['nb', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nb';
export type { MessageKey };

const dictionaries: Partial<Record<Locale, Messages>> = { ...builtInDictionaries };

/** Makes a locale's messages available (the browser registers the page's locale from layout data). */
export function registerMessages(locale: Locale, messages: Messages): void {
  dictionaries[locale] = messages;
}

export type TParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TParams) => string;

/** Looks up a message and fills `{name}` placeholders; numbers are formatted for the locale. */
export function translate(locale: Locale, key: MessageKey, params?: TParams): string {
  const text = dictionaries[locale]?.[key] ?? dictionaries.nb?.[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(locale, v) : v;
  });
}

/** A translate function bound to a locale. */
export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** True when a string is a key of the dictionaries (zod messages are keys; others fall back). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.values(dictionaries).some((d) => Object.hasOwn(d, key));
}

export function isLocale(value: unknown): value is Locale {
  return value === 'nb' || value === 'en';
}

/** The locale a URL path is in: `/en` and `/en/…` are English, everything else bokmål. */
export function localeFromPath(pathname: string): Locale {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'nb';
}

/** A path without its locale prefix: `/en/check` → `/check`, `/en` → `/`. */
export function delocalizePath(pathname: string): string {
  if (pathname === '/en') return '/';
  if (pathname.startsWith('/en/')) return pathname.slice(3);
  return pathname;
}

/** A path for a locale: `localizePath('/check', 'en')` → `/en/check`. Keeps query and hash. */
export function localizePath(path: string, locale: Locale): string {
  const bare = delocalizePath(path.startsWith('/') ? path : `/${path}`);
  if (locale === 'nb') return bare;
  return bare === '/' ? '/en' : bare.startsWith('/?') || bare.startsWith('/#') ? `/en${bare.slice(1)}` : `/en${bare}`;
}

const intlLocale: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB' };

/** Number formats by locale and options: making an Intl.NumberFormat costs far more than using one. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The same formats by options object, so a caller that passes one constant object skips the key (a results page formats thousands). */
const formatsByOptions = new WeakMap<Intl.NumberFormatOptions, Partial<Record<Locale, Intl.NumberFormat>>>();
const noOptions: Partial<Record<Locale, Intl.NumberFormat>> = {};

export function formatNumber(locale: Locale, n: number, options?: Intl.NumberFormatOptions): string {
  let byLocale = options ? formatsByOptions.get(options) : noOptions;
  if (!byLocale) formatsByOptions.set(options!, (byLocale = {}));
  const made = byLocale[locale];
  if (made) return made.format(n);
  const key = `${locale}${options ? JSON.stringify(options) : ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale], options);
    numberFormats.set(key, format);
  }
  byLocale[locale] = format;
  return format.format(n);
}

/** Formats an ISO time as a date and time in Norway's time zone. */
export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo'
  }).format(new Date(iso));
}

export function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(
    new Date(iso)
  );
}
