import { currentChecklists } from '$lib/server/check/checklists';
import { sectorList } from '$lib/server/check/check.view';
import type { LayoutServerLoad } from './$types';

/** The sector list, for the pages and for the 404 page of an unknown sector. */
export const load: LayoutServerLoad = ({ locals }) => ({ sectors: sectorList(currentChecklists(), locals.locale) });
