import { en } from './en';
import { nb, type Messages } from './nb';

/**
 * On the server (and in the CLI and tests) every dictionary is built in. The browser build resolves
 * `#i18n-dictionaries` to `dictionaries.browser.ts` instead (package.json "imports"), so no dictionary
 * is bundled into the JavaScript: the root layout sends the page's own locale as data.
 */
export const builtInDictionaries: Partial<Record<'nb' | 'en', Messages>> = { nb, en };
