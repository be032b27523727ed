/** Breakdown questions, joint counters and effect estimates of surveys (docs/surveys.md). */
export const surveysBreakdown = {
  'surveys.error.tooManyBreakdowns': 'En undersøkelse kan ha høyst tre fordelingsspørsmål.',
  'surveys.error.breakdownType':
    'Bare spørsmål med ett svar (enkeltvalg eller Likert-skala) kan være fordelingsspørsmål.',
  'surveys.error.notBreakdown':
    'Bare fordelingsspørsmål kan brukes til dette; merk spørsmålet som fordelingsspørsmål i byggeren.',
  'surveys.error.effectWaves': 'Velg to runder av samme undersøkelse.',
  'surveys.error.effectQuestion': 'Velg et spørsmål med svaralternativer som finnes i begge rundene.',
  'surveys.error.effectAnswer': 'Svaret finnes ikke for dette spørsmålet.',
  'surveys.error.exposureAbsent':
    'Eksponeringsspørsmålet må være med, og merket som fordelingsspørsmål, i begge rundene.',
  'surveys.builder.breakdown': 'Fordelingsspørsmål',
  'surveys.builder.breakdownHint':
    'Resultater kan fordeles etter svarene på dette spørsmålet (for eksempel «Har du sett kampanjen?»). Høyst tre per undersøkelse; bare enkeltvalg og Likert-skala.',
  'surveys.builder.breakdownMark': 'fordeling'
};
