import { app } from '$lib/server/app';
import { getPlan, listPlans, today } from '$lib/server/actionplan/actionplan.service';
import { timelineLayout } from '$lib/server/actionplan/actionplan.timeline';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const db = (await app()).db;
  const day = today();
  const plans = await listPlans(db, day);
  const measures = (await Promise.all(plans.map((p) => getPlan(db, p.slug, day)))).flatMap((p) => p.measures);
  return {
    today: day,
    timeline: timelineLayout({ plans, measures, today: day }),
    rows: measures
      .filter((m) => m.deadline)
      .map((m) => ({
        id: m.id,
        plan: plans.find((p) => p.slug === m.plan)?.title ?? m.plan,
        number: m.number,
        title: m.title,
        deadline: m.deadline as string,
        status: m.status,
        overdue: m.flags.overdue
      })),
    plans: plans.map((p) => ({ slug: p.slug, title: p.title, periodFrom: p.periodFrom, periodTo: p.periodTo }))
  };
};
