import { app } from '$lib/server/app';
import { canEditStatistics, LICENCE, listIndicators } from '$lib/server/statistics/statistics.service';
import { indicatorName, indicatorUnit } from '$lib/server/statistics/statistics.view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const locale = locals.locale;
  const indicators = await listIndicators((await app()).db);
  return {
    licence: LICENCE,
    canEdit: canEditStatistics(locals.user),
    indicators: indicators.map((i) => ({
      slug: i.slug,
      name: indicatorName(i, locale),
      unit: indicatorUnit(i, locale),
      valueCount: i.valueCount,
      firstYear: i.firstYear,
      lastYear: i.lastYear
    }))
  };
};
