import type { Messages } from './nb';

/** In the browser the dictionary arrives with the root layout's data (see dictionaries.server.ts). */
export const builtInDictionaries: Partial<Record<'nb' | 'en', Messages>> = {};
