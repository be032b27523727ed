import { en } from './en';
import { nb, type Messages } from './nb';

/**
 * On the server (and in the CLI and tests) every dictionary is built in. The browser build resolves
 * `#i18n-dictionaries` to `dictionaries.browser.ts` instead (package.json "imports"), so no dictionary
 * is bundled into the start-up JavaScript: the root layout's universal load imports the page's own
 * locale as a chunk of its own (`routes/+layout.ts`).
 */
export const builtInDictionaries: Partial<Record<'nb' | 'en', Messages>> = { nb, en };
