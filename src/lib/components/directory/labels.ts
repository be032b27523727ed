import { isMessageKey, translate, type Locale } from '$lib/i18n';

/** A vocabulary value's label (`directory.<group>.<value>`), or the value itself when there is none. */
export function vocabLabel(locale: Locale, group: string, value: string): string {
  if (group === 'target' && value.startsWith('nationality:')) {
    const country = regionName(locale, value.slice('nationality:'.length));
    return translate(locale, 'directory.target.nationality', { country });
  }
  const key = `directory.${group}.${value}`;
  return isMessageKey(key) ? translate(locale, key) : value;
}

const intlLocale: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB' };

/** A language's name in the page's language (`pl` → "polsk" / "Polish"). */
export function languageName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([intlLocale[locale]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function regionName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([intlLocale[locale]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A coverage code in words, with the names of counties and municipalities. */
export function coverageLabel(locale: Locale, code: string, names: Record<string, string>): string {
  if (code === 'national') return translate(locale, 'directory.coverage.national');
  const i = code.indexOf(':');
  const level = code.slice(0, i);
  const value = code.slice(i + 1);
  const key = `directory.coverage.${level}`;
  const name = names[`${level}:${value}`] ?? value;
  return isMessageKey(key) ? translate(locale, key, { name }) : code;
}

/** A link a channel can be used through: tel:, mailto: or the web address; null for in-person channels. */
export function channelHref(kind: string, value: string): string | null {
  if (!value) return null;
  if (kind === 'phone' || kind === 'sms') return `tel:${value.replace(/\s+/g, '')}`;
  if (kind === 'email') return `mailto:${value}`;
  if (/^https?:\/\//.test(value)) return value;
  return null;
}
