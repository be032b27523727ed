/** Surveys: messages of the statistics engine (src/lib/stats/survey); the survey module adds its own. */
export const surveys = {
  'surveys.error.noRespondents':
    'Ingen respondenter i {cell}, men cellen har et befolkningstall. Slå sammen kategorier eller velg andre marginer.',
  'surveys.error.notInMargins': 'Respondentene i {cell} har ikke noe befolkningstall i marginene.',
  'surveys.error.marginTotals':
    'Marginene summerer ikke til det samme: {first} gir {firstTotal}, {other} gir {otherTotal}.',
  'surveys.error.notConverged':
    'Vektingen (raking) konvergerte ikke etter {iterations} runder. Siste runde endret fortsatt en celle med {lastChange}.',
  'surveys.error.singleRespondentStratum':
    'Bølgen {stratum} har bare én respondent, så usikkerheten kan ikke beregnes.',
  'surveys.error.trimNeedsEqualBaseWeights':
    'Trimming av vekter krever like grunnvekter innen hver celle, men {cell} har ulike.',
  'surveys.error.badInput': 'Dataene til beregningen er ugyldige.'
};
