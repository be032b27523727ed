import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { helpReviewRoles, listHelpLanguages, markHelpReviewed } from '$lib/server/help/help.service';
import { ZHelpReviewForm } from '$lib/schemas/help';
import type { TRole } from '$lib/server/auth/auth.types';
import type { Actions, PageServerLoad } from './$types';

/** Who may see the review status: editors mark translations reviewed; administrators and analysts may look. */
const helpViewerRoles: readonly TRole[] = ['admin', 'editor', 'analyst'];

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireRole(locals, url, helpViewerRoles);
  const ctx = await app();
  return {
    languages: await listHelpLanguages(ctx.db),
    canReview: user.roles.some((r) => helpReviewRoles.includes(r))
  };
};

export const actions: Actions = {
  review: async ({ request, locals, url }) => {
    const actor = requireRole(locals, url, helpViewerRoles);
    const parsed = await parseForm(request, ZHelpReviewForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await markHelpReviewed((await app()).db, actor, parsed.data);
      return { reviewed: parsed.data.lang };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
