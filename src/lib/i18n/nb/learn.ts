/** Learn: the sourced knowledge pages and their search. */
export const learn = {
  'learn.nav': 'Lær',
  'learn.home.title': 'Lær om menneskehandel',
  'learn.home.description':
    'Hva menneskehandel er, hvor det skjer i Norge, tegnene, loven, tallene og hva du kan gjøre.',
  'learn.title': 'Lær om menneskehandel',
  'learn.lead':
    'Korte sider om hva menneskehandel er, hvor det skjer i Norge og hva du kan gjøre. Hver påstand har en kilde.',
  'learn.pages.title': 'Sidene',
  'learn.search.title': 'Søk i sidene',
  'learn.search.label': 'Søkeord',
  'learn.search.button': 'Søk',
  'learn.search.results': 'Treff for «{q}»: {count}',
  'learn.search.none': 'Ingen sider inneholder «{q}». Prøv et annet ord, eller les sidene nedenfor.',
  'learn.search.error.q': 'Skriv minst to bokstaver eller tall.',
  'learn.search.error.qLong': 'Skriv høyst 100 tegn.',
  'learn.error.notFound': 'Fant ikke siden.',
  'learn.error.notFound.title': 'Fant ikke siden',
  'learn.error.notFound.body':
    'Denne siden finnes ikke blant læringssidene. Søk etter det du lette etter, eller velg en side.',
  'learn.page.updated': 'Sist oppdatert',
  'learn.page.toc': 'Innhold på siden',
  'learn.page.sources': 'Kilder',
  'learn.page.related': 'Les også',
  'learn.page.all': 'Alle læringssidene',
  'learn.page.fallback': 'Denne siden finnes ikke på bokmål ennå. Du leser den engelske teksten.'
};
