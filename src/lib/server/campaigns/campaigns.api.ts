import { translate, type Locale } from '../../i18n';
import { ZPlanRequest, ZPlanResponse } from '../../schemas/campaigns';
import { plan } from '../../stats/power';
import type { TApiOperation } from '../api/openapi';
import type { z } from 'zod';
import { PLANNER_ALPHA, PLANNER_POWER } from './planner.service';

/** The Campaigns module's API (issue 8): so far the evaluation planner, a pure computation. */
export const campaignsOperations: TApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/campaigns/plan',
    summary:
      'Evaluation planner: minimum detectable effect at 80 % power and 5 % significance for before/after, exposed vs not exposed and difference-in-differences, and the sample needed for the hoped-for change. Nothing is stored.',
    tags: ['campaigns'],
    body: ZPlanRequest,
    response: ZPlanResponse,
    example: { body: { level: 0.14, n_before: 1000, n_after: 1000, share_exposed: 0.3, deff: 1.5, hoped_change: 0.02 } }
  }
];

export function planView(input: z.infer<typeof ZPlanRequest>, locale: Locale): z.infer<typeof ZPlanResponse> {
  const designs = plan({ ...input, alpha: PLANNER_ALPHA, power: PLANNER_POWER });
  const underpowered = designs.filter((d) => d.underpowered).map((d) => d.design);
  return {
    alpha: PLANNER_ALPHA,
    power: PLANNER_POWER,
    designs,
    underpowered,
    warning: underpowered.length
      ? translate(locale, 'campaigns.api.warning', {
          designs: underpowered.map((d) => translate(locale, `campaigns.planner.design.${d}`)).join('; ')
        })
      : null
  };
}
