import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireStatisticsStaff } from '$lib/server/statistics/statistics.guard';
import { createIndicator, listIndicators } from '$lib/server/statistics/statistics.service';
import { indicatorName } from '$lib/server/statistics/statistics.view';
import { ZIndicatorForm } from '$lib/schemas/statistics';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireStatisticsStaff(locals, url);
  const indicators = await listIndicators((await app()).db);
  return {
    indicators: indicators.map((i) => ({
      slug: i.slug,
      name: indicatorName(i, locals.locale),
      valueCount: i.valueCount
    }))
  };
};

export const actions: Actions = {
  create: async ({ request, locals, url }) => {
    const actor = requireStatisticsStaff(locals, url);
    const parsed = await parseForm(request, ZIndicatorForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    let slug: string;
    try {
      ({ slug } = await createIndicator((await app()).db, actor, parsed.data));
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
    redirect(303, localizePath(`/admin/statistics/${slug}?created=1`, locals.locale));
  }
};
