import type { campaigns as nb } from '../nb/campaigns';

export const campaigns: Record<keyof typeof nb, string> = {
  'campaigns.admin.nav': 'Campaigns',
  'campaigns.planner.title': 'Evaluation planner',
  'campaigns.planner.lead':
    "Before a campaign: can the survey we plan see the change the campaign hopes for? Enter the indicator's current level, the planned samples, the expected share who see the campaign and the design effect. The computation uses 80% power and a 5% significance level (two-sided).",
  'campaigns.planner.inputs': 'The plan',
  'campaigns.planner.level': 'Current level of the indicator (%)',
  'campaigns.planner.levelHint': 'From the last wave, or an estimate. For example 14.',
  'campaigns.planner.nBefore': 'Answers before the campaign',
  'campaigns.planner.nAfter': 'Answers after the campaign',
  'campaigns.planner.sampleHint': 'Whole numbers, for example 1000.',
  'campaigns.planner.shareExposed': 'Expected share who saw the campaign (%)',
  'campaigns.planner.shareHint': 'The share of those answering after the campaign, for example 30.',
  'campaigns.planner.deff': 'Design effect',
  'campaigns.planner.deffHint': '1 without weighting; 1.5 is common with weighting to the population.',
  'campaigns.planner.hopedChange': 'Change the campaign hopes for (percentage points)',
  'campaigns.planner.hopedHint': 'A rise, for example 5 for 14% to 19%.',
  'campaigns.planner.submit': 'Compute',
  'campaigns.planner.results': 'Result',
  'campaigns.planner.resultsLead':
    'The minimum detectable effect (MDE) is the smallest rise the survey will detect 8 times in 10 at a 5% significance level.',
  'campaigns.planner.col.design': 'Design',
  'campaigns.planner.col.mde': 'Minimum detectable effect',
  'campaigns.planner.col.needed': 'Answers needed for {change} points',
  'campaigns.planner.col.verdict': 'Can the plan see {change} points?',
  'campaigns.planner.design.before_after': 'Before and after (two independent waves)',
  'campaigns.planner.design.exposed': 'Saw vs did not see the campaign (follow-up wave)',
  'campaigns.planner.design.did': 'Difference-in-differences (saw/did not see, before/after)',
  'campaigns.planner.needed.perWave': '{n} per wave',
  'campaigns.planner.needed.followUp': '{n} in the follow-up wave',
  'campaigns.planner.needed.none': 'Not possible (above 100%)',
  'campaigns.planner.mde.points': '{points} percentage points',
  'campaigns.planner.mde.none': 'No rise below 100% can be detected',
  'campaigns.planner.verdict.yes': 'Yes',
  'campaigns.planner.verdict.no': 'No – sample too small',
  'campaigns.planner.warning':
    'The plan cannot detect the change the campaign hopes for with {designs}. Raise the sample to at least what the table shows, or expect a larger change. A result without a significant change would then not mean the campaign did not work – only that the survey was too small to see it.',
  'campaigns.planner.ok': 'The plan can detect a change of {change} percentage points with all three designs.',
  'campaigns.planner.caveat':
    'Exposure is self-reported (do people remember the campaign?), and the design is observational: difference-in-differences assumes the groups would have moved alike without the campaign.',
  'campaigns.planner.formulas': 'Formulas and sources',
  'campaigns.planner.formulasText':
    "Before/after and saw/did not see: the test of two independent proportions as in R's power.prop.test, with the samples divided by the design effect. Difference-in-differences: MDE = (z₀.₉₇₅ + z₀.₈) · √(deff · p(1 − p) · Σ 1/n), summed over the four cells. The formulas are described in docs/campaigns.md and checked against R.",
  'campaigns.error.level': 'Enter a number between 0.1 and 99.9.',
  'campaigns.error.sample': 'Enter a whole number between 20 and 10,000,000.',
  'campaigns.error.share': 'Enter a number between 1 and 99.',
  'campaigns.error.deff': 'Enter a number between 0.5 and 10.',
  'campaigns.error.change': 'Enter a rise between 0.1 and 99.8 percentage points.',
  'campaigns.error.changeTooLarge': 'The level plus the change must be below 100%.'
};
