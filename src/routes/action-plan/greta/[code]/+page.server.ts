import { app } from '$lib/server/app';
import { AppError } from '$lib/server/errors';
import { withHttpErrors } from '$lib/server/http/load';
import {
  commentOrganisations,
  listRecommendations,
  publishedComments,
  submitComment
} from '$lib/server/actionplan/actionplan.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { ZCommentForm } from '$lib/schemas/actionplan';
import type { Actions, PageServerLoad } from './$types';

async function findRecommendation(code: string) {
  const rec = (await listRecommendations((await app()).db)).find((r) => r.code === code);
  if (!rec) throw new AppError('not_found', 'ap.error.recommendationNotFound');
  return rec;
}

export const load: PageServerLoad = async ({ params, locals }) =>
  withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const rec = await findRecommendation(params.code);
    return {
      rec,
      comments: await publishedComments(db, [rec.id]),
      commentOrganisations: await commentOrganisations(db, locals.user),
      signedIn: !!locals.user
    };
  });

export const actions: Actions = {
  comment: async ({ request, locals, url, params }) => {
    const actor = requireUser(locals, url);
    const parsed = await parseForm(request, ZCommentForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      const rec = await findRecommendation(params.code);
      await submitComment((await app()).db, actor, { type: 'recommendation', id: rec.id }, parsed.data);
      return { sent: true };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
