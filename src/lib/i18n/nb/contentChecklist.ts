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
  'contentChecklist.error.date': 'Skriv datoen som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.',
  'contentChecklist.sections': 'Deler av informasjonssiden',
  'contentChecklist.sectionsLead':
    'Hver del har en overskrift, ett eller flere avsnitt på bokmål og engelsk, og kildene den bygger på.',
  'contentChecklist.section': 'Del {number}',
  'contentChecklist.field.sectionTitle': 'Overskrift ({language})',
  'contentChecklist.field.paragraph': 'Avsnitt {paragraph} ({language})',
  'contentChecklist.field.sectionSources': 'Kilder for delen',
  'contentChecklist.paragraph': 'Avsnitt {paragraph} i del {number}',
  'contentChecklist.add.sections': 'Legg til en del',
  'contentChecklist.up.sections': 'Flytt del {number} opp',
  'contentChecklist.down.sections': 'Flytt del {number} ned',
  'contentChecklist.remove.sections': 'Fjern del {number}',
  'contentChecklist.add.paragraphs': 'Legg til et avsnitt i del {number}',
  'contentChecklist.up.paragraphs': 'Flytt avsnitt {paragraph} i del {number} opp',
  'contentChecklist.down.paragraphs': 'Flytt avsnitt {paragraph} i del {number} ned',
  'contentChecklist.remove.paragraphs': 'Fjern avsnitt {paragraph} i del {number}',
  'contentChecklist.refuse.lastParagraph': 'En del må ha minst ett avsnitt. Det siste kan ikke fjernes.',
  'contentChecklist.error.paragraphs': 'Skriv minst ett avsnitt.',
  'contentChecklist.new.list': 'Ny sjekkliste (ny bransje)',
  'contentChecklist.new.title': 'Ny sjekkliste for en ny bransje',
  'contentChecklist.new.lead':
    'Sjekklisten lagres som utkast og går gjennom den samme gjennomgangen som alle endringer. Bransjen vises på /check, i API-et og i eksporten først når sjekklisten er publisert.',
  'contentChecklist.new.id': 'Bransjens id (en del av adressen)',
  'contentChecklist.new.idHint':
    'Små bokstaver a–z, tall og bindestrek, 2–41 tegn, start med en bokstav. Sjekklisten får adressen /check/<id>. Id-en kan ikke endres senere: svarene telles under den.',
  'contentChecklist.new.name': 'Bransjens navn ({language})',
  'contentChecklist.new.start': 'Start fra',
  'contentChecklist.new.startEmpty': 'Et tomt skjelett: ett spørsmål, ett varseltegn og én kilde å fylle ut',
  'contentChecklist.new.startInformation':
    'En tom informasjonsside uten poeng (som siden om sexkjøp): én del med ett avsnitt og én kilde å fylle ut',
  'contentChecklist.new.startCopy': 'En kopi av «{title}»',
  'contentChecklist.new.create': 'Opprett utkast',
  'contentChecklist.new.unpublished':
    'Ikke publisert ennå. Første publisering gir sjekklisteversjon {next}; bransjen vises da straks på /check.',
  'contentChecklist.start.summary': '[Skriv en kort beskrivelse av bransjen]',
  'contentChecklist.start.intro': '[Skriv innledningen til sjekklisten]',
  'contentChecklist.start.question': '[Skriv spørsmålet]',
  'contentChecklist.start.why': '[Skriv hvorfor spørsmålet er et varseltegn]',
  'contentChecklist.start.sign': '[Skriv varseltegnet]',
  'contentChecklist.start.source': '[Skriv kilden: tittel, utgiver og år]',
  'contentChecklist.start.sectionTitle': '[Skriv overskriften]',
  'contentChecklist.start.sectionBody': '[Skriv avsnittet]',
  'contentChecklist.error.newId': 'Bruk 2–41 tegn: små bokstaver a–z, tall og bindestrek, og start med en bokstav.',
  'contentChecklist.error.idTaken':
    'Denne bransjen finnes allerede (eller har svar lagret under denne id-en). Velg en annen id, eller rediger den som finnes.',
  'contentChecklist.error.name': 'Skriv bransjens navn (høyst 120 tegn).',
  'contentChecklist.error.start': 'Velg et tomt skjelett eller en publisert sjekkliste å kopiere.',
  'contentChecklist.error.startTexts':
    'Sjekklisten har fortsatt starttekster i klammer. Skriv dem før den sendes til gjennomgang eller publiseres.',
  'contentChecklist.error.startText': 'Skriv denne teksten: starteksten i klammer står fortsatt her.'
};
