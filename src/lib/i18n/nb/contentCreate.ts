/** Creating new learning pages and quiz sets in the content studio (staff area). */
export const contentCreate = {
  'contentCreate.list.newPage': 'Ny læringsside',
  'contentCreate.list.newQuiz': 'Ny quiz',
  'contentCreate.learn.title': 'Ny læringsside',
  'contentCreate.learn.lead':
    'Siden lagres som utkast (versjon 1) og går gjennom den samme gjennomgangen som alle endringer. Leserne ser den først når den er publisert. Den andre språkversjonen legges til senere under samme adresse.',
  'contentCreate.learn.address': 'Adresse og språk',
  'contentCreate.learn.slug': 'Adresse (slug)',
  'contentCreate.learn.slugHint':
    'Små bokstaver a–z, tall og bindestrek, 2–61 tegn, start med en bokstav. Siden får adressen /learn/<slug>. Adressen kan ikke endres senere.',
  'contentCreate.learn.locale': 'Språk',
  'contentCreate.learn.prefilled':
    'Skjemaet er fylt ut med teksten fra språkversjonen «{language}». Oversett tekstene før du lagrer.',
  'contentCreate.learn.addOther': 'Lag språkversjonen «{language}»',
  'contentCreate.create': 'Opprett utkast',
  'contentCreate.quiz.title': 'Ny quiz',
  'contentCreate.quiz.lead':
    'Fyll ut hele quizen. Den lagres som utkast (versjon 1) og går gjennom den samme gjennomgangen som alle endringer. Elevene ser den – selvstudium og i klasserommet – først når den er publisert.',
  'contentCreate.quiz.id': 'Id (en del av adressen)',
  'contentCreate.quiz.idHint':
    'Små bokstaver a–z, tall og bindestrek, høyst 41 tegn. Quizen får adressen /youth/quiz/<id>. Id-en kan ikke endres senere: svarene telles under den.',
  'contentCreate.error.key': 'Bruk små bokstaver a–z, tall og bindestrek, og start med en bokstav eller et tall.',
  'contentCreate.error.reserved': 'Denne adressen brukes av nettstedet selv. Velg en annen.',
  'contentCreate.error.locale': 'Velg bokmål eller engelsk.',
  'contentCreate.error.taken':
    'Adressen er allerede i bruk på dette språket. Velg en annen, eller rediger den som finnes.',
  'contentCreate.error.takenSummary': 'Adressen er allerede i bruk. Ingenting ble lagret.',
  'contentCreate.youth.studio': 'Rediger quizen i innholdsstudioet',
  'contentCreate.youth.studioLead':
    'Spørsmål, svaralternativer, rekkefølge og publisering endres i innholdsstudioet, med utkast, gjennomgang og historikk. Her ser du svarene så langt.',
  'contentCreate.youth.new': 'Lag en ny quiz i innholdsstudioet',
  'contentCreate.unpublish.title': 'Ta av nettstedet',
  'contentCreate.unpublish.lead':
    'Versjon {number} er publisert. Arkiverer du den, forsvinner innholdet fra de offentlige sidene, søket og API-et. Historikken beholdes, og et nytt utkast kan publiseres senere.',
  'contentCreate.unpublish.button': 'Arkiver den publiserte versjonen {number}'
};
