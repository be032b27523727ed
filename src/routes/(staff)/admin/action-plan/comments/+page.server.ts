import { app } from '$lib/server/app';
import { requireActionPlanEditor } from '$lib/server/actionplan/actionplan.guard';
import {
  getMeasure,
  listRecommendations,
  moderateComment,
  pendingComments
} from '$lib/server/actionplan/actionplan.service';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { ZModerationForm } from '$lib/schemas/actionplan';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireActionPlanEditor(locals, url);
  const db = (await app()).db;
  const comments = await pendingComments(db, actor);
  const recs = await listRecommendations(db);
  const targets = await Promise.all(
    comments.map(async (c) => {
      if (c.targetType === 'recommendation') {
        const r = recs.find((x) => x.id === c.targetId);
        return { href: `/action-plan/greta/${r?.code ?? ''}`, label: `GRETA ${r?.code ?? ''}` };
      }
      const m = (await getMeasure(db, c.targetId)).measure;
      return {
        href: `/action-plan/measures/${m.id}`,
        label: `${m.plan}${m.number ? ` – ${m.number}` : ''}: ${m.title}`
      };
    })
  );
  return { comments: comments.map((c, i) => ({ ...c, target: targets[i] })) };
};

export const actions: Actions = {
  moderate: async ({ request, locals, url }) => {
    const actor = requireActionPlanEditor(locals, url);
    const parsed = await parseForm(request, ZModerationForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await moderateComment((await app()).db, actor, parsed.data.commentId, parsed.data.decision);
      return { done: true };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
