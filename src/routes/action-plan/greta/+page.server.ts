import { app } from '$lib/server/app';
import {
  canEditActionPlan,
  listRecommendations,
  recommendationHistory
} from '$lib/server/actionplan/actionplan.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const db = (await app()).db;
  const recommendations = await listRecommendations(db);
  const rounds: { round: string; year: number | null; items: typeof recommendations }[] = [];
  for (const r of recommendations) {
    const group = rounds.find((g) => g.round === r.round);
    if (group) group.items.push(r);
    else rounds.push({ round: r.round, year: r.year, items: [r] });
  }
  rounds.sort((a, b) => (a.round === '' ? 1 : b.round === '' ? -1 : a.round.localeCompare(b.round)));
  return { rounds, history: await recommendationHistory(db), canEdit: canEditActionPlan(locals.user) };
};
