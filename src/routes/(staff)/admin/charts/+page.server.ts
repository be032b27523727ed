import { chartGallery } from '$lib/server/charts/gallery';
import { requireStaff } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireStaff(locals, url);
  return { gallery: chartGallery(locals.locale) };
};
