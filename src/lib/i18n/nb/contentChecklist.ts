/** The content studio's checklist form: adding, removing and moving signs, advice and sources. */
export const contentChecklist = {
  'contentChecklist.bothLanguages': 'Bokmål og engelsk',
  'contentChecklist.indicator': 'Tegn {number}',
  'contentChecklist.adviceItem': 'Råd {number}',
  'contentChecklist.source': 'Kilde {number}',
  'contentChecklist.sources': 'Kilder',
  'contentChecklist.sourcesLead':
    'Kildene sjekklisten bygger på. Spørsmål, tegn og råd krysser av for sine kilder; en kilde som noe bare har seg, kan ikke fjernes.',
  'contentChecklist.indicatorsLead':
    'Tegnene resultatet viser, med ILO-indikatorene de peker på. Hvert tegn må brukes av minst ett spørsmål.',
  'contentChecklist.adviceLead':
    'Råd vises ved nivåene du velger, eller bare når et av de valgte spørsmålene får varseltegn-svaret eller «vet ikke».',
  'contentChecklist.new': 'nytt',
  'contentChecklist.field.sourceTitle': 'Tittel',
  'contentChecklist.field.publisher': 'Utgiver',
  'contentChecklist.field.url': 'Nettadresse',
  'contentChecklist.field.urlHint': 'Tom bare for en trykt kilde.',
  'contentChecklist.field.date': 'Dato',
  'contentChecklist.field.dateHint': 'ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.',
  'contentChecklist.field.adviceQuestions': 'Vises bare ved disse spørsmålene (ingen valgt: alltid ved nivåene)',
  'contentChecklist.field.adviceSources': 'Kilder for rådet',
  'contentChecklist.field.indicatorSources': 'Kilder for tegnet',
  'contentChecklist.add.indicators': 'Legg til et tegn',
  'contentChecklist.add.advice': 'Legg til et råd',
  'contentChecklist.add.sources': 'Legg til en kilde',
  'contentChecklist.up.indicators': 'Flytt tegn {number} opp',
  'contentChecklist.down.indicators': 'Flytt tegn {number} ned',
  'contentChecklist.remove.indicators': 'Fjern tegn {number}',
  'contentChecklist.up.advice': 'Flytt råd {number} opp',
  'contentChecklist.down.advice': 'Flytt råd {number} ned',
  'contentChecklist.remove.advice': 'Fjern råd {number}',
  'contentChecklist.up.sources': 'Flytt kilde {number} opp',
  'contentChecklist.down.sources': 'Flytt kilde {number} ned',
  'contentChecklist.remove.sources': 'Fjern kilde {number}',
  'contentChecklist.notes': 'Dette ble også endret:',
  'contentChecklist.refused': 'Endringen ble ikke gjort. Grunnen står ved elementet.',
  'contentChecklist.note.indicatorDropped':
    'Tegnet «{name}» ble bare brukt av spørsmålet du fjernet, og er fjernet sammen med det.',
  'contentChecklist.note.adviceQuestion':
    'Rådet «{name}» vises ikke lenger ved spørsmålet du fjernet, bare ved de andre spørsmålene det er knyttet til.',
  'contentChecklist.note.orgNumber':
    'Spørsmålet du fjernet hadde feltet for organisasjonsnummer. Sjekklisten viser ikke det feltet lenger.',
  'contentChecklist.note.questionIndicator':
    'Spørsmål {number} pekte også på tegnet du fjernet. Den koblingen er borte.',
  'contentChecklist.note.sourceQuestion':
    'Spørsmål {number} viste også til kilden du fjernet. Den henvisningen er borte.',
  'contentChecklist.note.sourceIndicator':
    'Tegnet «{name}» viste også til kilden du fjernet. Den henvisningen er borte.',
  'contentChecklist.note.sourceAdvice': 'Rådet «{name}» viste til kilden du fjernet. Den henvisningen er borte.',
  'contentChecklist.note.sourceSection':
    'Avsnitt {number} viste også til kilden du fjernet. Den henvisningen er borte.',
  'contentChecklist.refuse.lastQuestion':
    'En sjekkliste med poeng trenger minst ett spørsmål. Det siste kan ikke fjernes.',
  'contentChecklist.refuse.adviceOnlyQuestion':
    'Rådet «{name}» vises bare ved dette spørsmålet. Fjern rådet eller knytt det til et annet spørsmål først.',
  'contentChecklist.refuse.indicatorOnly':
    'Spørsmål {number} peker bare på dette tegnet. Velg et annet tegn for spørsmålet, eller fjern spørsmålet, først.',
  'contentChecklist.refuse.lastSource': 'Sjekklisten må ha minst én kilde. Den siste kan ikke fjernes.',
  'contentChecklist.refuse.sourceOnlyQuestion':
    'Spørsmål {number} har bare denne kilden. Velg en annen kilde for spørsmålet først.',
  'contentChecklist.refuse.sourceOnlyIndicator':
    'Tegnet «{name}» har bare denne kilden. Velg en annen kilde for tegnet først.',
  'contentChecklist.refuse.sourceOnlySection':
    'Avsnitt {number} har bare denne kilden. Avsnittene redigeres i filen (content:import), så kilden blir stående.',
  'contentChecklist.refuse.full': 'Listen er full: høyst {max}.',
  'contentChecklist.refuse.gone': 'Elementet finnes ikke lenger i skjemaet. Last siden på nytt.',
  'contentChecklist.error.refName': 'Et valgt element mangler et gyldig kort navn. Gi det et navn først.',
  'contentChecklist.error.url': 'Skriv en hel nettadresse som begynner med https:// eller http://.',
  'contentChecklist.error.date': 'Skriv datoen som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.'
};
