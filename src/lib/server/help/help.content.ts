import { helpFigures } from './help.facts';
import { helpFingerprint } from './help.core';
import { findHelpLanguage, helpLanguages, ZHelpText, type THelpLanguage, type THelpText } from './help.text';
import { ar } from './texts/ar';
import { bg } from './texts/bg';
import { en } from './texts/en';
import { es } from './texts/es';
import { lt } from './texts/lt';
import { nb } from './texts/nb';
import { pl } from './texts/pl';
import { ro } from './texts/ro';
import { so } from './texts/so';
import { th } from './texts/th';
import { ti } from './texts/ti';
import { uk } from './texts/uk';
import { vi } from './texts/vi';

/** Every language's text as written in its file (validated below). */
export const rawHelpTexts: Record<string, Record<string, string>> = {
  nb,
  en,
  pl,
  lt,
  ro,
  bg,
  uk,
  es,
  ar,
  ti,
  so,
  vi,
  th
};

/**
 * The validated texts. A text that lacks a key, has an extra one, changes a placeholder, or holds a
 * number or an address fails here, at start-up and in the tests, with the language and key named.
 */
export const helpTexts: Record<string, THelpText> = Object.fromEntries(
  helpLanguages.map(({ code }) => {
    const raw = rawHelpTexts[code];
    if (!raw) throw new Error(`help: no text for language ${code}`);
    const result = ZHelpText.safeParse(raw);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join('.') || '(text)'}: ${i.message}`).join('; ');
      throw new Error(`help: the ${code} text is invalid: ${issues}`);
    }
    return [code, result.data as THelpText];
  })
);

/** The fingerprint each language's review is tied to (sources nb + en, and the text itself). */
export const helpFingerprints: Record<string, string> = Object.fromEntries(
  helpLanguages.map(({ code }) => [code, helpFingerprint({ nb: helpTexts.nb, en: helpTexts.en }, helpTexts[code])])
);

/** A text with the figures filled in (the reviewer placeholders {name} and {date} stay). */
export function withFigures(text: THelpText): THelpText {
  const figures = Object.fromEntries(Object.entries(helpFigures).map(([k, v]) => [k, String(v)]));
  return Object.fromEntries(
    Object.entries(text).map(([k, v]) => [k, v.replace(/\{(months|hours|age)\}/g, (_, n: string) => figures[n])])
  ) as THelpText;
}

/** A language's text as its file holds it, with the figures filled in (the reviewer placeholders stay). */
export function helpTextFor(code: string): { language: THelpLanguage; text: THelpText } | null {
  const language = findHelpLanguage(code);
  if (!language) return null;
  return { language, text: withFigures(helpTexts[code]) };
}
