import { currentChecklists } from '$lib/server/check/checklists';
import { sectorList } from '$lib/server/check/check.view';
import type { LayoutServerLoad } from './$types';

/**
 * No SvelteKit client on the check pages: they work as plain forms, and one small script
 * (src/lib/check/enhance.ts, see +layout.svelte) scores in the page, counts offline and copies the letter.
 * The budget for a check page is 30 KB of JavaScript; the SvelteKit client alone is ~42 KB.
 */
export const csr = false;

/** The sector list, for the pages and for the 404 page of an unknown sector. */
export const load: LayoutServerLoad = ({ locals }) => ({ sectors: sectorList(currentChecklists(), locals.locale) });
