import { z } from 'zod';
import { nb } from './texts/nb';

/** The keys of the help text: the bokmål source defines them, every language must have exactly these. */
export type THelpKey = keyof typeof nb;
export type THelpText = Record<THelpKey, string>;
export const helpKeys = Object.keys(nb) as THelpKey[];

/** A help language: its code (BCP 47), its name in its own script, direction, and the font it needs. */
export interface THelpLanguage {
  code: string;
  /** The language's name in its own language and script. */
  endonym: string;
  /** Its name in English, for the staff area and the API. */
  englishName: string;
  dir: 'ltr' | 'rtl';
  /** 'source' for the texts written from the sources (nb, en); 'translation' for the others. */
  origin: 'source' | 'translation';
  /** A bundled font family the script needs, or null when the system's fonts cover it. */
  font: 'arabic' | 'ethiopic' | 'thai' | null;
}

export const helpLanguages: readonly THelpLanguage[] = [
  { code: 'nb', endonym: 'Norsk bokmål', englishName: 'Norwegian Bokmål', dir: 'ltr', origin: 'source', font: null },
  { code: 'en', endonym: 'English', englishName: 'English', dir: 'ltr', origin: 'source', font: null },
  { code: 'pl', endonym: 'Polski', englishName: 'Polish', dir: 'ltr', origin: 'translation', font: null },
  { code: 'lt', endonym: 'Lietuvių', englishName: 'Lithuanian', dir: 'ltr', origin: 'translation', font: null },
  { code: 'ro', endonym: 'Română', englishName: 'Romanian', dir: 'ltr', origin: 'translation', font: null },
  { code: 'bg', endonym: 'Български', englishName: 'Bulgarian', dir: 'ltr', origin: 'translation', font: null },
  { code: 'uk', endonym: 'Українська', englishName: 'Ukrainian', dir: 'ltr', origin: 'translation', font: null },
  { code: 'es', endonym: 'Español', englishName: 'Spanish', dir: 'ltr', origin: 'translation', font: null },
  { code: 'ar', endonym: 'العربية', englishName: 'Arabic', dir: 'rtl', origin: 'translation', font: 'arabic' },
  { code: 'ti', endonym: 'ትግርኛ', englishName: 'Tigrinya', dir: 'ltr', origin: 'translation', font: 'ethiopic' },
  { code: 'so', endonym: 'Soomaali', englishName: 'Somali', dir: 'ltr', origin: 'translation', font: null },
  { code: 'vi', endonym: 'Tiếng Việt', englishName: 'Vietnamese', dir: 'ltr', origin: 'translation', font: null },
  { code: 'th', endonym: 'ไทย', englishName: 'Thai', dir: 'ltr', origin: 'translation', font: 'thai' }
];

export const helpLanguageCodes = helpLanguages.map((l) => l.code);

export function findHelpLanguage(code: string): THelpLanguage | undefined {
  return helpLanguages.find((l) => l.code === code);
}

/** Placeholders a text may use: figures from help.facts.ts, and the reviewer's name and date. */
export const helpPlaceholders = ['months', 'hours', 'age', 'name', 'date'] as const;

/** The placeholders in a string, sorted. */
export function placeholdersOf(s: string): string[] {
  return [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** The longest a single text may be: the page's paragraphs are short on purpose (the longest source is ~300). */
export const HELP_TEXT_MAX = 1200;

/**
 * One text of a language: non-empty, the same placeholders as the bokmål source's text under that key,
 * no HTML, and no digits or web addresses (numbers come from help.facts.ts; the paper size A4 is the one
 * exception). The messages are i18n keys: the studio shows them beside each field.
 */
export function helpTextField(key: THelpKey) {
  return z
    .string('contentHelp.error.required')
    .trim()
    .min(1, 'contentHelp.error.required')
    .max(HELP_TEXT_MAX, 'contentHelp.error.tooLong')
    .refine((s) => !/<\/?[a-z!]/i.test(s), { message: 'contentHelp.error.html' })
    .refine((s) => !/[0-9٠-٩]/.test(s.replace(/\{\w+\}/g, '').replace(/\bA4\b/g, '')), {
      message: 'contentHelp.error.digit'
    })
    .refine((s) => !/https?:|www\.|\.no\b/i.test(s), { message: 'contentHelp.error.address' })
    .refine((s) => placeholdersOf(s).join() === placeholdersOf(nb[key]).join(), {
      message: 'contentHelp.error.placeholders'
    });
}

/** A language's text: exactly the keys of the bokmål source, each valid by `helpTextField`. */
export const ZHelpText = z.strictObject(
  Object.fromEntries(helpKeys.map((key) => [key, helpTextField(key)])) as unknown as Record<
    THelpKey,
    z.ZodType<string>
  >,
  { error: 'contentHelp.error.keys' }
);
