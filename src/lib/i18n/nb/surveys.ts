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
  'surveys.error.badInput': 'Dataene til beregningen er ugyldige.',
  'surveys.error.questionId':
    'Spørsmåls-ID-en må begynne med en liten bokstav og bare ha små bokstaver, sifre og _ (høyst 40 tegn).',
  'surveys.error.optionCode': 'Svarkoden kan bare ha små bokstaver, sifre, - og _ (høyst 30 tegn).',
  'surveys.error.tooManyOptions': 'Et spørsmål kan ha høyst 30 svaralternativer.',
  'surveys.error.tooManyQuestions': 'En del kan ha høyst 60 spørsmål.',
  'surveys.error.tooManySections': 'En undersøkelse kan ha høyst 20 deler.',
  'surveys.error.minAge': 'Aldersgrensen må være mellom 13 og 99 år.',
  'surveys.error.duplicateQuestion': 'To spørsmål har samme ID.',
  'surveys.error.duplicateDemographic': 'Kjønn, aldersgruppe og fylke kan bare spørres om én gang hver.',
  'surveys.error.needOptions': 'Et valgspørsmål trenger minst to svaralternativer.',
  'surveys.error.likertPoints': 'En skala har 5 eller 7 punkter, hvert med en tekst.',
  'surveys.error.noOptions': 'Denne spørsmålstypen har ingen egne svaralternativer.',
  'surveys.error.duplicateOption': 'To svaralternativer har samme kode.',
  'surveys.error.range': 'Minste verdi er større enn største verdi.',
  'surveys.error.skipRuleEarlier': 'Et vilkår for å vise spørsmålet må gjelde et spørsmål i en tidligere del.',
  'surveys.error.skipRuleAnswer': 'Vilkåret viser til et svar spørsmålet ikke har.',
  'surveys.error.unknownQuestion': 'Dette spørsmålet finnes ikke i undersøkelsen.',
  'surveys.error.chooseAtLeastOne': 'Velg minst ett alternativ.',
  'surveys.error.wholeNumber': 'Skriv et helt tall.',
  'surveys.error.outOfRange': 'Tallet er utenfor det tillatte området.',
  'surveys.error.oneAnswer': 'Velg bare ett alternativ.',
  'surveys.error.notAnOption': 'Svaret er ikke et av alternativene.',
  'surveys.error.forbidden': 'Bare analytikere, redaktører og administratorer kan arbeide med undersøkelser.',
  'surveys.error.definition': 'Undersøkelsen er ikke gyldig ({where}).',
  'surveys.error.slugTaken': 'Adressen er allerede i bruk av en annen undersøkelse.',
  'surveys.error.notFound': 'Fant ikke undersøkelsen.',
  'surveys.error.nothingToPublish':
    'Det finnes ikke noe utkast å publisere. Endre spørsmålene først, så lages et nytt utkast.',
  'surveys.error.noQuestions': 'Undersøkelsen har ingen spørsmål ennå.',
  'surveys.error.closesBeforeOpens': 'Sluttdatoen er før startdatoen.',
  'surveys.error.waveNotFound': 'Fant ikke runden.',
  'surveys.error.publishFirst': 'Publiser undersøkelsen før du lager en runde.',
  'surveys.error.waveHasResponses': 'Runden har svar og kan ikke slettes.',
  'surveys.error.linkNotFound': 'Lenken til undersøkelsen er ikke gyldig.',
  'surveys.error.waveClosed': 'Undersøkelsen er ikke åpen for svar nå.',
  'surveys.error.quotaFull':
    'Takk for at du ville svare! Vi har allerede fått nok svar fra personer i din gruppe, så svaret ditt blir ikke lagret.',
  'surveys.error.answers': 'Noen svar mangler eller er ikke gyldige.',
  'surveys.error.tokenNeeded': 'Denne lenken krever den personlige koden fra invitasjonen.',
  'surveys.error.tokenUsed': 'Denne invitasjonen er allerede brukt til å svare.',
  'surveys.error.alreadyAnswered': 'Du har allerede svart på denne undersøkelsen fra denne nettleseren.',
  'surveys.error.date': 'Skriv datoen som ÅÅÅÅ-MM-DD.',
  'surveys.error.slug': 'Adressen kan bare ha små bokstaver, sifre og bindestreker.',
  'surveys.error.quotaLine':
    'En linje i kvotene kan ikke leses. Skriv for eksempel: sex=female age_group=16-24 max=100.',
  'surveys.error.sourceCode': 'Kildekoden kan bare ha bokstaver, sifre, punktum, - og _.'
};
