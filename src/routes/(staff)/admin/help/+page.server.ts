import { app } from '$lib/server/app';
import type { TRole } from '$lib/server/auth/auth.types';
import { contentRoles } from '$lib/server/content/content.service';
import { requireRole } from '$lib/server/http/guards';
import { listHelpLanguages } from '$lib/server/help/help.service';
import type { PageServerLoad } from './$types';

/**
 * The overview of the help translations' status. Editing, publishing and the native speaker's check
 * happen in the content studio (`/admin/content/help/<lang>`): one way to publish a translation.
 */
const helpViewerRoles: readonly TRole[] = ['admin', 'editor', 'analyst'];

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireRole(locals, url, helpViewerRoles);
  const ctx = await app();
  return {
    languages: await listHelpLanguages(ctx.db),
    canEdit: user.roles.some((r) => contentRoles.includes(r))
  };
};
