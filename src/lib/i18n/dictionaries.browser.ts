import type { Messages } from './nb';

/** In the browser the root layout loads the page's dictionary as a chunk (see dictionaries.server.ts). */
export const builtInDictionaries: Partial<Record<'nb' | 'en', Messages>> = {};
