/** Help in your language: the shell strings (the per-language page texts are in server/help/texts/). */
export const help = {
  'help.nav': 'Hjelp på ditt språk',
  'help.home.title': 'Hjelp på ditt språk',
  'help.home.text':
    'For personer som kan være utnyttet: tegn, rettigheter og trygge kontakter på mange språk, og et kort å skrive ut.',
  'help.choose.title': 'Velg språk',
  'help.choose.lead': 'Informasjon om hjelp og rettigheter i Norge, på ditt språk.',
  'help.choose.unknown': 'Vi har ikke det språket. Velg et av disse:',
  'help.choose.card': 'Kort å skrive ut',
  'help.choose.cardLead':
    'For oppsøkende arbeid, krisesentre, helsetjenester og fagforeninger: lommebokkort med de viktigste numrene og en QR-kode til siden på språket.',
  'help.error.unknownLanguage': 'Vi har ikke det språket.',
  'help.error.editorsOnly': 'Bare redaktører kan merke en oversettelse som sjekket.',
  'help.error.sourceText': 'Bokmål og engelsk er originaltekstene og sjekkes ikke som oversettelser.',
  'help.error.changed': 'Teksten er endret siden du åpnet siden. Les den nye versjonen og prøv igjen.',
  'help.admin.nav': 'Oversettelser',
  'help.admin.title': 'Hjelp på ditt språk: oversettelser',
  'help.admin.lead':
    'Oversettelsene viser «ikke sjekket av en som har språket som morsmål» til en redaktør merker dem som sjekket. Endres bokmåls- eller engelskteksten, eller oversettelsen selv, må den sjekkes på nytt.',
  'help.admin.language': 'Språk',
  'help.admin.status': 'Status',
  'help.admin.lastReview': 'Sist sjekket',
  'help.admin.action': 'Handling',
  'help.admin.open': 'Les siden',
  'help.admin.markReviewed': 'Merk som sjekket',
  'help.admin.reviewed.done': 'Oversettelsen er merket som sjekket.',
  'help.admin.editorsOnly': 'Du kan lese statusen. Bare redaktører kan merke en oversettelse som sjekket.',
  'help.admin.by': '{name}, {date}',
  'help.status.source': 'Originaltekst',
  'help.status.unreviewed': 'Ikke sjekket',
  'help.status.reviewed': 'Sjekket',
  'help.status.needs_review': 'Må sjekkes på nytt'
};
