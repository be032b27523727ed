/**
 * The evaluation planner (issue 8): the planner form's percentages turned into proportions and passed to
 * the pure formulas of `stats/power.ts`. No storage: the plan is a computation.
 */
import type { TRole } from '../auth/auth.types';
import { AppError } from '../errors';
import type { TPlannerForm } from '../../schemas/campaigns';
import { plan, PowerInputError, type TPlanDesign } from '../../stats/power';

/** Who may use the planner: analysts and editors (issue 8). */
export const plannerRoles: readonly TRole[] = ['analyst', 'editor'];

export const PLANNER_ALPHA = 0.05;
export const PLANNER_POWER = 0.8;

export interface TPlannerResult {
  designs: TPlanDesign[];
  /** The hoped-for change in percentage points, as typed. */
  hopedPoints: number;
  underpowered: TPlanDesign['design'][];
}

export function planCampaign(form: TPlannerForm): TPlannerResult {
  try {
    const designs = plan({
      level: form.level / 100,
      n_before: form.nBefore,
      n_after: form.nAfter,
      share_exposed: form.shareExposed / 100,
      deff: form.deff,
      hoped_change: form.hopedChange / 100,
      alpha: PLANNER_ALPHA,
      power: PLANNER_POWER
    });
    return {
      designs,
      hopedPoints: form.hopedChange,
      underpowered: designs.filter((d) => d.underpowered).map((d) => d.design)
    };
  } catch (e) {
    // The form schema keeps every input in range; this is a guard, never a 500.
    if (e instanceof PowerInputError) throw new AppError('validation', 'validation.invalid');
    throw e;
  }
}
