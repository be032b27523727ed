/**
 * Bokmål: the source text of the help page, written from the research file (part B). Every other
 * language has exactly these keys. No numbers or addresses here: {months}, {hours} and {age} come from
 * help.facts.ts, and the contacts are shown from there.
 */
export const nb = {
  pageTitle: 'Nyttig informasjon',
  heading: 'Hjelp og rettigheter i Norge',
  intro:
    'Denne siden er for deg som kanskje blir utnyttet i arbeid eller på annen måte. Du kan få hjelp. Hjelpen er gratis.',
  signsHeading: 'Tegn på at du kan bli utnyttet',
  signsIntro: 'Stemmer noe av dette for deg?',
  signPapers: 'Noen andre har passet ditt eller papirene dine.',
  signDebt: 'Du har en gjeld du ikke klarer å betale ned.',
  signFreedom: 'Du kan ikke slutte, reise eller si nei til arbeid.',
  signThreats: 'Du eller familien din blir truet.',
  signPay: 'Noen andre tar lønnen din.',
  signHousing: 'Du bor der du jobber, og kan ikke flytte.',
  signsOutro:
    'Da kan du være utsatt for menneskehandel eller tvangsarbeid. Det er straffbart i Norge. Det er ikke din skyld.',
  contactsHeading: 'Slik får du hjelp',
  contactEmergency: 'Er du i fare nå? Ring nødnummeret.',
  contactRosa:
    'ROSA hjelper personer som er utsatt for menneskehandel. Telefonen er åpen hele døgnet. Du kan ringe selv.',
  contactPolice: 'Politiet, når det ikke haster. Du kan få råd, eller anmelde.',
  contactLabour: 'Arbeidstilsynet: lønn og arbeidsforhold. Du kan tipse uten å si hvem du er.',
  contactShelter:
    'ROSA kan gi deg et trygt sted å bo på et krisesenter. Det gjelder personer over {age} år. Frelsesarmeen har også et trygt hus for menn over {age} år.',
  reflectionHeading: 'Du kan få lov til å bli i Norge en tid',
  reflectionText:
    'Er det tegn på at du er utsatt for menneskehandel, kan du få en refleksjonsperiode. Det er en tillatelse til å bo og arbeide i Norge i {months} måneder. Du trenger ikke anmelde for å få den.',
  reflectionApply:
    'Du søker hos politiet der du bor, og du må møte opp selv. UDI bestemmer. Du blir ikke sendt ut av landet mens perioden varer.',
  reflectionLimits:
    'Tillatelsen kan ikke forlenges, og den gir ikke rett til å bli i Norge for alltid. Den gjelder bare i Norge.',
  lawyerHeading: 'Du har rett til advokat',
  lawyerBefore:
    'Før du bestemmer deg for å anmelde, kan du få minst {hours} timer gratis juridisk råd. Du kan søke om mer.',
  lawyerAfter: 'Anmelder du, får du en gratis bistandsadvokat gjennom hele saken. Staten betaler.',
  healthHeading: 'Helsehjelp',
  healthText:
    'Alle har rett til akutt helsehjelp, og til hjelp som ikke kan vente. Uten lovlig opphold er annen helsehjelp ofte vanskelig å få. Det gjelder i praksis også mange med refleksjonsperiode.',
  happensHeading: 'Hva skjer når du tar kontakt?',
  happensText:
    'ROSA lytter og forklarer hva du kan gjøre. Du bestemmer selv om du vil anmelde. Du kan få hjelp til bolig, advokat og helse.',
  happensNotGuaranteed:
    'Vi vil være ærlige: Ingen kan love deg at du får bli i Norge. Noen som utnytter andre, sier at du blir sendt ut hvis du ber om hjelp. Les over hva rettighetene dine er, og spør ROSA eller en advokat.',
  safetyHeading: 'Vær trygg på nettet',
  safetyHistory:
    'Bruker andre telefonen din? Slett loggen i nettleseren: åpne menyen, velg «Logg» eller «Historikk», og velg «Slett nettlesingsdata». Eller bruk et privat vindu.',
  safetyQuickExit: 'Knappen «Gå bort» øverst lukker denne siden og åpner en værmelding.',
  quickExit: 'Gå bort',
  quickExitHint: 'Lukker siden straks og åpner en værmelding.',
  sources: 'Kilder',
  otherLanguages: 'Andre språk',
  statusSource: 'Originaltekst, skrevet ut fra kildene.',
  statusUnreviewed: 'Oversatt. Ikke sjekket av en som har språket som morsmål ennå.',
  statusNeedsReview: 'Oversatt. Originalteksten er endret etter siste sjekk, så oversettelsen må sjekkes på nytt.',
  statusReviewed: 'Oversatt og sjekket av en som har språket som morsmål ({name}, {date}).',
  updated: 'Sist oppdatert: {date}.',
  cardHeading: 'Trenger du hjelp?',
  cardEmergency: 'Fare nå',
  cardRosa: 'ROSA, hele døgnet',
  cardPolice: 'Politiet',
  cardScan: 'Skann koden for mer informasjon på ditt språk.',
  cardLink: 'Utskrivbart kort',
  cardPrintHint: 'Skriv ut på A4: ti kort i lommebokstørrelse på hvert ark.',
  cardPrint: 'Skriv ut'
} as const;
