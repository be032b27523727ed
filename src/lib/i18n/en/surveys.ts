import type { surveys as nb } from '../nb/surveys';

export const surveys: Record<keyof typeof nb, string> = {
  'surveys.error.noRespondents':
    'No respondents in {cell}, but the cell has a population total. Merge categories or choose other margins.',
  'surveys.error.notInMargins': 'The respondents in {cell} have no population total in the margins.',
  'surveys.error.marginTotals':
    'The margins do not add up to the same total: {first} gives {firstTotal}, {other} gives {otherTotal}.',
  'surveys.error.notConverged':
    'Weighting (raking) did not converge after {iterations} sweeps. The last sweep still changed a cell by {lastChange}.',
  'surveys.error.singleRespondentStratum':
    'Wave {stratum} has a single respondent, so its uncertainty cannot be estimated.',
  'surveys.error.trimNeedsEqualBaseWeights':
    'Trimming weights needs equal base weights within each cell, but {cell} has unequal ones.',
  'surveys.error.badInput': 'The data for the calculation are invalid.'
};
