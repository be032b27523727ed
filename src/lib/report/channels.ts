/** Facts from the shared research (consumer_tools.md, section Police/ROSA/Arbeidstilsynet), each with its source. */
/** The official channels shown when no organisation receives a report, each with its sources. */
export const officialChannels = [
  {
    key: 'report.channels.112',
    sources: ['https://www.politiet.no/rad/menneskehandel/mistenker-du-at-noen-er-utsatt-for-menneskehandel/']
  },
  {
    key: 'report.channels.02800',
    sources: ['https://www.politiet.no/rad/menneskehandel/mistenker-du-at-noen-er-utsatt-for-menneskehandel/']
  },
  {
    key: 'report.channels.kripos',
    sources: [
      'https://www.politi.no/tjenester/tips-politiet/menneskehandel/',
      'https://tips.kripos.no/cmssite.asp?c=1&g=24'
    ]
  },
  { key: 'report.channels.arbeidstilsynet', sources: ['https://www.arbeidstilsynet.no/kontakt-oss/tips/'] },
  {
    key: 'report.channels.barnevern',
    sources: ['https://www.politiet.no/rad/menneskehandel/mistenker-du-at-noen-er-utsatt-for-menneskehandel/']
  },
  { key: 'report.channels.rosa', sources: ['http://rosa-help.no/om-rosa/'] }
] as const;
