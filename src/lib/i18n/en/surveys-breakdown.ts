import type { surveysBreakdown as nb } from '../nb/surveys-breakdown';

export const surveysBreakdown: Record<keyof typeof nb, string> = {
  'surveys.error.tooManyBreakdowns': 'A survey can have at most three breakdown questions.',
  'surveys.error.breakdownType':
    'Only questions with one answer (single choice or Likert scale) can be breakdown questions.',
  'surveys.error.notBreakdown':
    'Only breakdown questions can be used for this; mark the question as a breakdown question in the builder.',
  'surveys.error.effectWaves': 'Choose two waves of the same survey.',
  'surveys.error.effectQuestion': 'Choose a question with answer options that is asked in both waves.',
  'surveys.error.effectAnswer': 'That answer does not exist for this question.',
  'surveys.error.exposureAbsent':
    'The exposure question must be asked, and marked as a breakdown question, in both waves.',
  'surveys.builder.breakdown': 'Breakdown question',
  'surveys.builder.breakdownHint':
    'Results can be broken down by the answers to this question (for example "Have you seen the campaign?"). At most three per survey; single choice and Likert scale only.',
  'surveys.builder.breakdownMark': 'breakdown'
};
