import { app } from '$lib/server/app';
import { withHttpErrors } from '$lib/server/http/load';
import {
  canEditActionPlan,
  commentOrganisations,
  getMeasure,
  publishedComments,
  submitComment
} from '$lib/server/actionplan/actionplan.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { ZCommentForm } from '$lib/schemas/actionplan';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) =>
  withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const detail = await getMeasure(db, params.id);
    return {
      ...detail,
      comments: await publishedComments(db, [detail.measure.id]),
      commentOrganisations: await commentOrganisations(db, locals.user),
      signedIn: !!locals.user,
      canEdit: canEditActionPlan(locals.user)
    };
  });

export const actions: Actions = {
  comment: async ({ request, locals, url, params }) => {
    const actor = requireUser(locals, url);
    const parsed = await parseForm(request, ZCommentForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await submitComment((await app()).db, actor, { type: 'measure', id: params.id }, parsed.data);
      return { sent: true };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
