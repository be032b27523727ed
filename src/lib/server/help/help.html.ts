import { findHelpLanguage } from './help.text';

const helpPath = /^(?:\/en)?\/help\/([a-z]{2,3})(?:\/card)?\/?$/;

/**
 * The <html> attributes of a page: a help page in Arabic is `lang="ar" dir="rtl"`, one in Thai
 * `lang="th"`; every other page keeps the site's locale. Only known language codes are ever written.
 */
export function htmlLangAttributes(pathname: string, locale: string): string {
  const code = helpPath.exec(pathname)?.[1];
  const language = code ? findHelpLanguage(code) : undefined;
  if (!language) return `lang="${locale}"`;
  return language.dir === 'rtl' ? `lang="${language.code}" dir="rtl"` : `lang="${language.code}"`;
}
